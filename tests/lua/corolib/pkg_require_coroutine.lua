-- require inside a coroutine; a module body that yields
package.path = "./mods/?.lua-chunk;./mods/?/init.lua-chunk"
package.cpath = "./mods/?.so"
local co = coroutine.wrap(function() return require("simple").name end)
print(co())
local co2 = coroutine.create(function() return require("yielding") end)
print(coroutine.resume(co2))
print(coroutine.status(co2))
print(package.loaded.yielding)
print "OK"
