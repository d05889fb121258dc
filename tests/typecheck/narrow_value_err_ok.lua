-- expect: ok
local function load(name: string): (string?, string?)
  if name == "" then return nil, "empty" end
  return name, nil
end
local function use(): string
  local v, err = load("x")
  if not v then
    error(err)
  end
  return v
end
print(use())
