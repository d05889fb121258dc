-- error(nil) at top level
io.write("partial line without newline")
error(nil)
