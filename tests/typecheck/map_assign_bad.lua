-- expect: error 3: field 'x': expected integer?, got boolean
local ages: {[string]: integer} = {}
ages["x"] = true
print(ages)
