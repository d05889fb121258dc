-- errors at end of input name the opening line
local function try(src)
  local f, err = load(src)
  print(err or "ok")
end

try "do"
try "do x = 1"
try "function f()"
try "function f()\n\n  return 1\n"
try "if x then\n y = 1\nelse"
try "if x then\nelseif y then\n"
try "while x do\n\n"
try "for i = 1, 2 do"
try "for k in pairs(t) do"
try "repeat\n\n"
try "local f = function()\n x = 1"
try "x = {\n1,\n2,"
try "x = f(\n1,\n2"
try "x = (\n1"
try "do\n do\n end"
try "function a()\n function b()\n end"
try "do end end"
try "x = 1 end"
try "return 1 end"
try "return; x = 1"
try "break"
try "if x then else else end"
print "OK"
