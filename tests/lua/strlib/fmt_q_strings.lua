-- string.format %q on strings
local f = string.format
print(f("%q", "hello"))
print(f("%q", 'say "hi"'))
print(f("%q", "back\\slash"))
print(f("%q", "line1\nline2"))
print(f("%q", "tab\there"))
print(f("%q", "cr\rhere"))
print(f("%q", "nul\0here"))
print(f("%q", "\0001"), f("%q", "\0a"), f("%q", "\0019"))
print(f("%q", "\1\2\31\127"))
print(f("%q", "\200\255"))
print(f("%q", ""))
local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
all = table.concat(all)
local q = f("%q", all)
print(#q)
print(load("return " .. q)() == all)
for i = 0, 40 do io.write(f("%q", string.char(i)), " ") end
print()
print(f("[%q]", "x"), f("%q%q", "a", "b"))
print(pcall(f, "%q"))
print(pcall(f, "%10q", "x"))
print "OK"
