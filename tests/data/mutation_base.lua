-- Mutation fodder for the tests that corrupt compiled code (stdlib's
-- dump.rs verifier test and tests/robustness.rs): most opcodes, nested
-- closures, upvalues, varargs, loops, a metamethod, every kind of constant.
local n = ...
local obj = {v = 1}
function obj:get(k, ...) return self.v + k, select('#', ...), ... end
local function va(...) local t = {...} return #t, ... end
local function tail(x) if x > 0 then return tail(x - 1) end return va(x, obj:get(2, 3)) end
local acc, s = {}, ""
for i = 1, n do
    acc[i] = function(y) n = n + y return n, i end
    s = s .. i .. "," .. tostring(i / 2)
end
for k, v in ipairs(acc) do
    local a, b = v(k)
    acc[k] = {a, b, a // 2, a % 3, a ^ 2, a & 1, a | 2, a ~ 3, a << 1, a >> 1, -a, ~a, not a, #s}
end
local t = {1, 2, 3, x = 1, [10] = 2, va(1, 2, 3)}
local c = (n < 3) and (n <= 4) or (n == 5) or (t ~= nil)
repeat n = n - 1 until n < 0
while n < 10 do n = n + 3 if n == 7 then break end end
goto done
::done::
for k, v in pairs(t) do s = s .. tostring(k) end
return tail(3), #t, c, s:upper(), nil, true, false, 1.5, -0.0, 1 << 62, "\0\255",
    setmetatable({}, {__index = function(_, k) return k end}).key
