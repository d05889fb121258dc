-- nested protected calls: each level catches its own errors
local log = {}
local function level(n)
  if n == 0 then error("bottom", 0) end
  local ok, err = pcall(level, n - 1)
  log[#log + 1] = n .. ":" .. tostring(ok) .. ":" .. tostring(err)
  if n % 2 == 0 then error("level " .. n, 0) end
  return "returned from " .. n
end
print(pcall(level, 5))
print(table.concat(log, "\n"))
-- pcall in a loop with errors every other time, accumulating results
local sum = 0
for i = 1, 100 do
  local ok, v = pcall(function() if i % 3 == 0 then error("skip") end return i end)
  if ok then sum = sum + v end
end
print(sum)
-- an error inside a handler-less coroutine-free deep stack is still caught at the top
local function deep(n) if n == 0 then local x = nil; return x.boom end return deep(n - 1) + 0 end
local ok, err = pcall(deep, 100)
print(ok, err)
-- pcall returning many values after inner errors
print(pcall(function()
  local a = { pcall(error, "a", 0) }
  local b = { pcall(error, "b", 0) }
  return a[2], b[2], select("#", table.unpack(a)), #b
end))
print "OK"
