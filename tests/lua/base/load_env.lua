-- the env argument of load becomes the chunk's _ENV
local env = { x = 10 }
local f = load("y = x * 2 return x", "chunk", "t", env)
print(f(), env.y, rawget(_G, "y"))
-- a nil env explicitly passed: globals access fails
local g = load("return x", "chunk", "t", nil)
print(pcall(g))
-- functions defined in the chunk see the same env
env = { print = print }
load("function hello() return 'hello from env' end", "c", "t", env)()
print(env.hello(), rawget(_G, "hello"))
-- an env with a metatable
local logged = {}
local proxy = setmetatable({}, { __index = function(_, k) logged[#logged + 1] = k; return _G[k] end })
load("local a = tostring(1) local b = type(a) return math.pi", "c", "t", proxy)()
print(table.concat(logged, " "))
-- _ENV is an upvalue: local _ENV inside a chunk
print(load("local _ENV = { z = 'local env' } return z")())
-- changing _ENV inside a function
local function sandbox()
  local _ENV = { tostring = tostring }
  w = 5
  return tostring(w), _ENV.w
end
print(sandbox())
print(rawget(_G, "w"))
-- _ENV as a parameter
local function withenv(_ENV) return a + b end
print(withenv({ a = 1, b = 2 }))
print "OK"
