-- empty statements and optional separators
;;; local a = 1; local b = 2;;
print(a, b);
do ; end
while false do ; end
repeat ; until true
if a then ; elseif b then ; else ; end
for i = 1, 1 do ; end
local function f() ; return 1; end
print(f())
local function g() return end
print(g())
local function h() return; end
print(h())
print(select("#", g()), select("#", h()))
local t = { 1; 2, 3; }
print(#t, t[1], t[3])
local f2 = load(";;;")
print(type(f2), select("#", f2()))
print(load("return;;"))
print(load("local x = 1 ;; return x")())
print "OK"
