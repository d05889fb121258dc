-- require with a search path pointing at this directory
package.path = "./chunks/?.lua-chunk"
package.cpath = ""
local m = require("mod")
print(type(m), m.name, m.loaded_as)
print(require("mod") == m, package.loaded.mod == m)
-- package.preload is searched first
package.preload.virtual = function(name, extra) return { name = name, extra = extra } end
local v = require("virtual")
print(v.name, v.extra)
-- a module that returns nothing is stored as true
print(require("noreturn"), package.loaded.noreturn)
-- a missing module
local ok, err = pcall(require, "missing_module")
print(ok)
print(err)
-- errors inside modules propagate
print(pcall(require, "failing"))
-- package.loaded can be filled by hand
package.loaded.handmade = "hand"
print(require("handmade"))
print(type(package.searchers), #package.searchers, package.config:sub(1, 1))
print "OK"
