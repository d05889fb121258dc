-- expect: ok
local function pair<K, V>(k: K, v: V): {key: K, value: V}
  return {key = k, value = v}
end
local p = pair("a", 1)
local n: integer = p.value
print(n)
