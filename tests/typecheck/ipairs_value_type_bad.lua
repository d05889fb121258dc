-- expect: error 4: local 'k': expected integer, got string
local names: {string} = {"a"}
for _, n in ipairs(names) do
  local k: integer = n
  print(k)
end
