-- a local declared after a label is fresh each time the label is reached
local fs = {}
local i = 1
::top::
local x = i * 10
fs[i] = function() return x end
i = i + 1
if i <= 3 then goto top end
print(fs[1](), fs[2](), fs[3]())
-- a goto out of a block closes its upvalues
local gs = {}
for k = 1, 3 do
  local v = k
  gs[k] = function() v = v + 1; return v end
  if k == 2 then goto out end
end
::out::
print(gs[1](), gs[1](), gs[2](), gs[3])
-- continue-style goto in a while loop with closures
local hs = {}
local j = 0
while j < 4 do
  j = j + 1
  local jj = j
  if jj % 2 == 1 then goto cont end
  hs[#hs + 1] = function() return jj end
  ::cont::
end
print(#hs, hs[1](), hs[2]())
print "OK"
