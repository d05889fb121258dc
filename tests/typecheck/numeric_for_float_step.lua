-- expect: error 3: local 'n': expected integer, got number
for i = 1, 2, 0.5 do
  local n: integer = i
  print(n)
end
