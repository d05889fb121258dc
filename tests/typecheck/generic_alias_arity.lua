-- expect: error 3: type 'Box' takes 1 type argument(s), got 2
type Box<T> = {value: T}
local b: Box<integer, string> = {value = 1}
print(b)
