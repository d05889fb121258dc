-- string.gsub with a function replacement
print(("hello world"):gsub("%w+", string.upper))
print(("hello world"):gsub("(%w)(%w*)", function(a, b) return a:upper() .. b end))
print(("abc"):gsub(".", function(c) return c:byte() end))
print(("abc"):gsub(".", function(c) return nil end))
print(("abc"):gsub(".", function(c) return false end))
print(("abc"):gsub(".", function(c) if c == "b" then return "B" end end))
print(("abc"):gsub("()", function(p) return "[" .. p .. "]" end))
print(("x=1 y=2"):gsub("(%w+)=(%w+)", function(k, v) return v .. "=" .. k end))
print(("abc"):gsub("b", function(...) return select("#", ...) end))
print(("abc"):gsub("(a)(b)(c)", function(...) return select("#", ...) end))
print(("abc"):gsub(".", function(c) return 2.5 end))
local n = 0
print(("aaaa"):gsub("a", function() n = n + 1; return n end), n)
print(pcall(string.gsub, "abc", "b", function() return {} end))
print(pcall(string.gsub, "abc", "b", function() return true end))
print(pcall(string.gsub, "abc", "b", function() error("inside") end))
local ok, err = pcall(string.gsub, "abc", "b", function() error({}) end)
print(ok, type(err))
-- the function can itself use string functions
print(("a,b;c"):gsub("[^,;]+", function(w) return (w:rep(2):gsub(".", "%0.")) end))
print "OK"
