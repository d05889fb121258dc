-- expect: error 4: argument #1 of 'mk': field 'v': expected integer, got string
local function mk(b: {v: integer}): integer return b.v end
local function use(r: {n: integer}) print(r.n) end
use({n = mk({v = "x"})})
