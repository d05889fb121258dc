-- errors in finalizers run at exit are ignored by lua 5.3; finalizers run in reverse order
local first = setmetatable({}, { __gc = function() print("first finalizer runs"); error("finalizer error at exit") end })
local second = setmetatable({}, { __gc = function() print("second finalizer runs"); error("ignored too") end })
print("end")
