-- expect: error 5: field 'box.value': expected integer, got string
-- A generic alias instantiated before its declaration.
type Wrapped = {box: Box<integer>}
type Box<T> = {value: T}
local w: Wrapped = {box = {value = "s"}}
print(w)
