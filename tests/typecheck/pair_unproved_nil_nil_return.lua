-- expect: error 10: return value: expected string, got string?
-- A return of nil, nil breaks the link: no narrowing across results.
local function load(name: string): (string?, string?)
  if name == "" then return nil, nil end
  return name, nil
end
local function use(): string
  local v, err = load("x")
  if err then return "" end
  return v
end
print(use())
