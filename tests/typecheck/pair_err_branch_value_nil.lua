-- expect: error 9: local 's': expected string, got nil
-- Where the error is set, the value is nil.
local function load(name: string): (string?, string?)
  if name == "" then return nil, "empty name" end
  return name, nil
end
local v, err = load("x")
if err then
  local s: string = v
  print(s)
end
