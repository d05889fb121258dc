-- LUA_COMPAT_MATHLIB functions present in the reference build
local function f(x) return string.format("%.12g", x) end
print(f(math.atan2(1, 1)), f(math.atan2(-1, -1)), f(math.atan2(0, -1)))
print(f(math.cosh(0)), f(math.cosh(1)), f(math.sinh(0)), f(math.sinh(1)), f(math.tanh(0.5)), math.tanh(math.huge))
print(math.pow(2, 10), math.pow(2, 0.5) == 2^0.5, math.pow(-8, 1/3) ~= math.pow(-8, 1/3), math.type(math.pow(2, 2)))
print(math.frexp(8), math.frexp(0), math.frexp(-3), math.frexp(0.5), math.frexp(1e300))
print(math.ldexp(1, 10), math.ldexp(0.5, 1), math.ldexp(3, -1), math.ldexp(1, 1024), math.type(math.ldexp(1, 2)))
print(math.log10(1000), math.log10(1), math.log10(0), f(math.log10(2)))
print(pcall(math.ldexp, 1, 1.5))
print(pcall(math.ldexp, 1))
print(pcall(math.pow, 2))
print(pcall(math.frexp, "x"))
print "OK"
