-- expect: error 3: type 'E2' is defined through itself with no table or function type in between: no value can be checked against it, it is treated as 'any'
type E1 = E2
type E2 = E1
