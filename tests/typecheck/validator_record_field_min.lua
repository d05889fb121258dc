-- expect: error 3: field 'years': -1 is less than @min(0)
type Age = {years: number @min(0) @max(130)}
local a: Age = {years = -1}
print(a.years)
