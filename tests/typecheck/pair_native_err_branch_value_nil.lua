-- expect: error 6: return value: expected io.File, got nil
-- io.open's message set: the file is nil.
local function open(path: string): io.File
  local f, msg = io.open(path)
  if msg then
    return f
  end
  return f
end
print(open)
