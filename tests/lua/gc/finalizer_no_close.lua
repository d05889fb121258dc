-- os.exit(true) without close: no finalizer runs
local mt = { __gc = function(o) print("finalizing " .. o.name) end }
local a = setmetatable({ name = "a" }, mt)
print("exiting")
io.stdout:flush()
os.exit(true)
