-- expect: ok
-- A recursive generic alias: the nested reference takes the arguments.
type List<T> = {value: T, next: List<T>?}
local l: List<integer> = {value = 1, next = {value = 2, next = {value = 3}}}
local function sum(xs: List<integer>?): integer
  local total = 0
  while xs do
    total = total + xs.value
    xs = xs.next
  end
  return total
end
print(sum(l))
