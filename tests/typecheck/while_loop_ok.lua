-- expect: ok
local i: integer = 0
while i < 10 do
  i = i + 1
end
print(i)
