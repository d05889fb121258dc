-- expect: ok
io.write("a", 1, "\n")
