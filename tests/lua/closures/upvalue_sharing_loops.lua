-- closures created in different iterations share outer upvalues but not loop locals
local total = 0
local adders = {}
for i = 1, 5 do
  local own = i * 100
  adders[i] = function() total = total + i; own = own + 1; return total, own end
end
for i = 1, 5 do print(adders[i]()) end
print(adders[1]())
print(total)
-- while loop with a body-local captured and a break
local fs = {}
local k = 0
while true do
  k = k + 1
  local copy = k
  fs[#fs + 1] = function() return copy end
  if k == 3 then break end
end
print(fs[1](), fs[2](), fs[3]())
-- nested function shares the parent's loop variable instance
local pairs_out = {}
for i = 1, 2 do
  local function inner() return function() return i end end
  pairs_out[i] = inner()
end
print(pairs_out[1](), pairs_out[2]())
print "OK"
