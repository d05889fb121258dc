-- package.preload takes precedence over files
package.path = "./mods/?.lua-chunk;./mods/?/init.lua-chunk"
package.cpath = "./mods/?.so"
package.preload.simple = function(...) return { from = "preload", args = select('#', ...), n = ... } end
local m = require("simple")
print(m.from, m.args, m.n)
package.preload.pl_nothing = function() end
print(require("pl_nothing"))
package.preload.pl_err = function() error("preload error") end
print(pcall(require, "pl_err"))
package.preload.pl_tab = function(name, extra) return { name, tostring(extra) } end
local t = require("pl_tab")
print(t[1], t[2])
package.preload = nil
print(pcall(require, "whatever"))
print "OK"
