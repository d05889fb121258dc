local function a(x: number?): number
  if x then return x end
  return 0
end
local function b(x: number?): number
  if x ~= nil then return x end
  return 0
end
local function c(x: number?): number
  if x == nil then return 0 end
  return x
end
local function d(x: number?): number
  if not x then error("missing") end
  return x
end
local function e(x: number?): number
  assert(x, "x required")
  return x
end
local function f(x: number | string): integer
  if type(x) == "string" then
    return #x
  elseif type(x) == "number" then
    return math.floor(x)
  end
  return x                      -- unreachable: both types returned above
end
local function g(x: number | string): number
  if type(x) == "number" then return x end
  return x                      --! E0004 return value: expected number, got string
end
local function h(x: number?): number
  if x then
    x = nil
  end
  return x                      --! E0004 return value: expected number, got nil
end
local function u(v: unknown): integer
  local bad: string = v         --! E0001 expected string, got unknown
  if type(v) == "string" then
    return #v
  end
  return 0
end
