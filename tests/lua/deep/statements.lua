-- many statements and many sequential blocks
local N = 100000
local f, err = load("local x = 0\n" .. ("x = x + 1\n"):rep(N) .. "return x")
print(f ~= nil, err, f and f())
f, err = load(("do local a = 1 end\n"):rep(30000) .. "return 'blocks'")
print(f ~= nil, err, f and f())
f, err = load("local t = {}\n" .. ("t[#t + 1] = #t\n"):rep(N) .. "return #t, t[#t]")
print(f ~= nil, err, f())
-- a long elseif chain
local parts = { "local x = ... if x == 0 then return 0" }
for i = 1, 10000 do parts[#parts + 1] = "elseif x == " .. i .. " then return " .. i * 2 end
parts[#parts + 1] = "else return -1 end"
f, err = load(table.concat(parts, " "))
print(f ~= nil, err, f(0), f(5000), f(10000), f(10001))
-- many local functions
parts = {}
for i = 1, 150 do parts[#parts + 1] = "local function f" .. i .. "() return " .. i .. " end" end
parts[#parts + 1] = "return f1() + f150()"
print(load(table.concat(parts, "\n"))())
print "OK"
