-- args: --rules
-- expect: warning 5: empty do block
local n = 1
print(n)
do end
do print(n) end
