-- trigonometry and angle conversion
local function f(...)
  local p = {}
  for i = 1, select("#", ...) do p[i] = string.format("%.12g", (select(i, ...))) end
  print(table.concat(p, " "))
end
f(math.sin(0), math.sin(math.pi / 2), math.sin(-math.pi / 6), math.sin(1))
f(math.cos(0), math.cos(math.pi), math.cos(math.pi / 3), math.cos(-1))
f(math.tan(0), math.tan(math.pi / 4), math.tan(-1))
f(math.asin(1), math.asin(-1), math.asin(0.5), math.acos(1), math.acos(-1), math.acos(0))
f(math.atan(1), math.atan(-1), math.atan(0), math.atan(math.huge), math.atan(-math.huge))
f(math.atan(1, 1), math.atan(1, -1), math.atan(-1, -1), math.atan(-1, 1))
f(math.atan(0, -1), math.atan(-0.0, -1), math.atan(0, 0), math.atan(1, 0), math.atan(-1, 0))
f(math.atan(3, 4), math.atan(3), math.atan(3, 1))
f(math.deg(math.pi), math.deg(1), math.rad(180), math.rad(90), math.deg(0), math.rad(-45))
print(math.type(math.deg(180)), math.type(math.rad(1)), math.type(math.sin(0)))
print(string.format("%g %g", math.sin(-0.0), math.atan(-0.0)))
local n = math.asin(2)
print(n ~= n, math.sin(math.huge) ~= math.sin(math.huge))
print(pcall(math.sin))
print(pcall(math.deg, nil))
print "OK"
