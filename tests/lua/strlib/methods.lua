-- string methods through the shared string metatable
local s = "Hello"
print(s:len(), s:upper(), s:lower(), s:rep(2), s:reverse(), s:sub(2, 3), s:byte(1))
print(("%d-%s"):format(1, "x"), ("a,b"):find(","), ("a,b"):match("(%a),"), ("abc"):gsub("b", "B"))
for w in ("x y"):gmatch("%a") do io.write(w, ";") end
print()
print(("x"):len(), ([[long]]):upper(), ("\65"):lower())
local mt = getmetatable("")
print(type(mt), mt.__index == string, rawequal(getmetatable("a"), getmetatable("b")))
print(getmetatable("").__index.upper == string.upper)
-- method lookup goes through string table at call time
string.shout = function(x) return x:upper() .. "!" end
print(("hey"):shout())
string.shout = nil
print(pcall(function() return ("hey"):shout() end))
-- numbers have no metatable
print(getmetatable(1), pcall(function() return (1):len() end))
print(pcall(function() local n = 5; return n:rep(2) end))
-- indexing a string with a non-method key
print(("abc").len == string.len, ("abc").nope, ("abc")[1])
print(#string.format("%s", ("x"):rep(3)))
local up = ("abc").upper
print(up("xyz"))
print "OK"
