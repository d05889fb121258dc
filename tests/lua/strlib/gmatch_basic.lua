-- string.gmatch: iteration, captures, empty matches
local function all(s, p)
  local t = {}
  for a, b in string.gmatch(s, p) do
    t[#t + 1] = b ~= nil and (tostring(a) .. "=" .. tostring(b)) or tostring(a)
  end
  print(p, #t, table.concat(t, "|"))
end
all("one two three", "%a+")
all("a=1, b=2, c=3", "(%w+)=(%w+)")
all("abc", "")
all("abc", ".")
all("abc", "()")
all("a,b,,c,", "([^,]*)")
all("a,b,,c,", "([^,]*),")
all("hello", "l*")
all("", "x*")
all("", "")
all("aaa", "a-")
all("x1y22z333", "%d+")
all("x1y22z333", "(%a)(%d+)")
all("key = value", "%s*")
all("<a><b>", "<(.-)>")
all("a.b.c", "[^.]+")
all("abcabc", "()b")
all("ab\0cd\0", "([^%z]+)")
-- the iterator keeps its position between calls
local it = ("1 2 3"):gmatch("%d")
print(it(), it(), it(), it(), it())
-- the string and pattern are captured at creation
local s, p = "aXbXc", "[^X]+"
local g = s:gmatch(p)
s, p = "zzz", "z"
print(g(), g(), g(), g())
-- the iterator ignores its arguments
local g2 = ("a b"):gmatch("%a")
print(g2("ignored", 99), g2())
print(pcall(string.gmatch))
print(pcall(string.gmatch, "x"))
print(type(string.gmatch("x", "x")))
print(string.gmatch(1234, "%d")())
print "OK"
