-- how argument errors name the table/math/utf8 function for different call forms
local function check(f) print(pcall(f)) end
check(function() table.insert(nil, 1) end)
check(function() local ins = table.insert ins(nil, 1) end)
check(function() local t = {ins = table.insert} t.ins(nil, 1) end)
check(function() local o = setmetatable({}, {__index = {concat = table.concat}}) o:concat({}) end)
check(function() local o = setmetatable({}, {__index = table}) o:insert(1, 2, 3) end)
check(function() local o = setmetatable({}, {__index = table}) o:insert(5, "x") end)
check(function() local s = setmetatable({}, {__index = {len = utf8.len}}) s:len() end)
check(function() math.floor("x") end)
check(function() local fl = math.floor fl({}) end)
check(function() utf8.char(-1) end)
check(function() local m = {sqrt = math.sqrt} m.sqrt() end)
check(function() return math.max() end)
check(function() return utf8.codepoint("abc", 10) end)
check(function() table.concat({{}}) end)
print "OK"
