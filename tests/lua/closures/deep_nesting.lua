-- closures nested many levels, each capturing from every level above
local function make(n)
  local a = 1
  return function()
    local b = 2
    return function()
      local c = 3
      return function()
        local d = 4
        return function()
          local e = 5
          return function()
            a, b, c, d, e = a + 1, b + 1, c + 1, d + 1, e + 1
            return a + b + c + d + e + n
          end
        end
      end
    end
  end
end
local f = make(100)()()()()
print(f(), f())
-- varargs captured at each level through tables
local function chain(...)
  local t = { ... }
  return function(...)
    local u = { ... }
    return function() return #t, #u, t[1], u[1] end
  end
end
print(chain(1, 2, 3)("x", "y")())
-- recursive closures that build closures
local function build(n)
  if n == 0 then return function() return 0 end end
  local inner = build(n - 1)
  return function() return n + inner() end
end
print(build(100)())
print "OK"
