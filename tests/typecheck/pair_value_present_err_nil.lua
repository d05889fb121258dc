-- expect: error 9: local 'n': expected number, got nil
-- Where the value is present the error is nil.
local function load(name: string): (string?, string?)
  if name == "" then return nil, "empty name" end
  return name, nil
end
local v, err = load("x")
if v then
  local n: number = err
  print(n)
end
