-- expect: error 4: local 'n': expected number, got Box<integer>
type Box<T> = {value: T}
local b: Box<integer> = {value = 1}
local n: number = b
print(n)
