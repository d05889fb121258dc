local function inc(x: number?): number
  return x + 1                  --! E0005 it may be nil
end
local function len(s: string?): integer
  return #s                     --! E0005 may be nil
end
local function call(f: (() -> ())?)
  f()                           --! E0005 cannot call 'f': it may be nil
end
local function field(c: {port: integer}?): integer
  return c.port                 --! E0005 cannot index a value of type {port: integer}?
end
local function ok(x: number?, s: string?): number
  if x and s then return x + #s end
  return 0
end
