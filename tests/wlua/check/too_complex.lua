-- `wlua check`: a type that never ends is reported where it is declared (E0011),
-- not accepted for every value, and the check exits 1.
-- args: check
-- expect-status: 1
-- expect-stdout: too_complex.lua:8:1: error[E0011]: type 'U' is defined through itself with no table or function type in between
-- expect-stdout: too_complex.lua:11:14: error[E0001]: local 'x': expected T, got "zz"
-- A union of 20 literals declared by an alias prints by its name.
type U = U | string
local u: U = 1
type T = "a0" | "a1" | "a2" | "a3" | "a4" | "a5" | "a6" | "a7" | "a8" | "a9" | "b0" | "b1" | "b2" | "b3" | "b4" | "b5" | "b6" | "b7" | "b8" | "b9"
local x: T = "zz"
print(u, x)
