-- expect: ok
local t: types.Type = types.integer
local v, err = t:is(3)
if err then print(err:message()) end
local handlers = {[types.string] = "text", [types.number] = "number"}
print(v, t:kind(), t:name(), handlers[types.string], types.is_type(t), types["nil"])
