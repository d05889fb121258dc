-- calling the standard searchers directly
package.path = "./mods/?.lua-chunk"
package.cpath = "./mods/?.so;./mods/?/c.so"
local s = package.searchers
print(s[1]("nosuch"))
package.preload.pre = function() return "p" end
print(type(s[1]("pre")))
local loader, file = s[2]("simple")
print(type(loader), file)
local m = loader("given name", "given file")
print(m.name, m.file)
print(s[2]("nosuch"))
print(pcall(s[2], "syntaxerr"))
print(s[3]("nosuch"))
print(s[4]("nosuch"))
print(s[4]("a.b"))
print(select('#', s[4]("nodots")))
print(pcall(s[1]))
print(pcall(s[2], {}))
print "OK"
