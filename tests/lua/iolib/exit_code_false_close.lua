-- os.exit(false, true) closes the state and exits 1
local t = setmetatable({}, {__gc = function() print("gc ran") end})
io.write("exiting\n")
os.exit(false, true)
