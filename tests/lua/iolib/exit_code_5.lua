-- os.exit with a number
io.write("before exit\n")
os.exit(5)
print "not reached"
