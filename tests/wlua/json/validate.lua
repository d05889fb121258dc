-- json.validate / json.validate_string: a JSON Schema subset (type,
-- properties, required, minLength, maxLength, minimum, maximum, enum,
-- items, format = "email").
local json = require("json")

local schema = {
  type = "object",
  required = {"name", "items"},
  properties = {
    name = {type = "string", minLength = 2, maxLength = 5},
    email = {type = "string", format = "email"},
    kind = {enum = {"a", "b"}},
    age = {type = "integer", minimum = 0, maximum = 150},
    items = {type = "array", items = {type = "object", required = {"price"},
      properties = {price = {type = "number", minimum = 0}}}},
    tag = {type = {"string", "null"}},
  },
}

local function ok(v)
  local r, err = json.validate(schema, v)
  assert(r == true and err == nil, tostring(err))
end
local function bad(v, msg)
  local r, err = json.validate(schema, v)
  assert(r == false, "expected a failure: " .. msg)
  assert(errors.is(err, errors.INVALID), tostring(err))
  assert(err:message() == msg, "got: " .. err:message() .. "\nwant: " .. msg)
end

ok({name = "bob", items = {}})
ok({name = "bob", items = {{price = 1}, {price = 2.5}}, age = 3, kind = "a", email = "a@b.io", tag = json.null})
ok({name = "bob", items = {}, tag = "x"})
bad({items = {}}, "$.name: required property is missing")
bad({name = "b", items = {}}, "$.name: string shorter than minLength 2 (1 characters)")
bad({name = "bobbyy", items = {}}, "$.name: string longer than maxLength 5 (6 characters)")
bad({name = 5, items = {}}, "$.name: expected string, got integer")
bad({name = "bob", items = {}, age = 1.5}, "$.age: expected integer, got number")
bad({name = "bob", items = {}, age = -1}, "$.age: -1 is less than minimum 0")
bad({name = "bob", items = {}, age = 200}, "$.age: 200 is greater than maximum 150")
bad({name = "bob", items = {}, kind = "c"}, '$.kind: value "c" is not one of ["a","b"]')
bad({name = "bob", items = {}, email = "nope"}, "$.email: not a valid email address")
bad({name = "bob", items = {{price = 1}, {price = -2}}}, "$.items[2].price: -2 is less than minimum 0")
bad({name = "bob", items = {{}}}, "$.items[1].price: required property is missing")
bad({name = "bob", items = {}, tag = true}, "$.tag: expected string or null, got boolean")
bad("str", "$: expected object, got string")

-- schema as JSON text; validate_string parses the value
assert(json.validate('{"type":"number","maximum":3}', 2) == true)
local r, err = json.validate_string({type = "array", items = {type = "integer"}}, "[1,2,\"x\"]")
assert(r == false and err:message() == "$[3]: expected integer, got string", err:message())
assert(json.validate_string(schema, '{"name":"bob","items":[]}') == true)

-- a bad schema: nil, INVALID
r, err = json.validate({type = "nonsense"}, 1)
assert(r == nil and errors.is(err, errors.INVALID) and err:message() == 'schema $: invalid \'type\' "nonsense"', err:message())
r, err = json.validate({minLength = -1}, "x")
assert(r == nil and err:message() == "schema $: 'minLength' must be a non-negative integer")
r, err = json.validate("{not json", 1)
assert(r == nil and errors.is(err, errors.INVALID) and err:message():find("^invalid schema JSON: "))
r, err = json.validate(42, 1)
assert(r == nil and err:message() == "schema must be a table or a JSON string, got number")
-- invalid JSON text for validate_string: nil, INTERNAL (as decode)
r, err = json.validate_string(schema, "{")
assert(r == nil and errors.is(err, errors.INTERNAL) and err:message():find("line 1 column 1"), tostring(err))
-- a value that cannot be encoded: nil, INVALID naming the path
r, err = json.validate(schema, {name = print})
assert(r == nil and errors.is(err, errors.INVALID) and err:message() == "$.name: cannot encode a function")
print("OK")
