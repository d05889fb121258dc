-- expect: ok
-- With the second result the falsy trap is gone: err is set only on failure.
local function text(v: boolean | string): string
  local _, err = types.boolean:is(v)
  if err then
    return v
  end
  return "flag"
end
print(text("a"))
