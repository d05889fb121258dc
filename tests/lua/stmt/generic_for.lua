-- generic for: iterator, state, control variable
local function range(n)
  return function(s, i)
    if i < n then return i + 1, (i + 1) * (i + 1) end
  end, nil, 0
end
for i, sq in range(4) do print(i, sq) end
-- stateless iterator with explicit state
local function iter(t, i)
  i = i + 1
  if t[i] then return i, t[i] end
end
for i, v in iter, { "a", "b", "c" }, 0 do print(i, v) end
-- closures as iterators
local function chars(s)
  local i = 0
  return function()
    i = i + 1
    if i <= #s then return s:sub(i, i) end
  end
end
local acc = {}
for ch in chars("hello") do acc[#acc + 1] = ch:upper() end
print(table.concat(acc))
-- extra iterator results are dropped, missing ones are nil
for a, b, c, d in function(_, x) if not x then return 1, 2 end end do
  print(a, b, c, d)
end
-- only the first three values of the explist are used
local function gen() return function(s, c) if c < s then return c + 1 end end, 3, 0, "ignored" end
for v in gen() do io.write(v, " ") end
print()
-- the loop stops when the first value is nil even if others are not
for a, b in function(_, x) if not x then return nil, "second" end end do print("never") end
print("after")
-- ipairs and pairs with sorted keys
local t = { 10, 20, 30, x = 1, y = 2 }
for i, v in ipairs(t) do print(i, v) end
local keys = {}
for k in pairs(t) do keys[#keys + 1] = tostring(k) end
table.sort(keys)
print(table.concat(keys, " "))
print "OK"
