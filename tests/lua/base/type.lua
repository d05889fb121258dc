-- type returns one of eight names
local values = { nil, true, 1, 1.5, "s", {}, print, function() end, coroutine.create(function() end), io.stdout }
for i = 1, 10 do print(i, type(values[i])) end
print(type(type), type(nil), type(type(nil)))
print(pcall(type))
print(type(_G), type(_VERSION), type(string), type(0/0))
print "OK"
