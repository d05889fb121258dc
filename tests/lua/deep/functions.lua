-- deeply nested function definitions
local function nested(n)
  return ("return function() "):rep(n) .. "return 'innermost' " .. ("end "):rep(n)
end
local f, err = load(nested(1000))
print(f ~= nil, err)
f, err = load(nested(100000))
print(f ~= nil, err)
f, err = load(nested(50))
print(f ~= nil, err)
local v = f
for i = 1, 51 do v = v() end
print(v)
-- deeply nested closures capturing an outer local
local src = "local x = 0 " .. ("return function() x = x + 1 "):rep(40) .. "return x " .. ("end "):rep(40)
f = load(src)
v = f
for i = 1, 41 do v = v() end
print(v)
-- deep nesting of local function statements
src = ("local function f() "):rep(150) .. ("end "):rep(150)
f, err = load(src)
print(f ~= nil, err)
print "OK"
