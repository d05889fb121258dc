-- parameters and loop variables captured and modified
local function make(x)
  local get = function() return x end
  local set = function(v) x = v end
  return get, set
end
local g1, s1 = make(1)
local g2, s2 = make(2)
s1(10)
print(g1(), g2())
s2(20)
print(g1(), g2())
-- varargs packed into an upvalue
local function bind(f, ...)
  local args = table.pack(...)
  return function(...) 
    local all = { table.unpack(args, 1, args.n) }
    for i = 1, select("#", ...) do all[args.n + i] = select(i, ...) end
    return f(table.unpack(all, 1, args.n + select("#", ...)))
  end
end
print(bind(string.format, "%s-%s-%s", "a")("b", "c"))
print(bind(math.max, 5)(1, 9, 3))
-- closures stored in tables and called through the table
local ops = {}
for _, name in ipairs({ "inc", "dec", "double" }) do
  local n = 0
  ops[name] = function(v)
    n = n + 1
    if name == "inc" then return v + 1, n elseif name == "dec" then return v - 1, n else return v * 2, n end
  end
end
print(ops.inc(1), ops.inc(1), ops.dec(1), ops.double(4))
-- self-recursive anonymous function through an upvalue
local fact
fact = function(n) return n <= 1 and 1 or n * fact(n - 1) end
local saved = fact
fact = function() return "replaced" end
-- saved calls fact through the upvalue, which now holds the replacement
print(saved(1), pcall(saved, 5))
print "OK"
