-- expect: error 6: field 'd.v': expected integer, got string
-- A name declared earlier in the block is the earlier declaration.
type Dup = {v: integer}
type UsesDup = {d: Dup}
type Dup = {v: string}
local u: UsesDup = {d = {v = "s"}}
print(u)
