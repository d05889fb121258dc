-- expect: error 6: argument #1 of 'M.double': expected integer, got string
local M = {}
function M.double(n: integer): integer
  return n * 2
end
print(M.double("x"))
