-- expect: error 12: field 'value': 150.5 is greater than @max(150)
-- Bounds are inclusive; values the checker cannot read as constants
-- (1 - 2, a variable) are left to the run time.
type Reading = {sensor: string @min_len(1), value: number @min(-50) @max(150)}
local r1: Reading = {sensor = "t", value = -50}
local r2: Reading = {sensor = "t2", value = 150}
local d: number @min(0) = 1 - 2
local v = -7
local e: number @min(0) = v
local s: string @pattern("^a") = "abc"
print(r1, r2, d, e, s)
local r3: Reading = {sensor = "t3", value = 150.5}
print(r3)
