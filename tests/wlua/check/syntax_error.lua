-- Syntax errors keep the parser's wording on stderr, exit status 1.
-- args: check
-- expect-status: 1
-- expect-stderr: syntax_error.lua:6: unexpected symbol near '='
local x = 1
x = = 2
