-- the utf8 library's contents
local names = {}
for k, v in pairs(utf8) do names[#names + 1] = k .. ":" .. type(v) end
table.sort(names)
print(table.concat(names, " "))
print(package.loaded.utf8 == utf8)
print(#utf8.charpattern)
print "OK"
