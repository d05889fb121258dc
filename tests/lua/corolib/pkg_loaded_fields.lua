-- package.loaded holds the standard libraries
local names = {}
for k in pairs(package.loaded) do names[#names + 1] = k end
table.sort(names)
print(table.concat(names, " "))
print(package.loaded._G == _G, package.loaded.string == string, package.loaded.package == package)
print(require("string") == string, require("_G") == _G)
print(type(package.config), #package.config)
for line in package.config:gmatch("[^\n]+") do io.write("[", line, "]") end
print()
print(type(package.loadlib), type(package.searchpath))
print "OK"
