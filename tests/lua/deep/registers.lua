-- expressions that need more registers than a function may have
local N = 100000
local function try(name, src)
  local f, err = load(src)
  print(name, f ~= nil, err)
  return f
end
try("call-args", "return f(" .. ("1,"):rep(N) .. "1)")
try("return-list", "return " .. ("1,"):rep(N) .. "1")
try("local-list", "local a = " .. ("1,"):rep(N) .. "1")
try("assign-targets", ("a,"):rep(N) .. "a = 1")
try("locals", "local " .. ("a,"):rep(N) .. "a")
-- within limits
local f = try("call-200", "return select('#', " .. ("1,"):rep(199) .. "1)")
print(f())
f = try("return-200", "return " .. ("2,"):rep(199) .. "2")
print(select("#", f()))
print "OK"
