-- expect: error 5: argument #1 of 'retry': 11 is greater than @max(10)
local function retry(times: integer @min(1) @max(10)): integer
  return times
end
print(retry(3), retry(11))
