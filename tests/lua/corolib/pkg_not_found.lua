-- a missing module lists every place searched
package.path = "./mods/?.lua-chunk;./mods/?/init.lua-chunk"
package.cpath = "./mods/?.so"
local ok, e = pcall(require, "nosuch")
print(ok)
print(e)
ok, e = pcall(require, "no.such.mod")
print(e)
package.cpath = ""
ok, e = pcall(require, "again")
print(e)
print(pcall(require))
print(pcall(require, {}))
print "OK"
