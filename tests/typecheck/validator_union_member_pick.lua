-- expect: error 6: local 'd': -3 is less than @min(1)
-- Each literal is judged by the member its type fits.
local a: integer @min(1) | string @min_len(1) = 5
local b: integer @min(1) | string @min_len(1) = "k"
local c: (integer @min(1))? = nil
local d: integer @min(1) | string @min_len(1) = -3
print(a, b, c, d)
