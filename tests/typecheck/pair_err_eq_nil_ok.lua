-- expect: ok
local function load(name: string): (string?, string?)
  if name == "" then return nil, "empty name" end
  return name, nil
end
local function use(): string
  local v, err = load("x")
  if err == nil then return v end
  return "fallback"
end
print(use())
