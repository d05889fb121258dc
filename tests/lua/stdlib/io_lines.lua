-- io.lines / file:lines: formats, closing at the end, errors
local function check(f)
  local ok, msg = pcall(f)
  print(ok, msg)
end
local name = os.tmpname()
local f = io.open(name, "w")
f:write("one\ntwo 2\n\nthree 3.5 x\nlast")
f:close()
for l in io.lines(name) do io.write("[", l, "]") end
print()
for l in io.lines(name, "L") do io.write("[", l, "]") end
print()
for a, b in io.lines(name, 1, "l") do io.write("<", a, "|", tostring(b), ">") end
print()
for c in io.lines(name, 4) do io.write(c, "|") end
print()
for w, n in io.lines(name, "l", "n") do io.write(w, "=", tostring(n), " ") end
print()
-- the iterator closes the file it opened at the end; calling again fails
local it = io.lines(name)
print(it(), it(), it(), it(), it())
print(it())
check(function() it() end)
-- file:lines does not close the file
f = io.open(name)
for l in f:lines() do end
print(io.type(f), f:read("a"), f:seek("set", 4))
for l in f:lines("l") do io.write(l, ";") end
print()
print(io.type(f))
f:close()
check(function() for l in f:lines() do end end)
-- an iterator over a file closed meanwhile
f = io.open(name)
local it2 = f:lines()
print(it2())
f:close()
check(function() it2() end)
-- errors
check(function() io.lines("/nonexistent/file") end)
check(function() io.lines({}) end)
check(function() for l in io.lines(name, "x") do end end)
check(function() for l in io.lines(name, 1.5) do end end)
check(function() for l in io.lines(name, {}) do end end)
local many = {}
for i = 1, 250 do many[i] = "l" end
print(select("#", io.lines(name, table.unpack(many))))
many[251] = "l"
check(function() io.lines(name, table.unpack(many)) end)
check(function() f:lines(table.unpack(many)) end)
-- io.lines() reads the default input (stdin: /dev/null here)
local n = 0
for l in io.lines() do n = n + 1 end
print(n)
os.remove(name)
print "OK"
