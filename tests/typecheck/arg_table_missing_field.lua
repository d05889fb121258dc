-- expect: error 5: argument #2 of 'put': missing field 'name' (expected string)
local function put(key: string, p: {name: string, age?: integer})
  print(key, p.name)
end
put("k", {age = 3})
