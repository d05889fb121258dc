-- errors while loading modules
package.path = "./mods/?.lua-chunk;./mods/?/init.lua-chunk"
package.cpath = "./mods/?.so"
print(pcall(require, "syntaxerr"))
print(pcall(require, "runtimeerr"))
print(package.loaded.runtimeerr)
local ok, e = pcall(require, "errtable")
print(ok, type(e), e.code)
print(pcall(require, "deeperr"))
print "OK"
