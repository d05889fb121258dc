local s: string = string.rep("a", 3)
local up: string = ("x"):upper()
local n: integer = math.floor(2.5) + #"abc"
local m: number = math.max(1, 2.5)
local t = {}
table.insert(t, 1)
print(tostring(1), tonumber("2"), select("#", 1, 2))
string.rep("a", "b")                    --! E0002 argument #2 of 'string.rep': expected integer, got string
string.format()                         --! E0003 missing argument #1 to 'string.format'
math.floor(true)                        --! E0002 argument #1 of 'math.floor'
local num: number = tonumber("2")       --! E0005 local 'num': expected number, got number?
for i, v in ipairs({1, 2}) do
  local k: integer = i + v
end
local ages: {[string]: integer} = {ann = 3}
for name, age in pairs(ages) do
  local nm: string = name
  local ag: integer = age
  local wrong: string = age             --! E0001 expected string, got integer
end
