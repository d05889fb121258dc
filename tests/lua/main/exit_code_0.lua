print("exit 0")
os.exit(0)
print("unreachable")
