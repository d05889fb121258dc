-- xpcall: the handler sees the original error and its result is returned
print(xpcall(function() error("boom") end, function(m) return "handled: " .. m end))
print(xpcall(function() return "fine", 2 end, print))
print(xpcall(function(a, b) return a + b end, print, 3, 4))
print(xpcall(function() error({ code = 1 }) end, function(e) return type(e), e.code end))
print(xpcall(function() local x = nil; return x.y end, function(m) return "H:" .. m end))
-- the handler runs before unwinding: it can inspect the stack (print only a fact)
print(xpcall(function() error("t") end, function(m) return type(debug.traceback(m)) end))
print(xpcall(function() error("t") end, function(m) return debug.traceback(m):find("stack traceback:", 1, true) ~= nil end))
-- a handler that errors
print(xpcall(function() error("first") end, function(m) error("in handler") end))
-- xpcall argument checks
print(pcall(xpcall))
print(pcall(xpcall, print))
print(xpcall(error, function(m) return m end, "passed through", 0))
-- a non-function handler
print(pcall(xpcall, function() error("x") end, 42))
-- handler gets non-string errors untouched
print(xpcall(function() error() end, function(m) return "got " .. tostring(m) end))
-- nested xpcall with different handlers
print(xpcall(function()
  local ok, v = xpcall(function() error("inner", 0) end, function(m) return "inner handler: " .. m end)
  error(v, 0)
end, function(m) return "outer handler: " .. m end))
print "OK"
