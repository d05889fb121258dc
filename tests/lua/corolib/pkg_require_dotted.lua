-- dotted module names map to subdirectories; ?/init patterns
package.path = "./mods/?.lua-chunk;./mods/?/init.lua-chunk"
package.cpath = "./mods/?.so"
print(require("sub.inner"))
print(package.loaded["sub.inner"])
local p = require("pkg")
print(p.kind, p.name, p.file)
print(package.searchpath("sub.inner", package.path))
print(package.searchpath("pkg", package.path))
print "OK"
