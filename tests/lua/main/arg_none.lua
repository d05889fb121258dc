-- no script arguments
print(arg[0], #arg, arg[1], select("#", ...))
