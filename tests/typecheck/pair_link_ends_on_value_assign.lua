-- expect: error 10: local 's': expected string, got string?
local function load(name: string): (string?, string?)
  if name == "" then return nil, "empty name" end
  return name, nil
end
local v, err = load("x")
local w, _ = load("y")
v = w
if err then return end
local s: string = v
print(s)
