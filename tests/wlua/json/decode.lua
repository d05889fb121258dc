-- json.decode: JSON text to Lua values; errors give line and column.
local json = require("json")

local v = json.decode('{"a":[1,2.0,null,"s"],"b":{"c":true,"d":false},"e":{},"f":[]}')
assert(v.a[1] == 1 and math.type(v.a[1]) == "integer")
assert(v.a[2] == 2 and math.type(v.a[2]) == "float", "2.0 stays a float")
assert(v.a[3] == json.null, "null decodes to json.null")
assert(#v.a == 4 and v.a[4] == "s")
assert(v.b.c == true and v.b.d == false)
assert(next(v.e) == nil and next(v.f) == nil)

-- numbers
assert(math.type(json.decode("12")) == "integer")
assert(math.type(json.decode("1e2")) == "float" and json.decode("1e2") == 100)
assert(json.decode("-0.5") == -0.5)
assert(json.decode("9223372036854775807") == math.maxinteger)
assert(json.decode("-9223372036854775808") == math.mininteger)
assert(math.type(json.decode("9223372036854775808")) == "float", "beyond i64: float")
assert(math.type(json.decode("100000000000000000000000")) == "float")
assert(json.decode("0.1") == 0.1)

-- strings and escapes
assert(json.decode('"a\\nb\\t\\"\\\\\\/"') == 'a\nb\t"\\/')
assert(json.decode('"\\u00e9\\u20ac"') == "é€")
assert(json.decode('"\\ud83d\\ude00"') == "😀", "surrogate pairs")
assert(json.decode('"héllo"') == "héllo")

-- scalars at the top level and whitespace
assert(json.decode("true") == true and json.decode(" false ") == false)
assert(json.decode("null") == json.null)
assert(json.decode('\n\t "x" \r\n') == "x")

-- keys stay strings; duplicate keys: the last wins
local o = json.decode('{"1":"a","2":"b","k":1,"k":2}')
assert(o["1"] == "a" and o[1] == nil and o.k == 2)

-- 128 levels decode, deeper fails (below)
local deep = json.decode(string.rep("[", 128) .. string.rep("]", 128))
assert(type(deep) == "table")

-- json.null is the same value everywhere and survives a message
assert(json.null == json.decode("null"))
assert(type(json.null) == "userdata")
print("OK")
