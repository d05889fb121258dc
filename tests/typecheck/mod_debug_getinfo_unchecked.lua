-- expect: error 2: local 'info': expected debug.Info, got debug.Info?
local info: debug.Info = debug.getinfo(1, "Sl")
print(info.short_src)
