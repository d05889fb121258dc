-- A deadlock among the coroutines of the only process (a send on an
-- unbuffered channel nobody receives, and a select with no ready case).
-- expect-status: 1
-- expect-stderr: wlua: deadlock: all processes are blocked
-- expect-stderr: (main)
local a, b = channel.new(), channel.new()
coroutine.spawn(function() a:send(1) ; b:send(2) end)
coroutine.spawn(function() channel.select{b:case_send(3)} end)
local x = a:receive()
assert(x == 1)
b:receive(); b:receive(); b:receive()   -- only two senders: blocks forever
error("unreachable")
