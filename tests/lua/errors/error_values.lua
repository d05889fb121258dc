-- any value can be an error object and comes back unchanged
local t = { code = 7 }
local ok, e = pcall(error, t)
print(ok, e == t, e.code)
print(pcall(error, nil))
print(pcall(error))
print(pcall(error, false))
print(select("#", pcall(error, print)), type(select(2, pcall(error, print))))
local ok2, e2 = pcall(error, setmetatable({}, { __tostring = function() return "custom" end }))
print(ok2, tostring(e2))
-- errors from pcall'd natives are strings with no position
print(pcall(string.rep))
-- rethrowing keeps the value
local ok3, e3 = pcall(function()
  local ok, err = pcall(error, t)
  error(err)
end)
print(ok3, e3 == t)
-- rethrowing a string adds another position unless level 0
local ok4, e4 = pcall(function()
  local _, err = pcall(error, "inner")
  error(err)
end)
print(ok4, e4)
local ok5, e5 = pcall(function()
  local _, err = pcall(error, "inner")
  error(err, 0)
end)
print(ok5, e5)
print "OK"
