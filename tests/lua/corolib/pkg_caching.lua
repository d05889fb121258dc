-- modules are loaded once; clearing package.loaded reloads
package.path = "./mods/?.lua-chunk;./mods/?/init.lua-chunk"
package.cpath = "./mods/?.so"
local a = require("counter")
local b = require("counter")
print(a == b, a.loads, counter_loads)
package.loaded.counter = nil
local c = require("counter")
print(c == a, c.loads, counter_loads)
package.loaded.counter = false
local d = require("counter")
print(d.loads, counter_loads)
print "OK"
