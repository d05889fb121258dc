-- os.getenv: the harness gives PATH, HOME and LC_ALL only
print(type(os.getenv("PATH")), os.getenv("HOME"), os.getenv("LC_ALL"))
print(os.getenv("WLUA_SURELY_MISSING_VAR"))
print(os.getenv("USER"), os.getenv(""))
print(pcall(os.getenv))
print(pcall(os.getenv, {}))
print(os.getenv(123))
print(select("#", os.getenv("NOPE")))
print "OK"
