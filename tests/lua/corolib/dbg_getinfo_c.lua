-- debug.getinfo on C functions
local i = debug.getinfo(print)
print(i.source, i.short_src, i.what)
print(i.linedefined, i.lastlinedefined, i.currentline)
print(i.nups, i.nparams, i.isvararg)
print(i.func == print, i.activelines)
local keys = {}
for k in pairs(debug.getinfo(print, "SlnutfL")) do keys[#keys + 1] = k end
table.sort(keys)
print(table.concat(keys, " "))
print(debug.getinfo(string.format, "S").what)
print(debug.getinfo(coroutine.wrap(function() end), "u").nups)
print "OK"
