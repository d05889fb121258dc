-- modules returning nothing or false
package.path = "./mods/?.lua-chunk;./mods/?/init.lua-chunk"
package.cpath = "./mods/?.so"
print(require("nothing"), package.loaded.nothing, loaded_nothing)
print(require("nothing"), loaded_nothing)
print(require("false"), package.loaded["false"], loaded_false)
print(require("false"), loaded_false)
print(require("setsloaded"), package.loaded.setsloaded)
print(require("setsandreturns"), package.loaded.setsandreturns)
print(require("multi"))
print "OK"
