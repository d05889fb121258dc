-- os.exit with an integral float and with a bad argument
print(pcall(os.exit, 1.5))
print(pcall(os.exit, "x"))
io.stdout:write("buffered output is flushed\n")
os.exit(7.0)
