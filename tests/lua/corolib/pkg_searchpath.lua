-- package.searchpath results and error lists
print(package.searchpath("simple", "./mods/?.lua-chunk"))
print(package.searchpath("simple", "./nope/?.x;./mods/?.lua-chunk"))
print(package.searchpath("missing", "./a/?.x;./b/?.y;;./c/?"))
print(package.searchpath("sub.inner", "./mods/?.lua-chunk"))
print(package.searchpath("sub_inner", "./mods/?.lua-chunk", "_"))
print(package.searchpath("sub.inner", "./mods/?.lua-chunk", ".", "."))
print(package.searchpath("sub.inner", "./mods/?.lua-chunk", ""))
print(package.searchpath("x", ""))
print(package.searchpath("mods", "./?"))
print(package.searchpath("a.b", "?;?.q"))
print(pcall(package.searchpath))
print(pcall(package.searchpath, "x"))
print "OK"
