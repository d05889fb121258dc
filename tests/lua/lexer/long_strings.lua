-- long brackets of several levels
local a = [[hello]]
local b = [==[a]]b]=]c]==]
local c = [[
first newline skipped]]
local d = [[

two newlines, one skipped]]
local e = [=[
]]]=]
print(a)
print(b)
print(c)
print(d, #d)
print(e, #e)
print(#[[]], #[==[]==])
local f = [[ \n is not an escape \t ]]
print(f, #f)
local g = [===[
level three with ]] and ]=] and ]==] inside
]===]
io.write(g)
local nested = [==[ [[ inner ]] ]==]
print(nested)
-- long strings as call arguments
print(string.upper[[abc]], #[[
x]])
assert([[a
b]] == "a\nb")
print "OK"
