print("hello", 1, 2.5, {} ~= nil)
io.write("no newline")
