-- producer / filter / consumer pipeline
local function producer(items)
  return coroutine.create(function()
    for _, v in ipairs(items) do coroutine.yield(v) end
    return nil
  end)
end
local function receive(prod)
  local ok, v = coroutine.resume(prod)
  assert(ok, v)
  return v
end
local function filter(prod, pred)
  return coroutine.create(function()
    while true do
      local v = receive(prod)
      if v == nil then return nil end
      if pred(v) then coroutine.yield(v) end
    end
  end)
end
local function map(prod, f)
  return coroutine.create(function()
    while true do
      local v = receive(prod)
      if v == nil then return nil end
      coroutine.yield(f(v))
    end
  end)
end
local p = map(filter(producer({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}), function(x) return x % 2 == 0 end),
  function(x) return x * x end)
while true do
  local v = receive(p)
  if v == nil then break end
  print(v)
end
-- consumer-driven with send
local consumer = coroutine.wrap(function()
  local total = 0
  while true do
    local v = coroutine.yield(total)
    if v == nil then return "final " .. total end
    total = total + v
  end
end)
consumer()
for i = 1, 5 do print(consumer(i)) end
print(consumer(nil))
print "OK"
