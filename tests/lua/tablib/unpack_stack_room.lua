-- how many results table.unpack can leave on the stack, and how many
-- arguments a library function can then be called with: both limits count
-- the slots already in use below (LUAI_MAXSTACK is one million)
local unpack = table.unpack

local function largest(call)
  local lo, hi = 990000, 1000001
  while hi - lo > 1 do
    local mid = (lo + hi) // 2
    if pcall(call, mid) then lo = mid else hi = mid end
  end
  return lo
end

local function count_all(n)
  return select('#', unpack({}, 1, n))
end

local function deeper(n)
  local pad1, pad2, pad3 = 1, 2, 3
  return select('#', unpack({}, 1, n))
end

local function nested(n)
  local r = deeper(n)
  return r
end

local a = largest(count_all)
local b = largest(deeper)
local c = largest(nested)
print("at the top:", a)
print("three more locals:", a - b)
print("one more call:", b - c)
print("through xpcall:", largest(function (n)
  local ok, r = xpcall(count_all, debug.traceback, n)
  assert(ok, r)
  return r
end))

-- just past the limit the call of 'select' overflows; further on, unpack
-- itself refuses
for k = 999950, 999990 do
  local ok, msg = pcall(count_all, k)
  if not ok then print(k, msg) break end
end
for k = 999950, 1000000 do
  local ok, msg = pcall(unpack, {}, 1, k)
  if not ok then print(k, msg) break end
end
local ok, msg = pcall(unpack, {}, 1, 1000000)
print(ok, msg)
print "OK"
