-- 'break' outside a loop and other misplaced statements
local function try(src)
  local f, err = load(src)
  print(err or "ok")
end

try "break"
try "do break end"
try "if true then break end"
try "function f() break end"
try "while true do local function g() break end end"
try "while true do break end"
try "repeat break until false"
try "for i = 1, 2 do if i then break end end"
try "for k in next, {} do break end"
try "while false do do break end end"
try "return break"
try "break x"
print "OK"
