-- os.exit(n): buffered output is flushed, the status is n
io.write("buffered without newline; ")
io.stdout:write("more")
os.exit(7)
print("not reached")
