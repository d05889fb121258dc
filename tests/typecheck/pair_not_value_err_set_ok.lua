-- expect: ok
-- Where the value is missing, the error is set.
local function load(name: string): (string?, string?)
  if name == "" then return nil, "empty name" end
  return name, nil
end
local function use(): (string?, string?)
  local v, err = load("x")
  if not v then
    local msg: string = err
    return nil, msg
  end
  return v, nil
end
print(use())
