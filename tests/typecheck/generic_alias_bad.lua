-- expect: error 3: field 'value': expected integer, got string
type Box<T> = {value: T}
local b: Box<integer> = {value = "x"}
print(b)
