-- custom searchers
package.path = "./mods/?.lua-chunk;./mods/?/init.lua-chunk"
package.cpath = "./mods/?.so"
print(type(package.searchers), #package.searchers)
for i, s in ipairs(package.searchers) do print(i, type(s)) end
table.insert(package.searchers, 1, function(name)
  if name:match("^virt%.") then
    return function(n, extra) return "virtual " .. n .. " " .. tostring(extra) end, "xtra"
  end
  return "\n\tno virtual module '" .. name .. "'"
end)
print(require("virt.one"))
print(require("simple").name)
local ok, e = pcall(require, "nowhere")
print(e)
table.insert(package.searchers, 1, function(name) return nil end)
table.insert(package.searchers, 1, function(name) return 42 end)
ok, e = pcall(require, "nowhere2")
print(e)
package.searchers = nil
print(pcall(require, "zzz"))
print "OK"
