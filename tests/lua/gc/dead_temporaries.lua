-- an object left only in a dead temporary register is collected by the
-- automatic collector (registers above the one being written are dead)
local u
local finish = false
u = {setmetatable({}, {__gc = function() finish = true end})}
local b = {34}
local n = 0
repeat u = {{}}; n = n + 1 until finish or n > 5000000
print(finish, b[1])
finish = false
u = {setmetatable({}, {__gc = function() finish = true end})}
n = 0
repeat local i; u = {function() return i end}; n = n + 1 until finish or n > 5000000
print(finish, b[1])
finish = false
u = {setmetatable({}, {__gc = function() finish = true end})}
n = 0
repeat n = n + 1; u = {tostring(n) .. tostring(n)} until finish or n > 5000000
print(finish, b[1])
print "OK"
