-- a syntax error in the script itself: nothing runs
print("not printed")
local x = = 1
