-- gmatch with position captures and match state
local t = {}
for pos, word in ("alpha beta  gamma"):gmatch("()(%a+)") do t[#t + 1] = pos .. "=" .. word end
print(table.concat(t, " "))
t = {}
for s, e in ("aXbXXc"):gmatch("()X+()") do t[#t + 1] = s .. "-" .. e end
print(table.concat(t, " "))
t = {}
for p in ("abc"):gmatch("()") do t[#t + 1] = p end
print(table.concat(t, " "))
t = {}
for a, b in ("k1=v1&k2=&=v3"):gmatch("([^&=]*)=([^&]*)") do t[#t + 1] = "<" .. a .. "," .. b .. ">" end
print(table.concat(t))
t = {}
for w in ("one two"):gmatch("%a*") do t[#t + 1] = "[" .. w .. "]" end
print(table.concat(t))
-- nested gmatch loops
for line in ("a b\nc d e\n"):gmatch("[^\n]+") do
  local n = 0
  for _ in line:gmatch("%a") do n = n + 1 end
  print(line, n)
end
-- errors show up when the iterator runs, not when it is created
local it = ("abc"):gmatch("(")
print(type(it), pcall(it))
local it2 = ("abc"):gmatch("%")
print(pcall(it2))
print "OK"
