-- string.format %c
local f = string.format
print(f("%c%c%c%c", 72, 105, 33, 10) == "Hi!\n")
print(#f("%c", 0), f("%c", 0):byte())
print(f("%c", 255):byte(), f("%c", 65.0), f("%c", "66"))
print("[" .. f("%5c", 65) .. "]", "[" .. f("%-5c", 65) .. "]")
local s = ""
for i = 32, 126 do s = s .. f("%c", i) end
print(s)
print(f("a%cb", 0) == "a\0b", #f("%c%c", 0, 0))
print(pcall(f, "%c", 1.5))
print(pcall(f, "%c", "x"))
print(pcall(f, "%c"))
print(pcall(f, "%c", nil))
print "OK"
