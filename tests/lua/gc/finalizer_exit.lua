-- finalizers of live objects run when the interpreter closes, in reverse order
local mt = { __gc = function(o) print("finalizing " .. o.name) end }
A = setmetatable({ name = "global A" }, mt)
local b = setmetatable({ name = "local b" }, mt)
local c = setmetatable({ name = "local c" }, mt)
print("end of script")
