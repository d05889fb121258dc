-- expect: ok
local now: integer = os.time()
local cpu: number = os.clock()
local home: string? = os.getenv("HOME")
local ok, err, code = os.execute()
print(now, cpu, home, ok, err, code, os.setlocale(), os.date("%Y"), os.difftime(now, now))
