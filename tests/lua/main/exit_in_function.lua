-- os.exit deep in the call stack
local function deep(n) if n == 0 then os.exit(5) end return deep(n - 1) + 1 end
print("going deep")
deep(100)
