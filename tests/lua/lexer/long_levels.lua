-- long brackets of levels 0 to 5, with closers of other levels inside
local s0 = [[a]=]b]==]c]]
local s1 = [=[a]]b]==]c]=]
local s2 = [==[a]]b]=]c]===]d]==]
local s3 = [===[]]]=]]==]]====]]===]
local s4 = [====[x]====]
local s5 = [=====[
y]=====]
print(s0, s1, s2, s3, s4, s5)
print(#s0, #s1, #s2, #s3, #s4, #s5)
-- the same through load, building the delimiters
for level = 0, 8 do
  local eq = ("="):rep(level)
  local src = "return [" .. eq .. "[level " .. level .. "]" .. eq .. "]"
  print(load(src)())
end
-- a closing bracket of a lower level does not end a higher one
print(load("return [==[ ]] ]=] ]==]")())
-- comments of every level
local n = 0 --[=[ ]] ]=] n = n + 1 --[==[
]] ]=]
]==] n = n + 2
print(n)
print "OK"
