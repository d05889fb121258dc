-- multiple results: expanded only in the last position
local function f() return 1, 2, 3 end
local function none() end
print(f())
print(f(), f())
print((f()))
print(f(), "x")
print("x", f())
print(({ f() })[3], #{ f(), f() }, #{ f(), nil })
local a, b, c, d = f()
print(a, b, c, d)
a, b, c, d = f(), f()
print(a, b, c, d)
a, b = none(), 5
print(a, b)
print(none())
print(select("#", none()), select("#", (none())))
print(select("#", none(), none()))
-- results in string concatenation and arithmetic use the first value
print(f() .. "", f() + 10)
-- in calls, only the last argument expands
print(math.max(f()), math.max(f(), 0), math.max(0, f()))
-- a function returning many values
local function many(n)
  local t = {}
  for i = 1, n do t[i] = i end
  return table.unpack(t)
end
print(select("#", many(250)), select(250, many(250)))
-- table.unpack and returning through several levels
local function relay(...) return ... end
print(relay(relay(relay(f()))))
print(select("#", relay(nil, nil, nil)))
print "OK"
