-- expect: ok
local ok, err = pcall(function() error("x") end)
print(ok, err)
