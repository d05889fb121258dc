-- expect: ok
-- Within a function body, and afresh each time it runs.
local function make(n: integer)
  type L = {r: R?, n: integer}
  type R = {l: L?}
  local l: L = {n = n, r = {l = {n = n + 1}}}
  return l
end
print(make(1))
