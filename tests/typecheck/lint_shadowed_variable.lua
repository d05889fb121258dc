-- args: --rules
-- expect: warning 7: shadowing 'count' declared on line 5
-- expect: warning 10: shadowing 'count' declared on line 5
-- expect: warning 11: shadowing 'count' declared on line 10
local count = 0
local function add(n)
  local count = count + n
  return count
end
local function sub(count)
  for count = 1, count do print(count) end
  return count
end
print(add(1), sub(2))
