-- bad package.path / cpath values
package.path = 42
print(pcall(require, "simple"))
package.path = nil
print(pcall(require, "simple"))
package.path = "./mods/?.lua-chunk"
package.cpath = {}
print(pcall(require, "nonexistent"))
package.cpath = "./mods/?.so"
print(require("simple").name)
print "OK"
