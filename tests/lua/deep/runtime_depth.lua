-- deep structures at run time
-- a linked list of 1,000,000 nodes, walked iteratively
local head
for i = 1, 1000000 do head = { v = i, next = head } end
local n, sum = 0, 0
while head do n = n + 1; sum = sum + head.v; head = head.next end
print(n, sum)
-- a 100,000-deep nested table, built and measured iteratively
local root = {}
local cur = root
for i = 1, 100000 do cur.child = {}; cur = cur.child end
local depth = 0
cur = root
while cur.child do depth = depth + 1; cur = cur.child end
print(depth)
-- recursion through pcall: a C-stack limit, reported as a catchable stack overflow
local function nest()
  local ok, e = pcall(nest)
  if ok then return e end
  error(e, 0)
end
local ok, err = pcall(nest)
print(ok, type(err), string.find(tostring(err), "stack overflow", 1, true) ~= nil)
-- recursion through metamethods
local mt = {}
mt.__index = function(t, k) return setmetatable({}, mt)[k] end
ok, err = pcall(function() return setmetatable({}, mt).x end)
print(ok, string.find(tostring(err), "stack overflow", 1, true) ~= nil)
-- recursion through tostring
local r = setmetatable({}, {})
getmetatable(r).__tostring = function(x) return tostring(x) end
ok, err = pcall(tostring, r)
print(ok, string.find(tostring(err), "stack overflow", 1, true) ~= nil)
-- a million-piece concatenation
local pieces = {}
for i = 1, 1000000 do pieces[i] = "x" end
print(#table.concat(pieces))
print "OK"
