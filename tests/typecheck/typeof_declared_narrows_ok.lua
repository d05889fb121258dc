-- expect: ok
-- typeof of a declared local is its declared type, as a type value.
local limit: integer = 10
local T = typeof(limit)
local function get(v: unknown): integer
  if T:is(v) then return v end
  return 0
end
print(get(3))
