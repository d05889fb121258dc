-- identifiers, keywords and their errors
local _ = 1
local _x, x_, _X1, aBc, A1b2 = 1, 2, 3, 4, 5
print(_x + x_ + _X1 + aBc + A1b2)
local t = {}
t["end"] = 1; t["and"] = 2; t["nil"] = 3
print(t["end"], t["and"], t["nil"])
-- keywords cannot be names
local keywords = {
  "and", "break", "do", "else", "elseif", "end", "false", "for", "function",
  "goto", "if", "in", "local", "nil", "not", "or", "repeat", "return",
  "then", "true", "until", "while",
}
for _, k in ipairs(keywords) do
  local f, err = load("local " .. k .. " = 1")
  print(k, f, err)
end
-- names are case sensitive; And and AND are names
local And, AND, End = 1, 2, 3
print(And, AND, End)
-- goto is a keyword in 5.3
print(load("goto = 1"))
print "OK"
