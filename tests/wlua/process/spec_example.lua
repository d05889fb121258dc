-- processes.md §6: a restartable worker under a monitor. The owner runs as
-- its own process (through exec); it returns true after seeing exactly two
-- EXIT events.
local r, err = process.exec("lib.owner:main", "app:processes")
assert(err == nil, "owner failed: " .. tostring(err))
assert(r == true, "owner returns true")
