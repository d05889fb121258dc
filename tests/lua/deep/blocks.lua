-- deeply nested blocks and control structures
local N = 100000
local function try(name, src)
  local f, err = load(src)
  print(name, f ~= nil, err)
  return f
end
try("do", ("do "):rep(N) .. ("end "):rep(N))
try("while", ("while x do "):rep(N) .. ("end "):rep(N))
try("if", ("if x then "):rep(N) .. ("end "):rep(N))
try("repeat", ("repeat "):rep(N) .. ("until x "):rep(N))
try("tables", "return " .. ("{"):rep(N) .. ("}"):rep(N))
local f = try("do-100", ("do "):rep(100) .. "x_deep = 1 " .. ("end "):rep(100))
f()
print(x_deep)
f = try("if-100", "local n = 0 " .. ("if true then n = n + 1 "):rep(100) .. ("end "):rep(100) .. "return n")
print(f())
f = try("tables-100", "return " .. ("{"):rep(100) .. ("}"):rep(100))
local t, depth = f(), 0
while t do depth = depth + 1; t = t[1] end
print(depth)
-- nested for loops hit the local variable limit (each loop has 4 locals in 5.3)
try("for", ("for i = 1, 1 do "):rep(N) .. ("end "):rep(N))
print "OK"
