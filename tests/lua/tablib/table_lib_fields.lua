-- the table library's contents
local names = {}
for k, v in pairs(table) do names[#names + 1] = k .. ":" .. type(v) end
table.sort(names)
print(table.concat(names, " "))
print(type(table.unpack), type(table.pack))
print(package.loaded.table == table)
-- library functions can be stored and called indirectly
local ins, cat = table.insert, table.concat
local t = {}
ins(t, 1) ins(t, 2)
print(cat(t, ","))
-- methods via a metatable __index = table
local obj = setmetatable({}, {__index = table})
obj:insert("x")
obj:insert("y")
obj:insert(1, "w")
print(obj:concat(" "), obj:remove(), obj:unpack())
obj:sort(function(a, b) return a > b end)
print(obj:concat(" "))
print "OK"
