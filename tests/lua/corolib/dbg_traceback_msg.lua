-- debug.traceback: message handling, printing only stable facts
local tb = debug.traceback("hello")
print(tb:match("^[^\n]*"))
print(select(2, tb:gsub("\n", "\n")) > 0)
print(tb:match("\n([^\n]*)"))
print(debug.traceback(nil) :match("^[^\n]*"))
print(type(debug.traceback({})), debug.traceback(print) == print)
local t = {}
print(debug.traceback(t) == t)
print(debug.traceback(12):match("^[^\n]*"))
print(debug.traceback(1.5):match("^[^\n]*"))
print(debug.traceback(true) == true)
print(debug.traceback("msg", 50))
local function lvl2() return debug.traceback("in lvl2", 1) end
local function lvl1() return lvl2() end
local s = lvl1()
local lines = {}
for l in s:gmatch("[^\n]+") do lines[#lines + 1] = l end
print(lines[1]); print(lines[2]); print(lines[3])
print(lines[4])
print "OK"
