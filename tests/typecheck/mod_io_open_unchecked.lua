-- expect: error 2: local 'f': expected io.File, got io.File?
local f: io.File = io.open("/tmp/wlua-fixture.txt", "w")
f:write("x")
