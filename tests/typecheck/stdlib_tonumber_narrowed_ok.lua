-- expect: ok
local function f(s: string): number
  local n = tonumber(s)
  if n == nil then return 0 end
  return n
end
print(f("1"))
