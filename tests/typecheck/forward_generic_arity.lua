-- expect: error 2: type 'Box' takes 1 type argument(s), got 2
type Wrapped = {box: Box<integer, string>}
type Box<T> = {value: T}
