-- table.pack
local function keys(t)
  local k = {}
  for key in pairs(t) do k[#k + 1] = tostring(key) end
  table.sort(k)
  return table.concat(k, " ")
end
local p = table.pack()
print(p.n, #p, keys(p))
p = table.pack(nil)
print(p.n, p[1], keys(p))
p = table.pack(1, nil, 3)
print(p.n, p[1], p[2], p[3], keys(p))
p = table.pack(nil, nil, nil)
print(p.n, keys(p))
p = table.pack("a", "b", "c")
print(p.n, #p, table.concat(p, ""))
p = table.pack(table.unpack({1, 2, 3}))
print(p.n)
p = table.pack(("x"):byte(1, -1))
print(p.n, p[1])
local many = {}
for i = 1, 200 do many[i] = i end
p = table.pack(table.unpack(many))
print(p.n, p[200])
print(getmetatable(table.pack()) == nil)
print(table.pack(false).n, table.pack(false)[1])
-- n is a plain field; the table can be modified
p = table.pack(1, 2)
p.n = nil
print(keys(p))
print "OK"
