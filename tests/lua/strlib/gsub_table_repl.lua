-- string.gsub with a table replacement
local t = {name = "Lua", version = "5.3", yes = true, no = false, n = 42, f = 1.5}
print(("$name $version $missing"):gsub("%$(%w+)", t))
print(("$no and $yes"):gsub("%$(%w+)", {no = false}))
print(("$n/$f"):gsub("%$(%w+)", t))
print(("hello"):gsub(".", {h = "H", o = "0"}))
print(("abc"):gsub("%w", {a = 1, b = 2}))
print(("abc"):gsub("(a)(b)", {a = "first capture only"}))
print(("1 2 3"):gsub("%d", {["1"] = "one", ["3"] = "three"}))
print(("1 2 3"):gsub("%d", {[1] = "int key not used"}))
print(("abc"):gsub("()", {[1] = "P1", [3] = "P3"}))
local calls = {}
local proxy = setmetatable({}, {__index = function(_, k) calls[#calls + 1] = k; return k:upper() end})
print(("a-b-c"):gsub("%a", proxy), table.concat(calls, ","))
print(pcall(string.gsub, "abc", "b", {b = {}}))
print(pcall(string.gsub, "abc", "b", {b = true}))
print(pcall(string.gsub, "abc", "b", {b = print}))
print "OK"
