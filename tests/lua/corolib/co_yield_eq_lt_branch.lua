-- yielding comparison metamethods used in conditions and loops
local mt = {}
mt.__lt = function(a, b) return coroutine.yield("lt " .. a.v .. " " .. b.v) end
mt.__le = function(a, b) return coroutine.yield("le " .. a.v .. " " .. b.v) end
local function V(v) return setmetatable({ v = v }, mt) end
local co = coroutine.wrap(function()
  local n = 0
  while V(n) < V(3) do n = n + 1 end
  local r = {}
  if V(1) <= V(2) then r[#r + 1] = "le yes" else r[#r + 1] = "le no" end
  if not (V(5) < V(4)) then r[#r + 1] = "not lt" end
  r[#r + 1] = tostring(V(1) > V(0))
  return n, table.concat(r, ";")
end)
print(co())
print(co(true))
print(co(1))
print(co(true))
print(co(false))
print(co(true))
print(co(false))
print(co("yes"))
print "OK"
