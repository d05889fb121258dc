-- expect: ok
-- After `if err then return end`, the value of a linked call is present.
local function load(name: string): (string?, string?)
  if name == "" then return nil, "empty name" end
  return name, nil
end
local function use(): string
  local v, err = load("x")
  if err then return "" end
  return v
end
print(use())
