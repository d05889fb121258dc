-- a module that fails is not cached; a later require tries again
package.path = "./mods/?.lua-chunk"
package.cpath = ""
print(pcall(require, "runtimeerr"))
print(package.loaded.runtimeerr)
print(pcall(require, "runtimeerr"))
-- a preload loader that fails once then succeeds
local tries = 0
package.preload.flaky = function()
  tries = tries + 1
  if tries == 1 then error("first try fails", 0) end
  return "ok after " .. tries
end
print(pcall(require, "flaky"))
print(pcall(require, "flaky"))
print(pcall(require, "flaky"))
print(tries)
print "OK"
