-- math.fmod: integers, floats, signs, inf, nan, zero
local function g(x) return string.format("%g", x) end
local function show(a, b)
  local ok, r = pcall(math.fmod, a, b)
  if ok then print(a, b, r, math.type(r), g(r)) else print(a, b, "error", r) end
end
show(7, 3) show(-7, 3) show(7, -3) show(-7, -3)
show(7.5, 2) show(-7.5, 2) show(7.5, -2)
show(7, 3.0) show(6, 3) show(-6, 3)
show(0, 5) show(5, 1) show(5, -1)
show(math.mininteger, -1) show(math.mininteger, 1) show(math.maxinteger, -1)
show(math.mininteger, math.maxinteger) show(math.maxinteger, math.mininteger)
show(1, 0) show(1, 0.0) show(0.0, 0.0)
show(math.huge, 1) show(-math.huge, 1) show(1, math.huge) show(-1, math.huge) show(1, -math.huge)
show(0/0, 1) show(1, 0/0)
show(-0.0, 1) show(0.0, -1)
show(-2.0, 2) show(2.0, -2)
show(5.25, 0.5) show(1e308, 1e-308)
show("7", "3") show("7.5", 2)
print(pcall(math.fmod, 1))
print(pcall(math.fmod))
print(pcall(math.fmod, "a", 1))
print "OK"
