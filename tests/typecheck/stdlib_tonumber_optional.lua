-- expect: error 3: local 'n': expected number, got number?
local function f(s: string): number
  local n: number = tonumber(s)
  return n
end
print(f("1"))
