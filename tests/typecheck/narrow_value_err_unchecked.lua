-- expect: error 7: local 's': expected string, got string?
local function load(name: string): (string?, string?)
  if name == "" then return nil, "empty" end
  return name, nil
end
local v, err = load("x")
local s: string = v
print(s, err)
