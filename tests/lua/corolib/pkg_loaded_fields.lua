-- package.loaded holds the standard libraries
local names = {}
-- (bit32 is left out: it depends on how the reference was built; errors, process
-- and channel are wlua's runtime modules)
local wlua_module = {errors = true, process = true, channel = true}
for k in pairs(package.loaded) do if k ~= "bit32" and not wlua_module[k] then names[#names + 1] = k end end
table.sort(names)
print(table.concat(names, " "))
print(package.loaded._G == _G, package.loaded.string == string, package.loaded.package == package)
print(require("string") == string, require("_G") == _G)
print(type(package.config), #package.config)
for line in package.config:gmatch("[^\n]+") do io.write("[", line, "]") end
print()
print(type(package.loadlib), type(package.searchpath))
print(package.loadlib("./mods/nolib.so", "luaopen_x"))
print(pcall(package.loadlib, "./mods/nolib.so"))
print "OK"
