-- expect: error 3: argument #1 of 'f:seek': expected "set" | "cur" | "end" | nil, got "begin"
local f = assert(io.open("/tmp/wlua-fixture.txt"))
print(f:seek("begin", 0))
