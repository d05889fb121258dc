-- `wlua check --format json`: one object per diagnostic, exit status 1.
-- args: check --format json
-- expect-status: 1
-- expect-stdout: {"file":"json_errors.lua","line":7,"column":20,"end_line":7,"end_column":23,"severity":"error","code":"E0001","message":"local 'n': expected integer, got string"}
-- expect-stdout: {"file":"json_errors.lua","line":9,"column":3,"end_line":9,"end_column":4,"severity":"error","code":"E0002","message":"argument #1 of 'f': expected string, got integer"}
local function f(s: string): string return s end
local n: integer = "x"
print(n)
f(1)
