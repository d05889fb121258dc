io.write("exit 255, unflushed output is still written")
os.exit(255)
