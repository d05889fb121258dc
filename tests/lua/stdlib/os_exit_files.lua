-- os.exit flushes files left open (C's exit); checked through a child interpreter
local name = os.tmpname()
local interp = arg[-1]
local code = "local f = io.open('" .. name .. "', 'w') f:write('left open') io.write('child out ') os.exit(5)"
print(os.execute(interp .. " -e \"" .. code .. "\""))
local f = io.open(name)
print(f:read("a"))
f:close()
code = "local f = io.open('" .. name .. "', 'w') f:setvbuf('full') f:write('closed by gc') os.exit(0, true)"
print(os.execute(interp .. " -e \"" .. code .. "\""))
f = io.open(name)
print(f:read("a"))
f:close()
os.remove(name)
