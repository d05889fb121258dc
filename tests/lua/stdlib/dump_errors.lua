-- string.dump argument errors, load modes, and refused binary chunks
local function f(x) return x * 2 end
local s = string.dump(f)

print(pcall(string.dump))
print(pcall(string.dump, {}))
print(pcall(string.dump, "print"))
print(pcall(string.dump, print))
print(pcall(string.dump, coroutine.wrap(function() end)))
print(select(2, pcall(function() return string.dump(math.max) end)))
print(pcall(function() local x = string.dump() end))
print(pcall(function() local x = ("").dump(nil, true) end))

-- modes
print(load(s, "=bin", "t"))
print(load(s, "bin", "t"))
print(load("return 1", "=txt", "b"))
print(load(s, "=bin", "bt") ~= nil, load(s, "=bin", "b") ~= nil, load(s, "=bin") ~= nil)
print(load(s, nil, "b")(21))
print(pcall(load, s, "=bin", {}))

-- every proper prefix is a truncated chunk
local msgs = {}
for n = 1, #s - 1 do
  local g, e = load(s:sub(1, n))
  assert(g == nil)
  msgs[e] = (msgs[e] or 0) + 1
end
for e, n in pairs(msgs) do print(e, n == #s - 1) end
print(load(s:sub(1, 4), "=short"))
print(load(s:sub(1, 5), "@short.lua"))
print(load(s:sub(1, 2), "plain name"))

-- header fields checked as the reference checks them
print(load("\27Lux garbage"))
print(load("\27Lua\84 garbage", "=v"))
-- a chunk in the other implementation's format byte is refused
local other = s:sub(1, 5) .. (s:byte(6) == 0 and "W" or "\0") .. s:sub(7)
print(load(other))
print(load(other, "=named"))
-- a text chunk that merely contains ESC later is still text
print(load("return '\27Lua'")() == "\27Lua")

-- binary files: loadfile and dofile accept them, mode 't' refuses them
local name = os.tmpname()
local fh = assert(io.open(name, "wb"))
fh:write(string.dump(function(...) return select("#", ...), ... end))
fh:close()
print(loadfile(name)("a", "b"))
print(dofile(name))
local lf, err = loadfile(name, "t")
print(lf, err)
print(loadfile(name, "b") ~= nil)
os.remove(name)
print "OK"
