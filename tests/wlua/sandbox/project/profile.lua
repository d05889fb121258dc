-- wlua.toml beside the script denies io, os.execute, sql and http_client.
local function fails(pattern, f, ...)
  local ok, err = pcall(f, ...)
  assert(not ok, "expected an error matching " .. pattern)
  assert(tostring(err):find(pattern, 1, true), "got: " .. tostring(err))
end
fails("module 'sql' is denied by the sandbox (wlua.toml)", require, "sql")
fails("module 'http_client' is denied by the sandbox (wlua.toml)", require, "http_client")
fails("module 'io' is denied by the sandbox (wlua.toml)", require, "io")
fails("'io.open' is denied by the sandbox (wlua.toml)", function() return io.open("f") end)
fails("'os.execute' is denied by the sandbox (wlua.toml)", os.execute)
-- what is not listed is untouched
assert(require("time").sleep ~= nil)
assert(os.clock() >= 0 and string.rep("a", 2) == "aa")
print "OK"
