type Shape = {kind: "circle", r: number} | {kind: "rect", w: number, h: number}

local function area(s: Shape): number
  if s.kind == "circle" then
    return math.pi * s.r * s.r
  end
  return s.w * s.h
end

local function perimeter(s: Shape): number
  if s.kind == "rect" then
    return 2 * (s.w + s.h)
  else
    return 2 * math.pi * s.r
  end
end

area({kind = "rect", w = 2, h = 3})
area({kind = "square", w = 2})                     --! E0002 argument #1 of 'area': field 'kind': "square" matches no member of Shape
area({kind = "circle", r = "big"})                 --! E0002 argument #1 of 'area': field 'r': expected number, got string
local n: integer = area({kind = "circle", r = 1})  --! E0001 local 'n': expected integer, got number
print(perimeter({kind = "circle", r = 1}))

type Result = {ok: true, value: integer} | {ok: false, err: string}
local function get(r: Result): integer
  if r.ok == true then return r.value end
  error(r.err)
end
get({ok = true, value = 1})
get({ok = false, err = 3})                         --! E0002 argument #1 of 'get': field 'err': expected string, got integer
