local a = require("cycle_a")
local B = {}
function B.inc(n: integer): integer return n + 1 end
B.inc("x")                            --! E0002 argument #1 of 'B.inc': expected integer, got string
print(a)
return B
