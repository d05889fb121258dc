-- method calls evaluate the receiver once
local evals = 0
local obj = { v = 10 }
function obj:get() return self.v end
function obj:add(n) self.v = self.v + n; return self end
local function receiver() evals = evals + 1; return obj end
print(receiver():get(), evals)
print(receiver():add(1):add(2):get(), evals)
-- method on a field
local holder = { inner = obj }
print(holder.inner:get(), holder["inner"]:get())
-- method call on a string value
local s = "hello"
print(s:upper(), s:len(), s:sub(2, 3), ("%s!"):format(s))
-- a method that is missing
print(pcall(function() return obj:missing() end))
print(pcall(function() local n = 5 return n:foo() end))
-- self is just the first parameter
local Account = {}
Account.__index = Account
function Account.new(b) return setmetatable({ balance = b }, Account) end
function Account:deposit(v) self.balance = self.balance + v end
function Account:get() return self.balance end
local acc = Account.new(100)
acc:deposit(50)
Account.deposit(acc, 25)
print(acc:get(), acc.get(acc))
print "OK"
