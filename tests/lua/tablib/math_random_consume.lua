-- every math.random call draws from the generator, even one that then fails
local function seq(prep)
  math.randomseed(99)
  prep()
  local out = {}
  for i = 1, 5 do out[i] = math.random(1000) end
  return table.concat(out, " ")
end
print(seq(function() end))
print(seq(function() math.random() end))
print(seq(function() pcall(math.random, 0) end))
print(seq(function() pcall(math.random, 5, 1) end))
print(seq(function() pcall(math.random, 1, 2, 3) end))
print(seq(function() pcall(math.random, "x") end))
print(seq(function() pcall(math.random, math.mininteger, math.maxinteger) end))
print(seq(function() math.random(7, 7) end))
print "OK"
