-- string.gsub: assorted behaviour
-- replacement values from tables and functions are not %-processed
print(("abc"):gsub("b", {b = "%1"}), ("abc"):gsub("b", function() return "%0" end))
-- escaping magic characters
local function escape(s) return (s:gsub("[%^%$%(%)%%%.%[%]%*%+%-%?]", "%%%0")) end
local magic = "^$()%.[]*+-?"
print(escape(magic), ("x" .. magic .. "y"):find(escape(magic)))
print(("a.b"):gsub(escape("."), "!"), ("a+b"):gsub(escape("+"), "!"))
-- gsub result is always a string, even for number subjects
print(math.type(string.gsub(123, "x", "y")), type(string.gsub(123, "x", "y")), string.gsub(1.5, "%.", ","))
-- replacement with embedded zeros
local r = ("a-b"):gsub("-", "\0")
print(#r, r:byte(2))
-- captures passed to the function in order, including position captures
print(("hello world"):gsub("()(%w+)()", function(s, w, e) return w .. "@" .. s .. "-" .. e end))
-- nested gsub
print(("a b c"):gsub("%a", function(c) return (("x"):gsub("x", c:upper())) end))
-- replacement %0 with an anchored pattern
print(("abc"):gsub("^(a)", "%0%0"))
-- pattern with only a position capture: the whole match is the position
print(("abc"):gsub("()b", "[%1]"), ("abc"):gsub("()b", "[%0]"))
-- gsub with a function replacement returning numbers
print(("1 2 3"):gsub("%d", function(d) return d * 2 end))
print(("1 2 3"):gsub("%d", function(d) return d / 2 end))
print "OK"
