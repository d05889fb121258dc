-- floor division and modulo with every sign combination
local function show(a, b)
  local ok1, q = pcall(function() return a // b end)
  local ok2, r = pcall(function() return a % b end)
  print(a, b, ok1 and q or ("error: " .. q), ok1 and math.type(q) or "",
        ok2 and r or ("error: " .. r), ok2 and math.type(r) or "")
end
for _, a in ipairs({ 7, -7, 0 }) do
  for _, b in ipairs({ 3, -3 }) do show(a, b) end
end
for _, a in ipairs({ 7.0, -7.0, 7.5, -7.5, 0.0, -0.0 }) do
  for _, b in ipairs({ 3, -3, 2.5, -2.5 }) do show(a, b) end
end
-- division by zero
show(1, 0)
show(0, 0)
show(-1, 0)
show(1, 0.0)
show(-1, 0.0)
show(0, 0.0)
show(1.0, 0)
show(1, -0.0)
-- infinities
show(1, math.huge)
show(-1, math.huge)
show(1, -math.huge)
show(math.huge, 2)
show(-math.huge, 2)
-- the extremes
show(math.mininteger, -1)
show(math.maxinteger, -1)
show(math.mininteger, math.maxinteger)
show(math.maxinteger, math.mininteger)
show(5, math.mininteger)
show(-5, math.mininteger)
-- the identity a == (a // b) * b + a % b holds for integers
for a = -10, 10 do
  for _, b in ipairs({ -3, -2, 2, 3, 7 }) do
    assert(a == (a // b) * b + a % b)
    assert(a % b == 0 or (a % b > 0) == (b > 0))
  end
end
-- fmod-like float cases
print(5.3 % 2, -5.3 % 2, 5.3 % -2, 2^53 % 3, 1e308 % 3)
print(0.3 % 0.1, 1 % 0.1)
print "OK"
