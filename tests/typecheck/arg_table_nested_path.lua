-- expect: error 6: argument #1 of 'save': field 'items[2].quantity': expected integer, got string
type Item = {sku: string, quantity: integer}
local function save(o: {id: string, items: {Item}})
  print(o.id)
end
save({id = "o1", items = {{sku = "a", quantity = 1}, {sku = "b", quantity = "2"}}})
