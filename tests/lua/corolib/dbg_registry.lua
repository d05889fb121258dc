-- debug.getregistry
local r = debug.getregistry()
print(type(r))
print(r == debug.getregistry())
print(type(r._LOADED), r._LOADED == package.loaded)
print(r[2] == _G)
print(type(r[1]))
print "OK"
