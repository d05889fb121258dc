local function id<T>(x: T): T return x end
local a: integer = id(1)
local b: string = id(1)                 --! E0001 local 'b': expected string, got integer

local function map<T, U>(xs: {T}, f: (T) -> U): {U}
  local out = {}
  for i, x in ipairs(xs) do out[i] = f(x) end
  return out
end
local strs: {string} = map({1, 2}, function(x) return tostring(x) end)
local ints: {integer} = map({1, 2}, function(x) return tostring(x) end)  --! E0001 expected integer, got string

local function largest<T: {size: number}>(x: T, y: T): T
  if x.size >= y.size then return x end
  return y
end
largest({size = 1, id = "x"}, {size = 2, id = "y"})
largest({id = "x"}, {id = "y"})          --! E0009 type argument T of 'largest': missing field 'size'

type Box<T> = {value: T}
local bx: Box<integer> = {value = 1}
local by: Box<integer> = {value = "1"}   --! E0001 field 'value': expected integer, got string
local bz: Box = {value = 1}              --! E0009 type 'Box' takes 1 type argument(s), got 0
