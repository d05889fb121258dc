-- args: --rules
-- expect: warning 6: unused local 'spare'
-- expect: warning 7: unused local function 'helper'
-- expect: warning 9: unused loop variable 'i'
-- expect: warning 12: unused local 'written'
local spare = 1
local function helper() return 2 end
local items = {"a", "b"}
for i, v in ipairs(items) do
  print(v)
end
local written = 0
written = 5
