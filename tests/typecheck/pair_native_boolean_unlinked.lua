-- expect: error 8: local 'b': expected boolean, got boolean?
-- json.validate fails with false, err: a native's boolean is not linked.
local json = require("json")
local function check(schema: table, v: any)
  local ok: boolean?, err: errors.Error? = json.validate(schema, v)
  if err then
    print(err:message())
    local b: boolean = ok
    print(b)
  end
end
check({type = "integer"}, 1)
