-- string.reverse, string.upper, string.lower
print(("hello"):reverse(), (""):reverse() == "", ("a"):reverse(), ("ab\0cd"):reverse() == "dc\0ba")
print(("Hello World 123!"):upper(), ("Hello World 123!"):lower())
print((""):upper() == "", (""):lower() == "")
local t = {}
for i = 0, 255 do t[#t + 1] = string.char(i) end
local all = table.concat(t)
local up, low = all:upper(), all:lower()
print(#up, #low)
local changed_up, changed_low = {}, {}
for i = 1, 256 do
  if up:byte(i) ~= i - 1 then changed_up[#changed_up + 1] = (i - 1) .. ">" .. up:byte(i) end
  if low:byte(i) ~= i - 1 then changed_low[#changed_low + 1] = (i - 1) .. ">" .. low:byte(i) end
end
print(#changed_up, changed_up[1], changed_up[#changed_up])
print(#changed_low, changed_low[1], changed_low[#changed_low])
print(all:reverse():reverse() == all, all:reverse():byte(1), all:reverse():byte(256))
print(string.upper(12), string.lower(1e100), string.reverse(123), string.reverse(-1.5))
print(pcall(string.upper))
print(pcall(string.lower, {}))
print(pcall(string.reverse, nil))
print(("MiXeD"):upper():lower():reverse())
print "OK"
