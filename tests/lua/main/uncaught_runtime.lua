-- an uncaught runtime error names the variable
print("start")
local config = nil
print(config.port)
