-- expect: error 11: too many arguments to 'c:add': expected at most 1, got 2
local Counter = {}
Counter.__index = Counter
function Counter.new()
  return setmetatable({n = 0}, Counter)
end
function Counter:add(k: integer)
  self.n = self.n + k
end
local c = Counter.new()
c:add(1, 2)
