-- expect: ok
type Box<T> = {value: T}
local function f(v: unknown): any
  if Box:is(v) then
    local b: {value: any} = v
    return b.value
  end
  return nil
end
print(f({value = 1}))
