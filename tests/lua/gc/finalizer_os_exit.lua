-- os.exit without 'close' skips finalizers; with close = true they run
local mt = { __gc = function(o) print("finalizing " .. o.name) end }
local a = setmetatable({ name = "a" }, mt)
io.stdout:write("exiting\n")
os.exit(3, true)
