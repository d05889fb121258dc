-- expect: error 8: argument #1 of 'c:add': field 'n': expected integer, got string
local C = {}
C.__index = C
function C.new() return setmetatable({total = 0}, C) end
function C:add(x: {n: integer}) self.total = self.total + x.n end
local c = C.new()
c:add({n = 1})
c:add({n = "2"})
