-- weak values: collected objects disappear, strings and numbers stay
local cache = setmetatable({}, { __mode = "v" })
local keep = {}
local function fill()
  for i = 1, 10 do
    local obj = { id = i }
    cache[i] = obj
    if i % 2 == 0 then keep[#keep + 1] = obj end
  end
  cache.str = "a string value"
  cache.num = 12345
  cache.bool = true
  cache.fn = function() end
end
fill()
collectgarbage()
collectgarbage()
local present = {}
for i = 1, 10 do if cache[i] then present[#present + 1] = i end end
print(table.concat(present, " "))
print(cache.str, cache.num, cache.bool, cache.fn)
print(#keep)
-- dropping the strong references lets the rest go
keep = nil
collectgarbage()
local n = 0
for k in pairs(cache) do if type(k) == "number" then n = n + 1 end end
print(n)
print "OK"
