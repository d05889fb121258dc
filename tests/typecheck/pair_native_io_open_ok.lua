-- expect: ok
-- Natives return nil, err on expected failures: io.open's results link.
local function open(path: string): io.File
  local f: io.File?, msg: string? = io.open(path)
  if msg then error(msg) end
  return f
end
print(open)
