-- structured error objects: rethrow, inspect, convert
local MyError = {}
MyError.__index = MyError
MyError.__tostring = function(e) return "MyError(" .. e.code .. "): " .. e.msg end
local function throw(code, msg) error(setmetatable({ code = code, msg = msg }, MyError)) end
local ok, e = pcall(throw, 404, "not found")
print(ok, getmetatable(e) == MyError, e.code, tostring(e))
-- catching and rethrowing by type
local function handler(f)
  local ok2, err = pcall(f)
  if ok2 then return "no error" end
  if getmetatable(err) == MyError then return "handled " .. err.code end
  error(err, 0)
end
print(handler(function() throw(500, "server") end))
print(handler(function() return 1 end))
print(pcall(handler, function() error("plain string", 0) end))
-- error objects through xpcall handlers
print(xpcall(throw, function(err) return tostring(err) end, 1, "via xpcall"))
-- concatenating an error object without __concat fails
print(pcall(function() local _, err = pcall(throw, 2, "x") return "msg: " .. err end))
print "OK"
