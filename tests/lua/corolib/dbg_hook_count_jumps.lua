-- count hooks: in the reference a JMP right after EQ/LT/LE/TEST/TESTSET runs inline when
-- the jump is taken (donextjump), so it is not counted; a repeat-until loop costs 2
-- counted instructions per iteration (ADD, LE), not 3
local function collect(f, count)
  local n = 0
  debug.sethook(function() n = n + 1 end, "", count)
  f()
  debug.sethook()
  return n
end
print(collect(function() local n = 0 repeat n = n + 1 until n >= 30 end, 7))
print(collect(function() local n = 0 repeat n = n + 1 until n == 30 end, 5))
print(collect(function() local t = true local n = 0 repeat n = n + 1 until not t or n > 20 end, 4))
print(collect(function() local n = 0 while n < 30 do n = n + 1 end end, 7))
print "OK"
