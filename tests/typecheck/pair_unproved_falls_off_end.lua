-- expect: error 10: local 's': expected string, got string?
-- A function that can reach its end returns nil, nil there.
local function load(name: string): (string?, string?)
  if name == "" then return nil, "empty" end
  if name == "x" then return name, nil end
end
local v, err = load("x")
if err then return end
print(v)
local s: string = v
print(s)
