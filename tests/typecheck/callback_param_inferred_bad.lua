-- expect: error 6: local 's': expected string, got integer
local function each(xs: {integer}, f: (integer) -> ())
  for _, x in ipairs(xs) do f(x) end
end
each({1}, function(x)
  local s: string = x
  print(s)
end)
