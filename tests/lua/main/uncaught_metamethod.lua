-- an uncaught error raised inside a metamethod
local strict = setmetatable({}, { __index = function(_, k) error("no field '" .. k .. "'", 2) end })
print("looking up")
local v = strict.missing
