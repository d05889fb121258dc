-- os.exit() with no argument is success; stderr output is kept
io.stderr:write("to stderr\n")
print("to stdout")
os.exit()
