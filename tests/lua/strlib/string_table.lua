-- the string library table
local names = {}
for k, v in pairs(string) do names[#names + 1] = k .. ":" .. type(v) end
table.sort(names)
print(table.concat(names, " "))
print(#names)
print(package.loaded.string == string, require("string") == string)
print(getmetatable("").__index == string)
local mt = getmetatable("")
local keys = {}
for k in pairs(mt) do keys[#keys + 1] = k end
table.sort(keys)
print(table.concat(keys, ","))
print "OK"
