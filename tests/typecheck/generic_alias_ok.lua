-- expect: ok
type Box<T> = {value: T}
local b: Box<integer> = {value = 1}
print(b.value)
