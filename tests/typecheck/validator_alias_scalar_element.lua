-- expect: error 3: element #2: 0 is less than @min(1)
type Pos = integer @min(1)
local ids: {Pos} = {1, 0}
print(#ids)
