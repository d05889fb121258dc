-- A denied global function raises when called.
-- args: --deny load --deny=dofile
local ok, err = pcall(load, "return 1")
assert(not ok and err:find("'load' is denied by the sandbox (--deny)", 1, true), err)
ok, err = pcall(dofile, "x.lua")
assert(not ok and err:find("'dofile' is denied by the sandbox (--deny)", 1, true), err)
assert(type(load) == "function")
assert(loadfile ~= nil and select("#", pcall(loadfile, "/nonexistent")) >= 1)
print "OK"
