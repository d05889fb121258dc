-- expect: ok
local M = {}
function M.double(n: integer): integer
  return n * 2
end
print(M.double(4))
