-- string.packsize for every fixed-size option
for _, o in ipairs({"b", "B", "h", "H", "i", "I", "l", "L", "j", "J", "T", "f", "d", "n", "x",
    "i1", "i2", "i4", "i8", "i16", "I3", "c0", "c1", "c10", "s", "z"}) do
  print(o, pcall(string.packsize, o))
end
print(string.packsize(""), string.packsize("bhij"), string.packsize("!bhij"), string.packsize("!4bd"))
print(string.packsize("<i4 >i4 =i4"), string.packsize("c3 c4"), string.packsize("xxxx"))
print(string.packsize("!8 b d"), string.packsize("!2 b d"), string.packsize("!1 b d"), string.packsize("! b j"))
print(string.packsize("b Xi4"), string.packsize("b Xd"), string.packsize("!4 b Xd"), string.packsize("!b Xh"))
print(pcall(string.packsize, "s4"))
print(pcall(string.packsize, "z"))
print(pcall(string.packsize, "i0"))
print(pcall(string.packsize, "i17"))
print(pcall(string.packsize, "!3"))
print(pcall(string.packsize, "!17"))
print(pcall(string.packsize, "y"))
print(pcall(string.packsize, "c"))
print(pcall(string.packsize, "c" .. string.rep("9", 20)))
print(pcall(string.packsize, string.rep("c1000000000", 3)))
print(pcall(string.packsize, "X"))
print(pcall(string.packsize, "Xz"))
print(pcall(string.packsize, "bXc"))
print(pcall(string.packsize, "i3 !4 X i3"))
print(pcall(string.packsize))
print "OK"
