-- expect: ok
-- The link is proved from the returns, annotations or not.
local function parse(s)
  local n = tonumber(s)
  if not n then return nil, "not a number" end
  return n
end
local v: number?, err: string? = parse("12")
if err then return end
local n: number = v
print(n)
