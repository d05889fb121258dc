-- expect: error 2: field 'b': -1 is less than @min(0)
local stock: {[string]: integer @min(0)} = {a = 1, b = -1}
print(stock.a)
