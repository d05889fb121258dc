-- __call makes tables callable; the object is the first argument
local callable = setmetatable({ name = "obj" }, {
  __call = function(self, a, b) return self.name, a, b end,
})
print(callable(1, 2))
print(callable())
print(pcall(callable, "x"))
-- __call results are all returned
local multi = setmetatable({}, { __call = function(_, ...) return select("#", ...), ... end })
print(multi(nil, nil))
-- a callable table as an iterator
local it = setmetatable({ i = 0 }, { __call = function(self) self.i = self.i + 1; if self.i <= 3 then return self.i end end })
for v in it do io.write(v, " ") end
print()
-- callables in table.sort and string.gsub
local cmp = setmetatable({}, { __call = function(_, a, b) return a > b end })
local arr = { 1, 3, 2 }
table.sort(arr, function(a, b) return cmp(a, b) end)
print(table.concat(arr, " "))
-- __call is not inherited through __index
local proto = { __call = function() return "proto" end }
local derived = setmetatable({}, { __index = proto })
print(pcall(derived))
-- a __call field that is itself a callable table is not followed in 5.3
local inner = setmetatable({}, { __call = function() return "inner" end })
local outer = setmetatable({}, { __call = inner })
print(pcall(outer))
print "OK"
