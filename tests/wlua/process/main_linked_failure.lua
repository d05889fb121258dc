-- The main process linked to a child that fails, without trap_links: the
-- main process fails too and the program exits with status 1, naming the
-- linked process and its error.
-- expect-status: 1
-- expect-stderr: linked process
-- expect-stderr: child down on purpose
process.spawn_linked(function()
  require("time").sleep("5ms")
  error("child down on purpose")
end)
process.inbox():receive()     -- never returns: the link failure ends main
error("unreachable")
