-- expect: error 11: argument #1 of 'self:add': expected integer, got string
local Counter = {}
Counter.__index = Counter
function Counter.new()
  return setmetatable({n = 0}, Counter)
end
function Counter:add(k: integer)
  self.n = self.n + k
end
function Counter:bump()
  self:add("one")
end
print(Counter.new())
