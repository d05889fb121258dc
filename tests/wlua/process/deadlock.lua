-- Every process blocked forever: the runtime reports a deadlock with one
-- line per process and exits with status 1.
-- expect-status: 1
-- expect-stderr: wlua: deadlock: all processes are blocked
-- expect-stderr: (main)
-- expect-stderr: waiting on receive from inbox
-- expect-stderr: waiting on channel receive
-- expect-stderr: waiting on receive from events
local me = process.pid()
-- a child waiting on a channel nobody can send to
process.spawn(function() channel.new():receive() end)
-- a child waiting on its events channel
process.spawn(function() process.events():receive() end)
-- a child that exits normally does not count
process.exec(function() return 1 end)
-- main waits on its inbox; no timer, no message can come
process.inbox():receive()
error("unreachable")
