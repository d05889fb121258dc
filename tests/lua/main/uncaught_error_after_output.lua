-- lots of output, then a runtime error
for i = 1, 5000 do print(i) end
local t = {}
t.x.y = 1
