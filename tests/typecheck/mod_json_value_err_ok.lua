-- expect: ok
local json = require("json")
local function parse(text: string): any
  local v, err = json.decode(text)
  if err then
    local e: errors.Error = err
    print(e:message(), e:kind())
    return nil
  end
  return v
end
local text, eerr = json.encode({items = {1, 2}}, {pretty = true})
if text then print(parse(text)) else print(eerr) end
print(json.null, json.validate({type = "integer"}, 3))
