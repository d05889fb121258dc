-- varargs with nils, large counts and adjustments
local function pack(...) return { n = select("#", ...), ... } end
local p = pack(nil, nil, nil)
print(p.n, #p == 0 or #p)
p = pack(1, nil)
print(p.n, p[1], p[2])
-- ... in the middle of a list is truncated to one value
local function mid(...) return ..., ... end
print(mid(1, 2, 3))
print(select("#", mid()))
-- ... as a table constructor's last item keeps trailing nils in the count
local function count_in_table(...) local t = { ... } return select("#", ...), #t end
print(count_in_table(1, 2, 3))
-- passing ... through several functions
local function a(...) return select("#", ...) end
local function b(...) return a(...) end
local function c(...) return b(..., nil) end
print(c(), c(1), c(nil, nil))
-- 250 values through ... (below the register limit)
local vals = {}
for i = 1, 250 do vals[i] = i end
local function last(...) return (select(select("#", ...), ...)) end
print(last(table.unpack(vals)))
-- the main chunk and load'ed chunks receive varargs
print(load("return select('#', ...), ...")(nil, "x"))
print "OK"
