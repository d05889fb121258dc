-- expect: ok
package.path = package.path .. ";./lib/?.lua"
local path: string = package.path
package.preload["config"] = function() return {debug = true} end
local file, tried = package.searchpath("config", path)
print(file, tried, package.loaded["string"] ~= nil, package.config:sub(1, 1), #package.searchers)
