-- math.sqrt, math.exp, math.log with bases
local function f(x) return string.format("%.14g", x) end
print(f(math.sqrt(2)), math.sqrt(16), math.type(math.sqrt(16)), math.sqrt(0), f(math.sqrt(-0.0)))
print(math.sqrt(math.huge), tostring(math.sqrt(-1)) == tostring(0/0) or math.sqrt(-1) ~= math.sqrt(-1))
print(f(math.exp(0)), f(math.exp(1)), f(math.exp(-1)), math.exp(1000), math.exp(-1000), math.exp(-math.huge))
print(f(math.log(1)), f(math.log(math.exp(2))), math.log(0), f(math.log(10, 10)))
print(math.log(8, 2), math.log(1024, 2), math.log(100, 10), math.log(1000, 10), math.log(27, 3))
print(math.log(2^62, 2), math.log(0, 2), math.log(math.huge, 2), math.log(1, 2), math.type(math.log(8, 2)))
print(f(math.log(2, 4)), f(math.log(10, 2)), f(math.log(5, 5)), f(math.log(3, 0.5)))
print(math.log(1, 1) ~= math.log(1, 1) or math.log(1, 1), math.log(2, 1))
print(math.log(-1) ~= math.log(-1), f(math.log(8, "2")), f(math.log("100", 10)))
print(pcall(math.log))
print(pcall(math.log, "x"))
print(pcall(math.log, 8, {}))
print(pcall(math.sqrt))
print(pcall(math.exp, "e"))
print "OK"
