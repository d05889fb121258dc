-- expect: ok
local function size(v: string | number): integer
  if types.string:is(v) then
    return #v
  end
  return math.floor(v)
end
local function flag(v: unknown): boolean
  if types.boolean:is(v) then
    local b: boolean = v
    return b
  end
  return false
end
print(size("ab"), size(2.5), flag(true))
