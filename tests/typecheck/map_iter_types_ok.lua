-- expect: ok
local ages: {[string]: integer} = {a = 1}
for k, v in pairs(ages) do
  local s: string = k
  local n: integer = v
  print(s, n)
end
