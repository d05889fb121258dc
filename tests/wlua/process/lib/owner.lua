-- processes.md §6: entry "owner", method main (used by spec_example.lua).
local time = require("time")
local function main()
    local events = process.events()
    local reply = process.listen("value")           -- raw payloads; listen before asking
    local child = process.spawn_monitored("lib.counter:main", "app:processes", 10)
    process.send(child, "add", 5)
    process.send(child, "get")
    local r = channel.select{ reply:case_receive(), time.after("5s"):case_receive() }
    assert(r.channel == reply, "reply before the deadline")
    assert(r.value == 15, "counter value 15, got " .. tostring(r.value))
    process.send(child, "crash")
    local ev = events:receive()
    assert(ev.kind == process.event.EXIT, "EXIT event")
    assert(ev.from == child, "EXIT from the child")
    assert(ev.result.error ~= nil, "crash carries an error")
    assert(tostring(ev.result.error):find("asked to crash", 1, true), "error text: " .. tostring(ev.result.error))
    assert(ev.result.value == nil, "no value on crash")
    child = process.spawn_monitored("lib.counter:main", "app:processes", 0)
    process.cancel(child, "done")
    ev = events:receive()
    assert(ev.kind == process.event.EXIT and ev.from == child)
    assert(ev.result.value == 0, "cancelled counter returns 0")
    assert(ev.result.error == nil, "graceful exit has no error")
    return true
end
return { main = main }
