-- expect: error 3: 'Box' takes 1 type argument(s), got 2
type Box<T> = {value: T}
local B2 = Box:of(Integer, String)
print(B2)
