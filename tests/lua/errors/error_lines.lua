-- the line of a runtime error is the line of the failing operation
local function try(f) local ok, e = pcall(f) print(e) end
try(function()
  local t = nil
  return t
    .field
end)
try(function()
  local a = {}
  local b = 1
  return b +
    a
end)
try(function()
  local f = nil
  f(
    1,
    2
  )
end)
try(function()
  error("on this line")
end)
try(function()
  local s = "a" ..
    "b" ..
    {}
end)
try(function()
  local x = { 1, 2,
    nil + 1 }
end)
try(function() return { [nil] = 1 } end)
try(function()
  for i = 1, "x" do end
end)
print "OK"
