-- currentline tracking across statements
local function line() return debug.getinfo(2, "l").currentline end
print(line())
local a = line()
print(a)
local t = {
  line(),
  line(),
}
print(t[1], t[2])
local function multi()
  return
    line()
end
print(multi())
print(debug.getinfo(1, "l").currentline)
if true then
  print(line())
end
print(debug.getinfo(print, "l").currentline)
print "OK"
