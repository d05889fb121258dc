-- expect: ok
local function f(v: string | integer): integer
  return (v :: integer) + 1
end
print(f(1))
