-- stdout and stderr are captured separately
io.stderr:write("to stderr first\n")
print("to stdout")
io.stderr:write("to stderr second\n")
error("final")
