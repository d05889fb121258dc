-- return: anywhere as the last statement of a block
local function early(x)
  if x then return "early" end
  do return "do-return" end
end
print(early(true), early(false))
local function nothing() return end
print(select("#", nothing()))
local function many() return 1, 2, 3 end
print(many())
local function paren() return (many()) end
print(paren())
local function tail() return many() end
print(tail())
local function mid() return many(), 10 end
print(mid())
local function nils() return nil, nil end
print(select("#", nils()))
-- return in the main chunk of a loaded function
local f = load("return 1, 2, 3")
print(f())
print(select("#", load("return")()))
-- return must be the last statement
print(load("return 1 print(2)"))
print(load("do return end print(2)") ~= nil)
-- return inside loops ends the function
local function find(t, v)
  for i, x in ipairs(t) do
    if x == v then return i end
  end
  return nil
end
print(find({ 5, 6, 7 }, 6), find({}, 1))
print "OK"
