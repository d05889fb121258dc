-- malformed numerals are lexical errors
local cases = {
  "return 3x", "return 0x", "return 1e", "return 1e+", "return 0xg",
  "return 1.2.3", "return 08a", "return 3..2", "return 0x1p", "return 1..2",
  "return 0xep", "return .e1", "return 1e2e3", "return 0x.p1", "return 2_000",
}
for _, src in ipairs(cases) do
  local f, err = load(src)
  if f then print(src, "->", pcall(f)) else print(src, "->", err) end
end
-- a number followed directly by a name char is malformed, with a space it is fine
print(load("return 1 .. 2")())
print "OK"
