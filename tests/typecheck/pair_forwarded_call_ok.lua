-- expect: ok
-- Returning a linked call keeps the link.
local function load(name: string): (string?, string?)
  if name == "" then return nil, "empty name" end
  return name, nil
end
local function load_twice(name: string): (string?, string?)
  if name == "again" then return load(name .. "!") end
  return load(name)
end
local v, err = load_twice("x")
if err then return end
local s: string = v
print(s)
