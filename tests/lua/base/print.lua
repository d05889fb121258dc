-- print writes tostring of each argument separated by tabs
print()
print(nil)
print(1, 2.0, "three", true, false, nil)
print("a", "", "b")
print("embedded\ttab", "and\nnewline")
print(1e100, -0.0, 2^63, math.mininteger)
print(("x"):rep(3, "|"))
-- print calls the global tostring
local real = tostring
tostring = function(v) return "<" .. real(v) .. ">" end
print(1, "s", nil)
tostring = function() return {} end
local ok, err = pcall(print, "x")
tostring = function() return nil end
local ok2, err2 = pcall(print, "x")
tostring = real
print(ok, err)
print(ok2, err2)
-- io.write does not add separators or newlines, and writes numbers directly
io.write(1, " ", 2.5, " ", "str", "\n")
io.write()
io.write("", "\n")
print(select("#", print()))
print "OK"
