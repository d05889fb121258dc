-- expect: error 6: attempt to perform arithmetic on a value of type true?
local function maybe()
  if os.time() > 0 then return true end
end
local v = maybe()
print(v * 2)
