-- os.exit(true) exits with EXIT_SUCCESS even after output
print("before exit")
os.exit(true)
error("not reached")
