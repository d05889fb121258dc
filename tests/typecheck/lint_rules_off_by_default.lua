-- expect: error 6: local 'n': expected integer, got string
-- Without --rules only type errors are reported.
local unused = 1
counter = 0
do end
local n: integer = "x"
print(n)
