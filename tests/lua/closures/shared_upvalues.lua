-- closures created in the same scope share their upvalues
local function pair()
  local n = 0
  local function inc() n = n + 1; return n end
  local function get() return n end
  return inc, get
end
local inc, get = pair()
inc(); inc()
print(get())
local inc2, get2 = pair()
inc2()
print(get(), get2())
-- an upvalue shared by a closure and its enclosing function
local function outer()
  local x = 1
  local function set(v) x = v end
  set(42)
  return x
end
print(outer())
-- three levels deep
local function l1()
  local a = "a"
  return function()
    local b = "b"
    return function()
      a = a .. "!"
      return a .. b
    end
  end
end
local l3 = l1()()
print(l3(), l3())
-- closures see later assignments to their upvalue
local v = "before"
local function peek() return v end
v = "after"
print(peek())
print "OK"
