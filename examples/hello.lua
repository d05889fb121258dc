-- hello.lua: a small tour of wlua (plain Lua 5.3).
--   cargo run --release -- examples/hello.lua [name]

local name = arg[1] or "world"
print(string.format("Hello, %s!", name))

-- Closures: a counter factory.
local function counter(step)
  local n = 0
  return function()
    n = n + step
    return n
  end
end
local by3 = counter(3)
by3()
by3()
print("counter by 3, after three calls: " .. by3())

-- Tables as records, sorted by a field.
local planets = {
  { name = "Mercury", moons = 0, au = 0.39 },
  { name = "Earth", moons = 1, au = 1.0 },
  { name = "Jupiter", moons = 95, au = 5.2 },
  { name = "Mars", moons = 2, au = 1.52 },
}
table.sort(planets, function(a, b) return a.au < b.au end)
for i, p in ipairs(planets) do
  print(string.format("%d. %-8s %5.2f AU %3d moon%s", i, p.name, p.au, p.moons, p.moons == 1 and "" or "s"))
end

-- Word frequencies with string patterns.
local text = "the quick brown fox jumps over the lazy dog the end"
local freq = {}
for word in text:gmatch("%a+") do freq[word] = (freq[word] or 0) + 1 end
local words = {}
for w in pairs(freq) do words[#words + 1] = w end
table.sort(words, function(a, b)
  if freq[a] ~= freq[b] then return freq[a] > freq[b] end
  return a < b
end)
print("most frequent: " .. words[1] .. " (" .. freq[words[1]] .. " times)")

-- Integers and floats are distinct subtypes in Lua 5.3.
print(7 // 2, 7 / 2, 2^10, math.maxinteger + 1 == math.mininteger)

-- Coroutines: the first ten Fibonacci numbers from a generator.
local fib = coroutine.wrap(function()
  local a, b = 0, 1
  while true do
    coroutine.yield(a)
    a, b = b, a + b
  end
end)
local fibs = {}
for i = 1, 10 do fibs[i] = fib() end
print("fibonacci: " .. table.concat(fibs, " "))

-- Errors are values: catch one and carry on.
local ok, err = pcall(function() local t = nil; return t.field end)
print("caught: " .. tostring(err))
