-- expect: error 3: return value #2: missing field 'code' (expected integer)
local function fetch(): (string?, {code: integer, msg: string}?)
  return nil, {msg = "down"}
end
print(fetch())
