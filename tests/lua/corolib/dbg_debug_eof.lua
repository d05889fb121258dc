-- debug.debug with stdin at end of file: one prompt on stderr, then it returns
print("before")
print(select("#", debug.debug()))
print("after")
print "OK"
