-- expect: ok
for i = 1, 10 do
  local n: integer = i
  print(n)
end
