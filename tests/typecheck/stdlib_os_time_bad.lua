-- expect: error 2: local 't': expected string, got integer
local t: string = os.time()
print(t)
