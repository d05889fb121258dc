-- `wlua check`: `path:line:col: error[CODE]: message` and a code frame.
-- args: check
-- expect-status: 1
-- expect-stdout: text_errors.lua:7:20: error[E0001]: local 'n': expected integer, got string
-- expect-stdout: │ local n: integer = "x"
-- expect-stdout: │                    ^^^
local n: integer = "x"
