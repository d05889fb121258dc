-- expect: error 6: local 'e': expected Expr, got {l: {n: integer}, r: {l: {n: "2"}, r: {n: integer}}}
-- A union of records declared below it, each naming the union.
type Expr = Num | Add
type Num = {n: number}
type Add = {l: Expr, r: Expr}
local e: Expr = {l = {n = 1}, r = {l = {n = "2"}, r = {n = 3}}}
print(e)
