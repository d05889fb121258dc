local function f(a: integer, b: string): string
  return b:rep(a)
end
f(1, "x")
f(1, 2)                         --! E0002 argument #2 of 'f': expected string, got integer
f(1)                            --! E0003 missing argument #2 'b' to 'f': expected string
f(1, "x", 3)                    --! E0003 too many arguments to 'f': expected at most 2, got 3
local function g(a: integer, b: string?) end
g(1)

type User = {name: string, age?: integer}
local function greet(u: User): string
  return "hi " .. u.name
end
greet({name = "Ann"})
greet({name = "Ann", age = "x"})   --! E0002 argument #1 of 'greet': field 'age': expected integer, got string
greet({age = 3})                   --! E0002 argument #1 of 'greet': missing field 'name'
local v = {name = 5}
greet(v)                           --! E0002 argument #1 of 'greet': field 'name': expected string, got integer

local M = {}
function M.add(a: number, b: number): number return a + b end
M.add(1, "2")                      --! E0002 argument #2 of 'M.add': expected number, got string
local five: integer = M.add(2, 3)  --! E0001 expected integer, got number
local x = 5
x()                                --! E0007 attempt to call a number value ('x')
