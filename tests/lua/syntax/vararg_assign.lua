-- vararg and assignment restrictions
local function try(src)
  local f, err = load(src)
  print(err or "ok")
end

try "function f() return ... end"
try "function f(a) local t = {...} end"
try "local f = function(a, b) return select('#', ...) end"
try "function f(...) return function() return ... end end"
try "function f(..., a) end"
try "function f(a, ..., b) end"
try "return ..."
try "local a = ..."
try "... = 1"
try "x, ... = 1, 2"
try "x.y.z, (a) = 1, 2"
try "x, y() = 1, 2"
try "x, 1 = 1, 2"
try "local a.b = 1"
try "local (a) = 1"
try "local a, b.c = 1, 2"
try "f{...}"
print "OK"
