-- expect: error 4: field 'items[2].quantity': expected integer, got string
type Item = {quantity: integer}
type Order = {items: {Item}}
local o: Order = {items = {{quantity = 1}, {quantity = "two"}}}
print(o)
