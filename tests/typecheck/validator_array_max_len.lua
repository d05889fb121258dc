-- expect: error 3: argument #1 of 'pair': array of length 3 is longer than @max_len(2)
local function pair(xs: {integer} @max_len(2)): integer return #xs end
print(pair({1, 2, 3}))
print(pair({1, 2}))
