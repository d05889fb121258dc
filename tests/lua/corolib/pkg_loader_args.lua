-- loaders get the module name and the file name
package.path = "./mods/?.lua-chunk;./mods/?/init.lua-chunk"
package.cpath = "./mods/?.so"
print(require("args"))
print(package.loaded.args)
local info = require("info")
print(info.source, info.short_src, info.what)
print "OK"
