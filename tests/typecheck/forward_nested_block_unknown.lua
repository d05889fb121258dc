-- expect: error 4: unknown type 'Outer'
-- A type statement in a nested block cannot name one declared later in
-- an enclosing block: the run time raises there.
do type Inner = {o: Outer} end
type Outer = {v: integer}
