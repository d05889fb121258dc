-- require of a module beside the script
package.path = "./mods/?.lua-chunk;./mods/?/init.lua-chunk"
package.cpath = "./mods/?.so"
local m = require("simple")
print(type(m), m.name, m.file)
print(package.loaded.simple == m)
print(require("simple") == m)
print "OK"
