-- a module requiring another one; loaded state during loading
package.path = "./mods/?.lua-chunk;./mods/?/init.lua-chunk"
package.cpath = "./mods/?.so"
local a = require("cyc_a")
print(a.b.a_state)
print(type(package.loaded.cyc_a), type(package.loaded.cyc_b))
print "OK"
