-- expect: ok
local function each(xs: {integer}, f: (integer) -> ())
  for _, x in ipairs(xs) do f(x) end
end
each({1}, function(x) print(x + 1) end)
