-- pipes as the default input/output; io.close returns the status triple
io.stdout:setvbuf("no")
local old_in, old_out = io.input(), io.output()
io.input(io.popen("printf '7 8\\nnext\\n'; exit 2"))
print(io.read("n", "n", "l", "l"))
print(io.close(io.input()))
io.input(old_in)
local p = io.popen("cat; exit 5", "w")
io.output(p)
io.write("via io.write\n")
print(io.close())
io.output(old_out)
print(io.type(p))
print "OK"
