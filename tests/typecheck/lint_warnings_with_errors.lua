-- args: --rules
-- expect: warning 5: unused local 'spare'
-- expect: error 6: local 'n': expected integer, got string
-- Warnings and errors together: the check fails because of the error.
local spare = 1
local n: integer = "x"
print(n)
