-- an uncaught error from io gives exit 1 and the message on stderr
print("start")
local f = io.open(os.tmpname())
f:close()
f:read()
