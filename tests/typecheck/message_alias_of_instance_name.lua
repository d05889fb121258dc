-- expect: error 5: local 'n': expected number, got IntBox
type Box<T> = {value: T}
type IntBox = Box<integer>
local b: IntBox = {value = 1}
local n: number = b
print(n)
