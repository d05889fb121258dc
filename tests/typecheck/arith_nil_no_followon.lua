-- expect: error 9: attempt to perform arithmetic on a nil value
-- expect: error 14: attempt to perform bitwise operation on a boolean value
-- Arithmetic that certainly fails is reported once; its result is not
-- then reported again where it is used (a return, a local, an argument).
type Cfg = {port: integer?}
local function f(cfg: Cfg): integer
  if cfg.port then
    cfg.port = nil
    return cfg.port + 1
  end
  return 0
end
local function g(b: boolean): integer
  local x: integer = ~b
  return x
end
return f, g
