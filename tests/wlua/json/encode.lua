-- json.encode: the mapping of Lua values to JSON text (spec/modules.md §5,
-- wlua-decisions.md: empty table -> [], sorted keys, json.null).
local json = require("json")
assert(package.loaded.json == json and require("json") == json)

local function enc(v, o)
  local s, err = json.encode(v, o)
  assert(err == nil, tostring(err))
  return s
end

-- scalars
assert(enc(nil) == "null")
assert(enc(json.null) == "null")
assert(enc(true) == "true" and enc(false) == "false")
assert(enc(0) == "0" and enc(-17) == "-17")
assert(enc(math.maxinteger) == "9223372036854775807")
assert(enc(math.mininteger) == "-9223372036854775808")
-- integers print without a point; floats in shortest form, keeping a point
assert(enc(99.5) == "99.5")
assert(enc(3.0) == "3.0", enc(3.0))
assert(enc(0.1) == "0.1")
assert(enc(-0.0) == "-0.0")
assert(enc(1e300) == "1e300", enc(1e300))
assert(enc(2^63) == "9.223372036854776e18", enc(2^63))

-- strings: escapes, UTF-8 kept as is
assert(enc("hi") == '"hi"')
assert(enc('a"b\\c') == '"a\\"b\\\\c"')
assert(enc("\n\r\t\b\f") == '"\\n\\r\\t\\b\\f"')
assert(enc("\0\1\31") == '"\\u0000\\u0001\\u001f"')
assert(enc("/") == '"/"')
assert(enc("héllo €") == '"héllo €"')

-- arrays and objects
assert(enc({}) == "[]", "empty table is an array")
assert(enc({1, 2, 3}) == "[1,2,3]")
assert(enc({"a", {true}, {}}) == '["a",[true],[]]')
assert(enc({b = 1, a = 2, c = {x = 1}}) == '{"a":2,"b":1,"c":{"x":1}}', "sorted keys")
assert(enc({["1"] = 1, ["10"] = 2, ["2"] = 3}) == '{"1":1,"10":2,"2":3}', "byte order")
assert(enc({1, json.null, 3}) == "[1,null,3]")
assert(enc({a = json.null}) == '{"a":null}')
assert(enc({["odd key"] = 1}) == '{"odd key":1}')

-- metatables are ignored: the raw contents are encoded
assert(enc(setmetatable({a = 1}, {__index = {b = 2}})) == '{"a":1}')

-- pretty printing
assert(enc({a = {1, 2}, b = {}}, {pretty = true}) == '{\n  "a": [\n    1,\n    2\n  ],\n  "b": []\n}')
assert(enc({a = 1}, {indent = 4}) == '{\n    "a": 1\n}')
assert(enc({1}, {indent = "\t"}) == '[\n\t1\n]')
assert(enc({1}, {pretty = false}) == "[1]")
assert(enc({x = 1}, {}) == '{"x":1}')

-- round trip of a nested document
local doc = {name = "wlua", tags = {"a", "b"}, n = 3, f = 2.5, ok = true, none = json.null,
  nested = {deep = {list = {1, 2, {k = "v"}}}}}
local back = json.decode(enc(doc))
assert(enc(back) == enc(doc), "round trip")
assert(enc(json.decode(enc(doc, {pretty = true}))) == enc(doc), "pretty round trip")

-- 128 levels is the limit
local t = {}
local c = t
for _ = 1, 127 do c[1] = {}; c = c[1] end
assert(#enc(t) == 256, "128 levels encode")

-- bad options: wrong type raises; bad values return an error
assert(not pcall(json.encode, {}, 5), "options must be a table")
local s, err = json.encode({}, {indent = true})
assert(s == nil and err:kind() == errors.INVALID)
assert(err:message() == "option 'indent' must be a number of spaces (0-16) or a string", err:message())
s, err = json.encode({}, {pretty = "yes"})
assert(s == nil and err:kind() == errors.INVALID and err:message() == "option 'pretty' must be a boolean")
print("OK")
