local x: integer? = 1
while x do
  x = nil
end
local y: integer? = 1
while true do
  local z: integer = y          --! E0005 expected integer, got integer?
  y = nil
  if math.random() > 0.5 then break end
end
for i = 1, 10 do
  local j: integer = i
end
for i = 1, 2.5 do
  local j: integer = i          --! E0001 expected integer, got number
end
