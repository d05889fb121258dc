-- the child inherits the environment and the working directory
local p = io.popen("echo $HOME; echo $LC_ALL; pwd")
local home, lc, cwd = p:read("l", "l", "l")
p:close()
print(home, lc, cwd:match("[^/]+$"))
p = io.popen("env | sort | grep -v '^_=' | grep -v '^PWD=' | grep -v '^SHLVL='")
print(p:read("a"))
p:close()
print "OK"
