type List = {value: integer, next: List?}
local l: List = {value = 1, next = {value = 2, next = nil}}
local bad: List = {value = 1, next = {value = "2"}}   --! E0001 field 'next.value': expected integer, got string
local x: Foo = 1                                      --! E0008 unknown type 'Foo'
type N = {a: number} & {b: string}
local nn: N = {a = 1, b = "x"}
local nb: N = {a = 1}                                 --! E0001 missing field 'b'
type Status = "pending" | "active"
local st: Status = "active"
local sx: Status = "gone"                             --! E0001 expected Status, got "gone"
type Order = {id: string, items: {{sku: string, quantity: integer}}}
local order: Order = {id = "o1", items = {{sku = "a", quantity = 1}, {sku = "b", quantity = "2"}}}  --! E0001 field 'items[2].quantity': expected integer, got string
