-- utf8.len returns nil and the first invalid byte position
local cases = {
  "abc\x80", "\x80abc", "ab\xC2", "ab\xC2x", "\xE2\x82\xAC\xE2\x82", "\xF0\x9F\x98", "\xF0\x9F\x98\x80",
  "\xC1\xBF", "\xC2\x80", "\xE0\x9F\xBF", "\xE0\xA0\x80", "\xF0\x8F\xBF\xBF", "\xF0\x90\x80\x80",
  "\xF4\x8F\xBF\xBF", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xFE", "\xFF\xFE", "x\xED\xA0\x80y",
  "\xC3\xA9\xC3", "a\0b\xC3\xA9\0",
}
for i, s in ipairs(cases) do
  local n, pos = utf8.len(s)
  print(i, n, pos)
end
for i, s in ipairs(cases) do
  local ok, err = pcall(utf8.codepoint, s, 1, -1)
  io.write(tostring(ok), " ")
end
print()
print "OK"
