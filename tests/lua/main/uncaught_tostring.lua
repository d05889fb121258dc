-- an error object with __tostring is shown through it
local E = setmetatable({ msg = "custom error object" }, { __tostring = function(e) return "E: " .. e.msg end })
error(E)
