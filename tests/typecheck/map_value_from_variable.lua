-- expect: error 3: local 'counts': map value: expected integer, got string
local labels: {[string]: string} = {a = "x"}
local counts: {[string]: integer} = labels
print(counts)
