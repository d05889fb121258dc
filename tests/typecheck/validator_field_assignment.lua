-- expect: error 3: field 'age': -4 is less than @min(0)
local o: {age?: integer @min(0)} = {age = 3}
o.age = -4
print(o.age)
