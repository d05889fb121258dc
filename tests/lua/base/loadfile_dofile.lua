-- loadfile and dofile with files beside this script
local f, err = loadfile("chunks/ok.lua-chunk")
print(type(f), err)
print(f(1, 2))
print(dofile("chunks/ok.lua-chunk"))
print(loadfile("chunks/syntax_error.lua-chunk"))
print(pcall(dofile, "chunks/syntax_error.lua-chunk"))
print(pcall(dofile, "chunks/runtime_error.lua-chunk"))
-- a missing file
print(loadfile("chunks/no_such_file.lua"))
print(pcall(dofile, "chunks/no_such_file.lua"))
-- modes and env
print(loadfile("chunks/ok.lua-chunk", "b"))
local env = { tostring = tostring, select = select }
local g = loadfile("chunks/uses_env.lua-chunk", "t", env)
print(g(), env.result)
-- a shebang line is skipped by loadfile
print(dofile("chunks/shebang.lua-chunk"))
-- with no name, loadfile and dofile read standard input (empty here)
local h = loadfile()
print(type(h), select("#", h()))
print(select("#", dofile()))
print "OK"
