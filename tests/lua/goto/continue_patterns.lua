-- continue-style gotos in every loop kind
local out = {}
for i = 1, 6 do
  if i % 3 == 0 then goto continue end
  out[#out + 1] = i
  ::continue::
end
print(table.concat(out, " "))
out = {}
local i = 0
while i < 6 do
  i = i + 1
  if i % 2 == 0 then goto continue end
  out[#out + 1] = i
  ::continue::
end
print(table.concat(out, " "))
-- in repeat-until, a continue label before 'until' must not skip a local used by until
out = {}
local j = 0
repeat
  j = j + 1
  if j == 2 then goto continue end
  out[#out + 1] = j
  ::continue::
until j >= 4
print(table.concat(out, " "))
print(load("repeat local x = 1 goto continue local y = 2 ::continue:: until y"))
-- generic for with continue and nested break
out = {}
for _, v in ipairs({ "a", "skip", "b", "stop", "c" }) do
  if v == "skip" then goto continue end
  if v == "stop" then break end
  out[#out + 1] = v
  ::continue::
end
print(table.concat(out, " "))
-- redo-style backward jump with a counter
local tries = 0
::redo::
tries = tries + 1
if tries < 3 then goto redo end
print(tries)
print "OK"
