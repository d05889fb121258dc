-- errors raised by metamethods propagate through the table library
local function meta(kind)
  local mt = {__len = function() return 3 end}
  mt[kind] = function() error("from " .. kind) end
  return setmetatable({}, mt)
end
print(pcall(table.concat, meta("__index")))
print(pcall(table.unpack, meta("__index")))
print(pcall(table.insert, meta("__newindex"), "v"))
print(pcall(table.insert, meta("__index"), 1, "v"))
print(pcall(table.remove, meta("__index")))
print(pcall(table.sort, meta("__index")))
print(pcall(table.move, meta("__index"), 1, 2, 3))
print(pcall(table.move, {1, 2}, 1, 2, 1, meta("__newindex")))
local lenerr = setmetatable({}, {__len = function() error({code = 42}) end})
local ok, e = pcall(table.insert, lenerr, 1)
print(ok, type(e), e.code)
print(pcall(table.concat, setmetatable({}, {__len = function() error("len!", 0) end})))
print(pcall(table.unpack, setmetatable({}, {__len = function() error("len!", 2) end})))
print(pcall(table.remove, setmetatable({}, {__len = function() error() end})))
print "OK"
