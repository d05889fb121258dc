-- the math library's contents (Lua 5.3 without compat functions)
local names = {}
for k, v in pairs(math) do names[#names + 1] = k .. ":" .. type(v) end
table.sort(names)
print(#names)
for _, n in ipairs({"abs", "acos", "asin", "atan", "ceil", "cos", "deg", "exp", "floor", "fmod",
                    "huge", "log", "max", "maxinteger", "min", "mininteger", "modf", "pi", "rad",
                    "random", "randomseed", "sin", "sqrt", "tan", "tointeger", "type", "ult"}) do
  io.write(n, ":", type(math[n]), " ")
end
print()
print(package.loaded.math == math)
print "OK"
