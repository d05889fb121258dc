-- Modules requiring each other: the cycle reads as `any`, no hang.
local b = require("cycle_b")
local A = {}
function A.twice(n: integer): integer return n * 2 end
function A.call_b(): integer return b.inc(1) end
return A
