local function parse_port(s: string): (integer?, string?)
  local n = math.tointeger(tonumber(s))
  if n == nil then return nil, "not a port" end
  return n, nil
end

local p, err = parse_port("8080")
local q: integer = p                    --! E0005 local 'q': expected integer, got integer?
if not p then
  print(err)
  return
end
local r: integer = p
print(q, r)
