-- os.exit(false) exits with EXIT_FAILURE; pending output is flushed
io.write("partial")
io.stderr:write("on stderr\n")
os.exit(false)
