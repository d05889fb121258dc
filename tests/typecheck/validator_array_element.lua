-- expect: error 2: element #3: 101 is greater than @max(100)
local pct: {number @min(0) @max(100)} = {10, 90, 101}
print(#pct)
