-- expect: ok
-- G:of(A) instantiates a generic alias, as Box<integer> in a type.
type Box<T> = {value: T}
local IntBox = Box:of(Integer)
local function unbox(v: unknown): integer
  if IntBox:is(v) then
    local b: Box<integer> = v
    return b.value
  end
  if Box:of(types.string):is(v) then
    local s: {value: string} = v
    return #s.value
  end
  return 0
end
print(unbox({value = 1}))
