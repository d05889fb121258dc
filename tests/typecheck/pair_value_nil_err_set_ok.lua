-- expect: ok
local function load(name: string): (string?, string?)
  if name == "" then return nil, "empty name" end
  return name, nil
end
local v, err = load("x")
if v == nil then
  local msg: string = err
  print(msg)
end
