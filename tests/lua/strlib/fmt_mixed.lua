-- string.format: mixed conversions, argument order, extra arguments
local f = string.format
print(f("%s=%d (%5.2f%%) [%x] %q", "k", 10, 12.345, 255, "v"))
print(f("%d", 1, 2, 3))
print(f("no specs", 1, 2))
print(f("%s %s", "a", "b", "c"))
local args = {}
for i = 1, 30 do args[i] = i end
print(f(string.rep("%d,", 30), table.unpack(args)))
print(f("%3d|%-3d|%03d", 7, 7, 7))
print(f("%s", f("%s", f("%d", 5))))
local t = {}
for i = 1, 5 do t[#t + 1] = f("%02d:%02d", i, i * 7 % 60) end
print(table.concat(t, " "))
print(pcall(f, "%d %s %d", 1, "x"))
print(pcall(f, "%d %s %d", 1, "x", "y"))
print(pcall(f, "%s %s %d", "a", "b", "c"))
-- format as a method on the format string
print(("%d-%d"):format(1, 2), ("%5.1f"):format(math.pi))
print "OK"
