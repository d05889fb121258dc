-- os.exit is not an error: pcall does not catch it
print(pcall(function() os.exit(7) end))
print("unreachable")
