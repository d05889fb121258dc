-- the arg table and the main chunk's varargs
print(arg[0], #arg, type(arg[-1]))
for i = 1, #arg do print(i, arg[i], type(arg[i])) end
print(select("#", ...), ...)
local a, b = ...
print(a, b)
print(arg[#arg + 1])
