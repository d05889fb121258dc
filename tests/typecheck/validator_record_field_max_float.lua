-- expect: error 3: field 'years': 130.5 is greater than @max(130)
type Age = {years: number @min(0) @max(130)}
local a: Age = {years = 130.5}
print(a.years + 1)
