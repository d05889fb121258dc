-- long expressions: left-associative chains are fine, right-associative ones nest
local N = 100000
local function try(name, src)
  local f, err = load(src)
  print(name, f ~= nil, err)
  return f
end
local f = try("plus", "return 1" .. (" + 1"):rep(N))
print(f())
f = try("minus-mul", "return 0" .. (" - 1 * 2"):rep(N))
print(f())
try("concat", "return 'a'" .. (" .. 'a'"):rep(N))
try("pow", "return 2" .. ("^2"):rep(N))
try("unary-minus", "return " .. ("- "):rep(N) .. "1")
try("not", "return " .. ("not "):rep(N) .. "1")
try("bnot", "return " .. ("~ "):rep(N) .. "1")
try("len", "return " .. ("#"):rep(N) .. "'x'")
f = try("eq", "return 1" .. (" == 1"):rep(N))
print(f())
f = try("concat-100", "return 'a'" .. (" .. 'b'"):rep(100))
print(#f())
f = try("and-1000", "local x = 1 return x" .. (" and x"):rep(1000))
print(f())
f = try("or-1000", "local x = false return x" .. (" or x"):rep(1000) .. " or 'end'")
print(f())
print "OK"
