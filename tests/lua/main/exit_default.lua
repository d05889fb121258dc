print("exit with no argument")
os.exit()
