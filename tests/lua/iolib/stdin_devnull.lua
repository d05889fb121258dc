-- stdin is /dev/null: every read format reports EOF
print(io.read("n", "l"))
print(io.read("L"), io.read(5), io.read(0))
print(string.format("%q", io.read("a")))
local n = 0
for l in io.lines() do n = n + 1 end
print(n)
for l in io.stdin:lines("n") do n = n + 1 end
print(n, io.type(io.stdin))
print(io.stdin:seek("end"))
print "OK"
