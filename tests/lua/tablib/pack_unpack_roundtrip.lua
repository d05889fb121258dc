-- pack/unpack round trips keep nils with .n
local function roundtrip(...)
  local p = table.pack(...)
  return table.unpack(p, 1, p.n)
end
print(roundtrip())
print(select("#", roundtrip()))
print(roundtrip(nil))
print(select("#", roundtrip(nil, nil)))
print(roundtrip(1, nil, 3, nil))
print(select("#", roundtrip(1, nil, 3, nil)))
print(roundtrip(false, "x", 2.5, math.maxinteger))
local function count(...) return select("#", ...) end
local p = table.pack(nil, nil, 3, nil)
print(p.n, count(table.unpack(p, 1, p.n)))
-- unpack into a function call with extra args after it (truncated to one)
print(table.unpack({1, 2, 3}), "end")
print((table.unpack({1, 2, 3})))
-- nested
print(table.unpack(table.pack(table.unpack({"a", "b", "c"}, 2))))
print "OK"
