-- expect: ok
type Named = {name: string}
local function greet(n: Named): string
  return "hi " .. n.name
end
print(greet({name = "a", extra = 1}))
