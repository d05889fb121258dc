-- expect: ok
local function load(name: string): (string?, string?)
  if name == "" then return nil, "empty name" end
  return name, nil
end
local function use(): string
  local v, err = load("x")
  if err ~= nil then error(err) end
  return v
end
print(use())
