-- classes with __index chains, constructors and overriding
local Animal = {}
Animal.__index = Animal
function Animal.new(name, sound)
  return setmetatable({ name = name, sound = sound }, Animal)
end
function Animal:speak() return self.name .. " says " .. self.sound end
function Animal:kind() return "animal" end
local Dog = setmetatable({}, { __index = Animal })
Dog.__index = Dog
function Dog.new(name)
  local d = Animal.new(name, "woof")
  return setmetatable(d, Dog)
end
function Dog:kind() return "dog" end
function Dog:fetch() return self.name .. " fetches" end
local a = Animal.new("cat", "meow")
local d = Dog.new("rex")
print(a:speak(), a:kind())
print(d:speak(), d:kind(), d:fetch())
print(getmetatable(d) == Dog, getmetatable(Dog).__index == Animal)
print(pcall(function() return a:fetch() end))
-- operator metamethods via a shared metatable
local Vec = {}
Vec.__index = Vec
local function vec(x, y) return setmetatable({ x = x, y = y }, Vec) end
Vec.__add = function(p, q) return vec(p.x + q.x, p.y + q.y) end
Vec.__mul = function(p, k) if type(p) == "number" then p, k = k, p end return vec(p.x * k, p.y * k) end
Vec.__eq = function(p, q) return p.x == q.x and p.y == q.y end
Vec.__tostring = function(p) return "(" .. p.x .. "," .. p.y .. ")" end
Vec.__len = function(p) return math.sqrt(p.x * p.x + p.y * p.y) end
Vec.__lt = function(p, q) return #p < #q end
Vec.__le = function(p, q) return #p <= #q end
Vec.__concat = function(p, q) return tostring(p) .. tostring(q) end
Vec.__call = function(p, k) return p[k] end
local v1, v2 = vec(1, 2), vec(3, 4)
print(tostring(v1 + v2), tostring(v1 * 2), tostring(3 * v2), v1 + v2 == vec(4, 6))
print(#v2, v1 < v2, v2 <= v1, v1 .. v2, v2("x"))
print "OK"
