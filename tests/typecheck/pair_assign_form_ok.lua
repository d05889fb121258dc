-- expect: ok
local function load(name: string): (string?, string?)
  if name == "" then return nil, "empty name" end
  return name, nil
end
local v: string?, err: string? = nil, nil
v, err = load("x")
if err then return end
local s: string = v
print(s)
