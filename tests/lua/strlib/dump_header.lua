-- string.dump's header is lua5.3's, and load checks it as lundump.c does
-- (the binary-chunk block of the official suite's calls.lua, with prints)
local header = string.pack("c4BBc6BBBBBj",
  "\27Lua",                -- signature
  5*16 + 3,                -- version 5.3
  0,                       -- format
  "\x19\x93\r\n\x1a\n",    -- data
  string.packsize("i"),    -- sizeof(int)
  string.packsize("T"),    -- sizeof(size_t)
  4,                       -- size of instruction
  string.packsize("j"),    -- sizeof(lua integer)
  string.packsize("n"),    -- sizeof(lua number)
  0x5678                   -- LUAC_INT
)
local c = string.dump(function () local a = 1; local b = 3; return a+b*3 end)
print(#header, string.sub(c, 1, #header) == header)
-- LUAC_NUM follows as a lua_Number
local full = header .. string.pack("n", 370.5)
print(#full, string.sub(c, 1, #full) == full)
print(string.sub(string.dump(load("return"), true), 1, #full) == full)
print(assert(load(c))())

-- each header byte plus one: which check refuses it, and its message
local function with(s, i, b)
  return string.sub(s, 1, i - 1) .. string.char(b) .. string.sub(s, i + 1, -1)
end
for i = 1, #full do
  local s = with(c, i, string.byte(c, i) + 1)
  assert(#s == #c)
  local f, msg = load(s)
  print(i, f, string.format("%q", msg))
end

-- other values in each field
for _, i in ipairs({5, 6, 7, 12, 13, 14, 15, 16, 17, 18, 25, 26, 33}) do
  print(i, select(2, load(with(c, i, 0), "=zero")), select(2, load(with(c, i, 255), "=ff")))
end

-- the name in the message is lundump.c's: without '@' or '=', or "binary string"
local bad = with(c, 5, 0x52)
print(load(bad))
print(load(bad, "=stdin"))
print(load(bad, "@some/file.luac"))
print(load(bad, "plain name"))
print(load(bad, "\27 name"))
print(load(bad, ""))
print(load(bad, nil, "b"))
local pos = 0
print(load(function()
  if pos >= #bad then return nil end
  pos = pos + 3
  return string.sub(bad, pos - 2, pos)
end))

-- the header is checked only for binary chunks, and only under mode 'b'
print(load(bad, "=m", "t"))
print(load(c, "=m", "t"))
print(load(string.sub(c, 1, 1), "=m", "t"))
print(load("return 1", "=m", "b"))
print(load(bad, "=m", "b"))
print(load(c, "=m", "b")())
print(load(c .. "trailing bytes are not read", "=m")())

-- binary files through loadfile and dofile
local name = os.tmpname()
local fh = assert(io.open(name, "wb"))
fh:write(bad)
fh:close()
local f, msg = loadfile(name)
print(f, msg == name .. ": version mismatch in precompiled chunk")
print(pcall(dofile, name) == false)
fh = assert(io.open(name, "wb"))
fh:write(string.sub(c, 1, 20))
fh:close()
f, msg = loadfile(name)
print(f, msg == name .. ": truncated precompiled chunk")
os.remove(name)
print "OK"
