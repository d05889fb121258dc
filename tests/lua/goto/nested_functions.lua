-- gotos inside nested functions and closures created in goto loops
local function outer()
  local results = {}
  local function inner(n)
    local acc = 0
    local i = 0
    ::loop::
    i = i + 1
    if i > n then goto finish end
    acc = acc + i
    goto loop
    ::finish::
    return acc
  end
  for k = 1, 4 do results[k] = inner(k) end
  return table.concat(results, " ")
end
print(outer())
-- a label in an enclosing function is not visible from a nested one
print(load("::top:: local function f() goto top end"))
-- the same label name in nested functions is fine
print(load("::x:: local function f() ::x:: goto x end goto x") ~= nil)
print "OK"
