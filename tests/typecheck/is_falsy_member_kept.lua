-- expect: error 5: local 's': expected string, got boolean | string
-- types.boolean:is(false) returns false, nil: the condition fails for false.
local function text(v: boolean | string): string
  if not types.boolean:is(v) then
    local s: string = v
    return s
  end
  return "flag"
end
print(text("a"))
