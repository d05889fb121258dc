-- Metatable classes: methods are found through __index on instances made
-- by setmetatable, and their calls are checked without annotating self.
local Account = {}
Account.__index = Account

function Account.new(owner: string, balance: number)
  return setmetatable({owner = owner, balance = balance}, Account)
end

function Account:deposit(amount: number)
  self.balance = self.balance + amount
end

function Account:owner_name(): string
  return self.owner
end

local acc = Account.new("ann", 10)
acc:deposit(5)
acc:deposit("five")                   --! E0002 argument #1 of 'acc:deposit': expected number, got string
acc:deposit()                         --! E0003 missing argument #1 'amount' to 'acc:deposit'
local who: string = acc:owner_name()
local bad: integer = acc:owner_name() --! E0001 local 'bad': expected integer, got string
Account.new(1, 2)                     --! E0002 argument #1 of 'Account.new': expected string, got integer
acc:unknown_method()

function Account:withdraw(amount: number)
  self:deposit(-amount)
  self:deposit("all")                 --! E0002 argument #1 of 'self:deposit': expected number, got string
  self.balance = self.balance - amount
end

local Counter = {n = 0}
function Counter:add(k: integer) self.n = self.n + k end
function Counter:twice() self:add(2); self:add(2.5) end  --! E0002 argument #1 of 'self:add': expected integer, got number
