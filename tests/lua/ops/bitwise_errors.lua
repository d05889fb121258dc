-- bitwise operators reject values without an integer representation
local function try(f)
  local ok, err = pcall(f)
  print(ok, err)
end
local t, half, big, inf, nan = {}, 1.5, 2^63, math.huge, 0/0
try(function() return half & 1 end)
try(function() return 1 | half end)
try(function() return big ~ 1 end)
try(function() return inf << 1 end)
try(function() return nan >> 1 end)
try(function() return ~half end)
try(function() return ~big end)
try(function() return "1.5" & 1 end)
try(function() return "abc" | 1 end)
try(function() return t & 1 end)
try(function() return 1 | nil end)
try(function() return ~t end)
try(function() return true ~ 1 end)
try(function() return 1 << {} end)
try(function() local s = "x"; return ~s end)
try(function() return -2^63 | 0 end)
try(function() return 2^63 - 1024 | 0 end)
print "OK"
