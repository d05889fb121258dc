-- os.exit(true, true) runs finalizers and exits 0
local t = setmetatable({}, {__gc = function() print("finalizer") end})
os.exit(true, true)
