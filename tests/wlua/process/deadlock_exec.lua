-- process.exec of a child that blocks forever: a deadlock, reported with
-- what each process waits on.
-- expect-status: 1
-- expect-stderr: wlua: deadlock: all processes are blocked
-- expect-stderr: (main): waiting on process.exec
-- expect-stderr: waiting on channel receive
process.exec(function() channel.new():receive() end)
error("unreachable")
