-- _G, _VERSION and the standard global names
print(_G._G == _G, _G == _ENV, _VERSION)
local names = {
  "assert", "collectgarbage", "dofile", "error", "getmetatable", "ipairs", "load",
  "loadfile", "next", "pairs", "pcall", "print", "rawequal", "rawget", "rawlen",
  "rawset", "require", "select", "setmetatable", "tonumber", "tostring", "type",
  "xpcall", "coroutine", "debug", "io", "math", "os", "package", "string", "table", "utf8",
}
for _, n in ipairs(names) do print(n, type(_G[n])) end
-- removed or renamed functions are absent
print(rawget(_G, "unpack"), rawget(_G, "loadstring"), rawget(_G, "setfenv"), rawget(_G, "getfenv"), rawget(_G, "module"))
-- globals can be created and removed through _G
_G.newglobal = "created"
print(newglobal)
newglobal = nil
print(rawget(_G, "newglobal"))
-- _G is an ordinary table
local count = 0
for k, v in pairs(_G) do if k == "print" then count = count + 1 end end
print(count)
print "OK"
