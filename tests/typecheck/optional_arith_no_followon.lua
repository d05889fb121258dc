-- expect: error 4: arithmetic on a value of type integer?: it may be nil
-- Using an optional in arithmetic is one error; the result is still an
-- integer, so the return is not reported as well.
local function f(x: integer?): integer return x + 1 end
return f
