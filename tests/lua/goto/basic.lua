-- goto: continue, loops, nested blocks
for i = 1, 5 do
  if i % 2 == 0 then goto continue end
  io.write(i, " ")
  ::continue::
end
print()
-- a backward goto as a loop
local n = 0
::again::
n = n + 1
if n < 5 then goto again end
print(n)
-- breaking out of nested loops
for i = 1, 3 do
  for j = 1, 3 do
    if i * j == 4 then
      print("found", i, j)
      goto done
    end
  end
end
::done::
-- goto to a label at the end of a block, past local declarations
do
  goto skip
  local x = 1
  print("not printed", x)
  ::skip::
end
-- labels in nested functions are separate
local function f()
  goto l
  do return "skipped" end
  ::l::
  return "jumped"
end
print(f())
-- the same label name in different blocks
do goto a; ::a:: end
do goto a; ::a:: end
-- a while loop written with goto
local i = 1
local out = {}
::top::
if i <= 3 then
  out[#out + 1] = i
  i = i + 1
  goto top
end
print(table.concat(out, ","))
print "OK"
