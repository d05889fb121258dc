-- form feed, vertical tab and carriage return are whitespace in code
locala=	1local b = 2
print(a, b)
print(a+b)
-- no space needed between tokens of different kinds
local c=a+b;print(c)print(c..c)
local t={1,2,3}print(#t,t[1]..t[2])
if(a)then print("then")end
print"string-call"print[[long-call]]
print "OK"
