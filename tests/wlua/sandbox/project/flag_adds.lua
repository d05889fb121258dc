-- `--deny` adds to the project's list.
-- args: --deny utf8
local ok, err = pcall(function() return utf8.char(65) end)
assert(not ok and err:find("'utf8.char' is denied by the sandbox (--deny)", 1, true), err)
ok, err = pcall(require, "sql")
assert(not ok and err:find("(wlua.toml)", 1, true), err)
print "OK"
