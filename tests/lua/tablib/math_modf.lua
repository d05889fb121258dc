-- math.modf: both results and their subtypes
local function show(x)
  local i, f = math.modf(x)
  print(tostring(x), string.format("%g %g", i, f), math.type(i), math.type(f))
end
show(3.7) show(-3.7) show(5) show(-5) show(0) show(0.0) show(-0.0)
show(0.5) show(-0.5) show(1e100) show(-1e100) show(2^53) show(2^63)
show(math.huge) show(-math.huge)
show(math.maxinteger) show(math.mininteger)
show(1/3) show(-1/3)
local i, f = math.modf(0/0)
print(i ~= i, f ~= f)
show("2.25")
print(pcall(math.modf))
print(pcall(math.modf, "z"))
print(select("#", math.modf(1.5)))
print "OK"
