-- expect: error 3: field 'next.value': expected integer, got string
type List = {value: integer, next: List?}
local l: List = {value = 1, next = {value = "two"}}
print(l)
