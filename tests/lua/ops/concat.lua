-- concatenation converts numbers with the same format as tostring
print(1 .. "")
print(1.0 .. "")
print(-0.0 .. "")
print(2^63 .. "")
print(1e15 .. "|" .. 1e16)
print(math.mininteger .. "")
print(0.1 .. "")
print(10 // 3 .. "," .. 10 / 2)
print("a" .. "b" .. "c" .. 1 .. 2)
print("" .. "")
print(#("x" .. "") , #("" .. "y"))
-- right associative: all parts are joined at once
local parts = {}
for i = 1, 20 do parts[i] = i end
local s = ""
for i = 1, 20 do s = s .. parts[i] end
print(s)
print(1 .. 2 .. 3 .. 4 .. 5 .. 6 .. 7 .. 8 .. 9 .. 10)
-- strings with zeros
local z = "a\0b" .. "\0c"
print(#z, z:byte(1, -1))
-- errors
local function try(f)
  local ok, err = pcall(f)
  print(ok, err)
end
try(function() return "a" .. nil end)
try(function() return "a" .. {} end)
try(function() return true .. "a" end)
try(function() local t = {} return t .. "x" end)
try(function() local t = {} return "x" .. t.field end)
try(function() return "x" .. print end)
try(function() return 1 .. 2 .. nil end)
print "OK"
