-- a state machine written with goto
local input = "aabbbc"
local pos = 0
local trace = {}
local function next_char() pos = pos + 1; return input:sub(pos, pos) end
::state_a::
do
  local c = next_char()
  trace[#trace + 1] = "A" .. c
  if c == "a" then goto state_a elseif c == "b" then goto state_b else goto done end
end
::state_b::
do
  local c = next_char()
  trace[#trace + 1] = "B" .. c
  if c == "b" then goto state_b else goto done end
end
::done::
print(table.concat(trace, " "), pos)
-- nested loops left through goto, with closures capturing each level
local captured = {}
for a = 1, 3 do
  for b = 1, 3 do
    captured[#captured + 1] = function() return a * 10 + b end
    if a * b >= 4 then goto out end
  end
end
::out::
local vals = {}
for k, f in ipairs(captured) do vals[k] = f() end
print(table.concat(vals, " "))
print "OK"
