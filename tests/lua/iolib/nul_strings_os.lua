-- os functions see strings only up to the first NUL, as C does
print(os.getenv("PATH\0junk") == os.getenv("PATH"))
print(os.execute("exit 4\0 ignored"))
print(os.date("!%Y\0%m", 0) == "1970\0" .. "01")
local a, b, c = os.remove("")
print(a, b, c)
a, b, c = os.rename("", "x")
print(a, b, c)
print "OK"
