-- expect: error 3: array element: -1 is less than @min(1)
local ids: {integer @min(1)} = {1, 2}
ids[3] = -1
print(#ids)
