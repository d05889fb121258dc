-- An uncaught denial ends the program like any error.
-- expect-status: 1
-- expect-stderr: uncaught.lua:5: module 'sql' is denied by the sandbox (wlua.toml)
-- args: --deny debug
local sql = require("sql")
