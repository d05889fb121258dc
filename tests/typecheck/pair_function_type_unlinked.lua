-- expect: error 6: local 's': expected string, got string?
-- A function type in an annotation has no body to prove the link.
local function run(f: (string) -> (string?, string?))
  local v, err = f("x")
  if err then return end
  local s: string = v
  print(s)
end
run(function(x: string): (string?, string?) return x, nil end)
