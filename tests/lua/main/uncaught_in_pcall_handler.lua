-- an error rethrown after pcall keeps its original message
local ok, err = pcall(function() local t = {} return t.x.y end)
print(ok)
error(err, 0)
