-- expect: error 3: method 'readline' does not exist on io.File
local f = assert(io.open("/tmp/wlua-fixture.txt"))
print(f:readline())
