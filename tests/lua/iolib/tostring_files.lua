-- tostring of open and closed files
local name = os.tmpname()
local f = assert(io.open(name, "w"))
local s = tostring(f)
print(s:match("^file %(0x") ~= nil or s:match("^file %(") ~= nil, s:find("closed") ~= nil)
f:close()
print(tostring(f) == "file (closed)")
print(tostring(io.stdout):find("closed") ~= nil)
local mt = getmetatable(io.stdout)
print(type(mt), mt.__name, type(mt.__index), type(mt.__gc), type(mt.__tostring))
local keys = {}
for k in pairs(mt.__index) do keys[#keys + 1] = k end
table.sort(keys)
print(table.concat(keys, " "))
os.remove(name)
print "OK"
