-- os.exit(status, true) closes the state first: finalizers run
setmetatable({}, {__gc = function() print("finalizer ran") end})
local keep = setmetatable({}, {__gc = function() io.write("second finalizer\n") end})
print("exiting")
os.exit(3, true)
