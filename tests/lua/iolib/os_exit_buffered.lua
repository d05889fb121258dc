-- buffered standard output is flushed by os.exit, in order with stderr kept apart
io.stdout:setvbuf("full")
io.write("first\n")
io.stderr:write("error text\n")
io.write("second")
os.exit(2)
