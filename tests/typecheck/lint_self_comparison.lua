-- args: --rules
-- expect: warning 7: comparison of 'cfg.port' with itself
-- expect: warning 8: comparison of 'name' with itself
-- expect: warning 9: comparison of 'n' with itself
local cfg = {port = 80}
local name = "x"
if cfg.port == cfg.port then print("same") end
if name < name then print("never") end
local function f(n: integer): boolean return n ~= n end
print(f(1))
