-- %Z and %z in UTC; only shapes in local time
print(os.date("!%Z %z", 0), os.date("!%Z %z", 1234567890))
local z = os.date("%z", 0)
print(#z, z:match("^[+-]%d%d%d%d$") ~= nil)
print(type(os.date("%Z", 0)))
print "OK"
