-- require uses the registry's loaded/preload tables, not the package fields
package.path = "./mods/?.lua-chunk"
package.cpath = ""
local reg = debug.getregistry()
print(reg._LOADED == package.loaded, reg._PRELOAD == package.preload)
local real_loaded = package.loaded
package.loaded = {}
local m = require("simple")
print(real_loaded.simple == m, package.loaded.simple)
package.loaded = real_loaded
reg._PRELOAD.viareg = function(name) return "preloaded " .. name end
print(require("viareg"))
-- a module stored straight into the registry's loaded table
reg._LOADED.direct = "direct value"
print(require("direct"))
print "OK"
