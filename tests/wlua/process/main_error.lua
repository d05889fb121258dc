-- An uncaught error in the main process ends the program with status 1,
-- printed as the reference interpreter does, even with children running.
-- expect-status: 1
-- expect-stderr: main_error.lua:8: main failed on purpose
-- expect-stderr: stack traceback:
process.spawn(function() while true do end end)
process.spawn(function() process.inbox():receive() end)
error("main failed on purpose")
