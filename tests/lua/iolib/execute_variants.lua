-- os.execute status triples
io.stdout:setvbuf("no")
print(os.execute())
print(os.execute("true"))
print(os.execute("false"))
print(os.execute("exit 3"))
print(os.execute("exit 255"))
print(os.execute("kill -9 $$"))
print(os.execute("kill -15 $$"))
print(os.execute("echo from child"))
print(os.execute("nonexistent_command_wlua_test 2>/dev/null"))
print(os.execute(""))
print(pcall(os.execute, {}))
print "OK"
