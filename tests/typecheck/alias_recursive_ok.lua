-- expect: ok
type List = {value: integer, next: List?}
local l: List = {value = 1, next = {value = 2}}
print(l.value)
