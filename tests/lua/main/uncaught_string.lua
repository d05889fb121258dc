-- an uncaught error: message on stderr, exit status 1
print("before the error")
local function fail() error("boom") end
fail()
print("never printed")
