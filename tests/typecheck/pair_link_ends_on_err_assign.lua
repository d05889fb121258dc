-- expect: error 10: return value: expected string, got string?
local function load(name: string): (string?, string?)
  if name == "" then return nil, "empty name" end
  return name, nil
end
local function use(): string
  local v, err = load("x")
  err = nil
  if err then return "" end
  return v
end
print(use())
