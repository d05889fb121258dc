-- comments: short, long of several levels, and not-quite-long
local x = 1 -- short comment
--[[ long
comment ]] x = x + 1
--[==[ level two ]] still inside
]==] x = x + 10
--[ this is a short comment, not a long one
x = x + 100
--[=x not long either
x = x + 1000
---[[ this is a short comment
x = x + 10000
--]]
print(x)
local y = --[[ inline ]] 5 --[=[ another ]=] + 1
print(y)
--[[]] print("after empty long comment")
--[==[
]]
]=]
]==] print("after level-two comment")
print "OK"
-- comment at end of file without newline
