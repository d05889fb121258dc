-- A clean typed file: exit status 0 and no output.
-- args: check
local function add(a: integer, b: integer): integer return a + b end
local n: integer = add(1, 2)
print(n)
