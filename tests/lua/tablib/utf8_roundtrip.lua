-- char/codepoint/len/offset agree on generated strings
local cps = {}
local x = 7
for i = 1, 200 do
  x = (x * 1103515245 + 12345) % 2147483648
  local r = x % 4
  if r == 0 then cps[i] = x % 0x80
  elseif r == 1 then cps[i] = 0x80 + x % 0x780
  elseif r == 2 then cps[i] = 0xE000 + x % 0x1000
  else cps[i] = 0x10000 + x % 0x100000 end
end
local s = utf8.char(table.unpack(cps))
print(#s, utf8.len(s))
local back = {utf8.codepoint(s, 1, -1)}
local same = #back == #cps
for i = 1, #cps do if back[i] ~= cps[i] then same = false end end
print(same)
local okoff = true
for i = 1, #cps do
  local p = utf8.offset(s, i)
  if utf8.codepoint(s, p) ~= cps[i] then okoff = false end
  if utf8.offset(s, -(#cps - i + 1)) ~= p then okoff = false end
end
print(okoff)
local n = 0
for p, c in utf8.codes(s) do n = n + 1 if c ~= cps[n] or utf8.offset(s, n) ~= p then okoff = false end end
print(n, okoff)
local sum = 0
for i = 1, #cps do sum = sum + cps[i] end
print(sum)
print "OK"
