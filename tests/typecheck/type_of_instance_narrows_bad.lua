-- expect: error 5: return value: expected string, got integer
type Box<T> = {value: T}
local function unbox(v: unknown): string
  if Box:of(Integer):is(v) then
    return v.value
  end
  return ""
end
print(unbox({value = 1}))
