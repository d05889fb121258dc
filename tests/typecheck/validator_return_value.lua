-- expect: error 3: return value: -0.5 is less than @min(0)
local function ratio(): number @min(0)
  return -0.5
end
print(ratio())
