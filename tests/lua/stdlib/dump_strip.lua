-- string.dump's strip flag: debug information present or absent
local function f(a, b, ...)
  local c = a + b
  local line = debug.getinfo(1, "l").currentline
  return c, line
end

local full = load(string.dump(f))
local stripped = load(string.dump(f, true))
local truthy = load(string.dump(f, 1))

print(#string.dump(f, true) < #string.dump(f))
print(full(1, 2))
print(stripped(1, 2))
print(truthy(1, 2))

for _, g in ipairs({f, full, stripped, truthy}) do
  local i = debug.getinfo(g, "Su")
  print(i.source == debug.getinfo(f, "S").source, i.short_src == debug.getinfo(1, "S").short_src,
    i.what, i.linedefined, i.lastlinedefined, i.nups, i.nparams, i.isvararg)
end
print(debug.getinfo(stripped, "S").source, debug.getinfo(stripped, "S").short_src)

-- active lines: the same set as the original, or none at all
local function lines(g)
  local t = {}
  for l in pairs(debug.getinfo(g, "L").activelines) do t[#t + 1] = l end
  table.sort(t)
  return table.concat(t, " ")
end
print(lines(full) == lines(f), lines(stripped) == "")

-- parameter names
print(debug.getlocal(full, 1), debug.getlocal(full, 2), debug.getlocal(full, 3))
print(debug.getlocal(stripped, 1))

-- upvalue names
local u1, u2 = 1, 2
local function ups() return u1 + u2 end
print(debug.getupvalue(load(string.dump(ups)), 2))
print(select("#", debug.getupvalue(load(string.dump(ups, true)), 2)))

-- runtime errors keep their position when debug information is kept
local function fails(t) return t.x.y end
print(pcall(load(string.dump(fails)), {}))
local ok, e = pcall(load(string.dump(fails, true)), {})
print(ok, e:find("attempt to index a nil value", 1, true) ~= nil)
-- error() with a non-string value is untouched either way
print(select(2, pcall(load(string.dump(function() error({code = 7}) end, true)))).code)
print(pcall(load(string.dump(function() error("plain", 0) end, true))))

-- nested functions are stripped too
local function outer()
  return function() return debug.getinfo(1, "S").source, debug.getinfo(1, "l").currentline end
end
print(load(string.dump(outer, true))()())
print(load(string.dump(outer))()() == debug.getinfo(1, "S").source)
print "OK"
