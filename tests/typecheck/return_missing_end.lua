-- expect: error 6: function can reach its end without returning (integer)
local function f(x: boolean): integer
  if x then
    return 1
  end
end
print(f(true))
