-- args: --rules
-- expect: warning 7: comparison of 'i' with itself
-- x ~= x is the NaN test when x may be a float: not reported.
local function is_nan(x: number): boolean
  return x ~= x
end
local function same(i: integer): boolean return i == i end
print(is_nan(0 / 0), same(1))
