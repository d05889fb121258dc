-- expect: error 9: local 'e': expected string, got string?
-- A falsy value may be `false`: it says nothing about the error.
local function check(x: integer): (boolean?, string?)
  if x < 0 then return nil, "negative" end
  return x > 10, nil
end
local ok, err = check(3)
if not ok then
  local e: string = err
  print(e)
end
