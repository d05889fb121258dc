-- the standard handles: reading stdin (/dev/null), writing stderr
print(io.stdin:read("l"), io.stdin:read("a"), io.stdin:read("n"), io.stdin:read(0))
print(io.read("a"), io.read("l"))
print(io.stderr:write("err line\n") == io.stderr)
print(io.stdout:seek() ~= false)
print(pcall(io.stdin.write, io.stdin, "x"))
print "OK"
