-- The same checks as preemption.lua, on a single worker thread.
-- args: --workers 1
dofile("preemption.lua")
