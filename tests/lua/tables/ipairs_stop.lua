-- ipairs stops at the first nil
local t = { 1, 2, nil, 4 }
for i, v in ipairs(t) do print(i, v) end
t = { n = 1, [1] = "a", [2] = "b", [4] = "d" }
for i, v in ipairs(t) do print(i, v) end
for i, v in ipairs({}) do print("never") end
t = { false, false, nil }
for i, v in ipairs(t) do print(i, v) end
-- ipairs returns three values
local f, s, c = ipairs(t)
print(type(f), s == t, c)
print(f(t, 0))
print(f(t, 2))
-- ipairs respects __index in 5.3
local proxy = setmetatable({}, { __index = function(_, i) if i <= 3 then return i * 10 end end })
for i, v in ipairs(proxy) do print(i, v) end
-- modifying the table during ipairs
t = { 1, 2, 3 }
for i, v in ipairs(t) do
  if i == 1 then t[4] = 4 end
  io.write(v, " ")
end
print()
print(pcall(ipairs))
print "OK"
