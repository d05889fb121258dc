-- standard files cannot be closed; they keep working
print(io.stdout:close())
print(io.stdin:close())
print(io.type(io.stdout), io.type(io.stdin))
io.stdout:write("still open\n")
print(io.close())
io.write("after io.close()\n")
print "OK"
