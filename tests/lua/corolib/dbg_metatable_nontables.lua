-- debug.getmetatable / setmetatable on non-table values
print(debug.getmetatable(1))
print(debug.getmetatable("s").__index == string)
print(debug.setmetatable(10, { __index = { twice = function(n) return n * 2 end } }))
print((5):twice())
print(debug.getmetatable(3.5) ~= nil)
debug.setmetatable(10, nil)
print(debug.getmetatable(1))
debug.setmetatable(nil, { __index = function(_, k) return "nil." .. k end })
print((nil).foo)
local x
print(x.bar)
debug.setmetatable(nil, nil)
print(pcall(function() return x.bar end))
debug.setmetatable(true, { __len = function(b) return b and 1 or 0 end, __tostring = function() return "B!" end })
print(#true, #false, tostring(true))
debug.setmetatable(true, nil)
local fmt = { __call = function(f, ...) return "called" end, __index = { kind = "function" } }
debug.setmetatable(print, fmt)
print(math.abs.kind)
debug.setmetatable(print, nil)
print(pcall(debug.setmetatable, 1, 2))
-- __metatable is ignored by debug.getmetatable
local t = setmetatable({}, { __metatable = "locked" })
print(getmetatable(t), type(debug.getmetatable(t)))
print(debug.setmetatable(t, nil) == t, getmetatable(t))
print "OK"
