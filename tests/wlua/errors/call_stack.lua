-- err:stack() and errors.call_stack: the traceback captured where an error is made.
local function here() return debug.getinfo(2, "l").currentline end

local line_new
local function inner()
  line_new = here() + 1
  return errors.new({message = "deep", kind = errors.INTERNAL})
end
local function outer() return (inner()) end
local line_outer = here() - 1
local line_main = here() + 1
local e = outer()

-- stack(): luaL_traceback text from the caller of errors.new
local st = e:stack()
assert(type(st) == "string")
assert(st:match("^stack traceback:\n"))
assert(st:find("call_stack.lua:" .. line_new .. ": in upvalue 'inner'", 1, true), st)
assert(st:find("in main chunk", 1, true))
assert(not st:find("errors.new", 1, true))  -- the native itself is not a level

-- call_stack(): the same frames as data
local cs = errors.call_stack(e)
assert(cs.thread == "main")
local f = cs.frames
assert(#f == 3, #f)
assert(f[1].source:match("call_stack%.lua$") and f[1].line == line_new and f[1].name == "inner")
assert(f[2].source == f[1].source and f[2].line == line_outer and f[2].name == "outer")
assert(f[3].line == line_main and f[3].name == "main chunk")
for _, fr in ipairs(f) do
  assert(math.type(fr.line) == "integer" and type(fr.name) == "string")
end
-- each call builds a new table
assert(errors.call_stack(e) ~= cs)

-- a wrapped error reports where the failure began
local line_wrap = here() + 1
local w = errors.wrap(e, "context")
assert(w:stack() == e:stack())
local wcs = errors.call_stack(w)
assert(wcs.frames[1].line == line_new and #wcs.frames == 3)
-- a wrapped string starts where it was wrapped
local ws = errors.wrap("text", "context")
assert(errors.call_stack(ws).frames[1].line == here() - 1)

-- a native caller shows as [C] with line -1
local ok, pe = pcall(errors.new, "via pcall")
local pf = errors.call_stack(pe).frames
assert(pf[1].source == "[C]" and pf[1].line == -1 and pf[1].name == "pcall")
assert(pf[2].name == "main chunk")

-- inside a coroutine the thread is "coroutine" and the frames are its own
local co = coroutine.create(function()
  local function made_in_co() return errors.new("co") end
  local e = made_in_co()  -- not a tail call, so the body stays a level
  return e
end)
local _, ce = coroutine.resume(co)
local ccs = errors.call_stack(ce)
assert(ccs.thread == "coroutine")
assert(ccs.frames[1].name == "made_in_co")
assert(ccs.frames[#ccs.frames].name:match("^function <"))
assert(#ccs.frames == 2)
assert(not ce:stack():find("main chunk", 1, true))
-- a tail call leaves a "(...tail calls...)" line, which is not a frame
local co2 = coroutine.create(function()
  local function tail_made() return errors.new("co") end
  return tail_made()
end)
local _, te = coroutine.resume(co2)
assert(te:stack():find("(...tail calls...)", 1, true))
local tf = errors.call_stack(te).frames
assert(#tf == 1 and tf[1].name:match("^function <"))

-- global functions and methods are named as the traceback names them
function global_maker() return errors.new("g") end
assert(errors.call_stack(global_maker()).frames[1].name == "global_maker")
local obj = {}
function obj:make() return errors.new("m") end
assert(errors.call_stack(obj:make()).frames[1].name == "make")

-- a deep stack is cut as luaL_traceback cuts it: 10 levels, "...", the last 11
local function deep(n) if n == 0 then return errors.new("deep") end; local r = deep(n - 1); return r end
local de = deep(40)
assert(de:stack():find("\n\t...\n", 1, true))
local df = errors.call_stack(de).frames
assert(#df == 20, #df)  -- 21 levels shown, less the host's [C] level
assert(df[1].name == "deep" and df[#df].name == "main chunk")

-- non-errors have no stack
assert(errors.call_stack(nil) == nil)
assert(errors.call_stack("text") == nil)
assert(errors.call_stack({}) == nil)
assert(select("#", errors.call_stack(nil)) == 1)
print "OK"
