-- expect: ok
-- Once a type statement names a later type, the name is bound (nested
-- blocks see it), as the run time declares it ahead.
type P = {q: Q?}
do
  type Inner = {q: Q}
  local i: Inner = {q = {v = 1}}
  print(i)
end
type Q = {v: integer}
