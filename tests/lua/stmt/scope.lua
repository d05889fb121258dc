-- lexical scoping: blocks, shadowing, globals
x = "global x"
local x = "local x"
print(x, _G.x)
do
  local x = "inner"
  print(x)
  do
    local x = x .. "+"
    print(x)
  end
  print(x)
end
print(x)
-- a local declared twice in the same block shadows the first
local y = 1
local y = y + 1
print(y)
-- a function sees the locals declared before it
local before = "before"
local function f() return before, after end
local after = "after"
print(f())
-- loop variables are local to the loop
for i = 1, 2 do end
print(i)
for k, v in pairs({ 1 }) do end
print(k, v)
-- while/if blocks
local n = 0
while n < 1 do local inner = "w"; n = n + 1 end
print(inner)
if true then local inside = 1 end
print(inside)
-- repeat: the condition sees the body's locals
local count = 0
repeat
  local done = count >= 2
  count = count + 1
until done
print(count)
-- globals live in _ENV
local _ENV = { print = print }
z = 10
print(z, x)
print "OK"
