-- `--deny` denies libraries, library functions and modules; everything
-- else keeps Lua's behaviour.
-- args: --deny io,os.execute --deny debug --deny time
local function fails(pattern, f, ...)
  local ok, err = pcall(f, ...)
  assert(not ok, "expected an error matching " .. pattern)
  assert(tostring(err):find(pattern, 1, true), "got: " .. tostring(err))
end

-- a denied library: require fails, and so does any use of the global
fails("module 'io' is denied by the sandbox (--deny)", require, "io")
fails("'io.open' is denied by the sandbox (--deny)", function() return io.open("x") end)
fails("'io.write' is denied by the sandbox (--deny)", function() io.write = nil end)
assert(type(io) == "table", "the name stays")
assert(getmetatable(io) == "denied by the sandbox")
fails("'debug.traceback' is denied by the sandbox (--deny)", function() return debug.traceback() end)

-- a denied library function: the rest of the library works
fails("'os.execute' is denied by the sandbox (--deny)", os.execute, "true")
assert(math.type(os.time()) == "integer")
assert(os.getenv("PATH") ~= nil)
assert(require("os") == os and os.execute == package.loaded.os.execute)

-- a denied built-in module, and its submodules; other modules load
fails("module 'time' is denied by the sandbox (--deny)", require, "time")
fails("module 'time.x' is denied by the sandbox (--deny)", require, "time.x")
assert(require("string") == string)
assert(require("sql") == package.loaded.sql, "sql is not denied here")
local ok, err = pcall(require, "no_such_module")
assert(not ok and err:find("module 'no_such_module' not found", 1, true), "not denied: not found")

-- the error names the point of use
local ok2, err2 = pcall(function() return io.lines() end)
assert(err2:find("^deny_flag.lua:%d+: 'io.lines' is denied"), err2)

-- spawned processes follow the same profile
local inbox = process.inbox()
process.spawn(function(parent)
  local ok, err = pcall(function() return io.read() end)
  process.send(parent, "child", ok, err)
end, "app:sandbox", process.pid())
local m = inbox:receive()
local cok, cerr = m:payload():data()
assert(not cok and cerr:find("'io.read' is denied by the sandbox (--deny)", 1, true), cerr)
print "OK"
