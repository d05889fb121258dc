-- nil and NaN cannot be keys; reading them is fine
local t = {}
print(t[nil], t[0/0])
print(pcall(function() t[nil] = 1 end))
print(pcall(function() t[0/0] = 1 end))
print(pcall(rawset, t, nil, 1))
print(pcall(rawset, t, 0/0, 1))
print(pcall(function() return { [nil] = 1 } end))
print(pcall(function() return { [0/0] = 1 } end))
print(pcall(function() local k; t[k] = 1 end))
-- assigning nil to a missing key is not an error for valid keys
t.x = nil
t[1] = nil
print(next(t))
-- other unusual keys are fine
t[true] = "T"
t[false] = "F"
t[print] = "fn"
t[t] = "self"
t[1/0] = "inf"
t[-1/0] = "-inf"
t[""] = "empty"
print(t[true], t[false], t[print], t[t], t[math.huge], t[-math.huge], t[""])
print "OK"
