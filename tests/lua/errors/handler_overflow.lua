-- a stack overflow while a message handler runs is "error in error handling"
local function loop(x, y, z) return 1 + loop(x, y, z) end
local seen
local res, msg = xpcall(loop, function(m)
  seen = m:find("stack overflow", 1, true) ~= nil
  local ok, e = pcall(loop)
  print("nested pcall:", ok, e)
  return 15
end)
print(res, msg, seen)
print "OK"
