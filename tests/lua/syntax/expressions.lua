-- expression forms that stress the grammar
local function ev(src)
  local f, err = load("return " .. src)
  if not f then return "error: " .. err end
  return f()
end
local cases = {
  "1 + -2", "2^-3", "- - 1", "not not true", "not - 1 == 2", "-2 ^ 2",
  "- 2 ^ - 2", "2 ^ 3 ^ 2", "(2 ^ 3) ^ 2", "1 .. 2 .. 3", "#'ab' .. 'c'",
  "-#'abc'", "~ ~ 7", "~ - 1", "- ~ 1", "1 - - 1", "1 - -1",
  "{} ~= nil", "nil == false", "'a' < 'b' == true",
  "1 < 2 and 2 < 3", "1 or error('no')", "nil and error('no')",
  "(1)", "((((1))))", "({...})[1]", "#{...}",
  "function() end ~= nil", "(function(...) return ... end)(1, 2)",
  "('x'):rep(2)", "#{1, 2, nil}", "({n = 1}).n",
  "1 // 0.0", "-1 // 0.0", "0x10 + 0x.8", "1e1 // 3",
}
for _, c in ipairs(cases) do print(c, ev(c)) end
print "OK"
