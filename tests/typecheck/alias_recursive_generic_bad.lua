-- expect: error 3: field 'next.next.value': expected integer, got string
type List<T> = {value: T, next: List<T>?}
local l: List<integer> = {value = 1, next = {value = 2, next = {value = "3"}}}
print(l)
