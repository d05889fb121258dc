-- expect: error 6: local 's': expected string, got integer
local function pair<K, V>(k: K, v: V): {key: K, value: V}
  return {key = k, value = v}
end
local p = pair("a", 1)
local s: string = p.value
print(s)
