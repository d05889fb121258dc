-- lexical errors inside short strings
local cases = {
  [["abc]],
  "'abc\ndef'",
  [["\q"]],
  [["\x4"]],
  [["\xZZ"]],
  [["\x"]],
  [["\256"]],
  [["\999"]],
  [["\u{110000000}"]],
  [["\u{}"]],
  [["\u41"]],
  [["\u{41"]],
  [["\u{xyz}"]],
  [["\u{80000000}"]],
  "\"abc\\",
  "'\\z",
  [["a\c"]],
}
for _, src in ipairs(cases) do
  local f, err = load("return " .. src)
  print(f, err)
end
print "OK"
