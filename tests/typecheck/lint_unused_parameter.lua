-- args: --rules
-- expect: warning 4: unused parameter 'b'
-- expect: warning 8: unused parameter 'extra'
local function pick(a, b)
  return a
end
local C = {}
function C:name(extra)
  return self.label
end
print(pick(1, 2), C)
