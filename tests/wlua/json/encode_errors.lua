-- json.encode failures: nil, err (kind INTERNAL) whose message starts with
-- the path of the failing value. Never raises for a bad value.
local json = require("json")

local function fails(v, msg)
  local s, err = json.encode(v)
  assert(s == nil, "expected a failure for " .. msg)
  assert(errors.is(err, errors.INTERNAL), tostring(err))
  assert(err:message() == msg, "got: " .. err:message() .. "\nwant: " .. msg)
end

fails({items = {{price = 1}, {price = print}}}, "$.items[2].price: cannot encode a function")
fails(print, "$: cannot encode a function")
fails({co = coroutine.create(print)}, "$.co: cannot encode a thread")
fails({ch = channel.new(1)}, "$.ch: cannot encode a channel")
fails({e = errors.new("x")}, "$.e: cannot encode a error")
fails({["a b"] = {0/0}}, '$["a b"][1]: cannot encode NaN')
fails({1, 2, math.huge}, "$[3]: cannot encode inf")
fails({x = -math.huge}, "$.x: cannot encode -inf")
fails("\xff", "$: cannot encode a string that is not valid UTF-8")
fails({["\xff"] = 1}, "$[\"\\xff\"]: cannot encode a key that is not valid UTF-8")
fails({1, nil, 3}, "$: cannot encode a sparse array (2 elements, largest index 3)")
fails({[2] = "x"}, "$: cannot encode a sparse array (1 elements, largest index 2)")
fails({1, x = 2}, "$: cannot encode a table with both array and object keys")
fails({[true] = 1}, "$: cannot encode a table key of type boolean")
fails({[1.5] = 1}, "$: cannot encode a table key of type number (1.5)")
fails({[0] = 1}, "$: cannot encode a table key of type number (0)")
fails({[-1] = 1}, "$: cannot encode a table key of type number (-1)")

-- cycles
local t = {}
t.self = t
fails(t, "$.self: cannot encode a cyclic table")
local a, b = {}, {}
a.b = b; b.list = {a}
fails(a, "$.b.list[1]: cannot encode a cyclic table")
-- the same table twice (not a cycle) is fine
local shared = {1}
assert(json.encode({shared, shared}) == "[[1],[1]]")

-- nesting deeper than 128
local deep = {}
local c = deep
for _ = 1, 128 do c[1] = {}; c = c[1] end
local s, err = json.encode(deep)
assert(s == nil and errors.is(err, errors.INTERNAL))
assert(err:message():match(": cannot encode nesting deeper than 128$"), err:message())
assert(err:message():sub(1, 7) == "$[1][1]")
print("OK")
