-- upvalues stay alive after their scope ends
local getters, setters = {}, {}
for i = 1, 3 do
  local v = i
  getters[i] = function() return v end
  setters[i] = function(x) v = x end
end
setters[2]("changed")
print(getters[1](), getters[2](), getters[3]())
-- an upvalue closed by break
local f
for i = 1, 10 do
  local x = i * i
  if i == 4 then f = function() return x end; break end
end
print(f())
-- an upvalue closed by return from a block in a loop
local function make()
  while true do
    local inner = "inner"
    return function() return inner end
  end
end
print(make()())
-- closed by goto
local g
do
  local k = 0
  ::top::
  local snapshot = k
  if k == 0 then g = function() return snapshot end end
  k = k + 1
  if k < 3 then goto top end
end
print(g())
-- closed by an error unwinding through pcall
local h
pcall(function()
  local secret = "kept"
  h = function() return secret end
  error("boom")
end)
print(h())
-- parameters are upvalues too
local function adder(a) return function(b) a = a + b; return a end end
local ad = adder(10)
print(ad(1), ad(1))
print "OK"
