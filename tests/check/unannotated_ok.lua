-- Plain Lua: only certain failures are reported, so none here.
local x = nil
if math.random() > 0.5 then x = "a" end
print(x and x:upper())
local t = {}
t.x = 1
print(t.y)
local function add(a, b) return a + b end
print(add("1", 2), "10" + 1, #"abc")
local Account = {}
Account.__index = Account
function Account.new(balance)
  return setmetatable({balance = balance}, Account)
end
function Account:deposit(v)
  self.balance = self.balance + v
end
local acc = Account.new(10)
acc:deposit(5)
local h
pcall(function() h = function() return 1 end end)
if h then print(h()) end
local count = 0
for _ = 1, 3 do count = count + 1 end
print(count)
string.shout = function(s) return s:upper() .. "!" end
print(("hi"):shout())
