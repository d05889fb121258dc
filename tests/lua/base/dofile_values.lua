-- dofile returns every value of the chunk and propagates its errors
print(dofile("chunks/multi.lua-chunk"))
print(select("#", dofile("chunks/multi.lua-chunk")))
local ok, err = pcall(dofile, "chunks/runtime_error.lua-chunk")
print(ok, err)
-- a file is compiled again on each dofile
counter_from_chunk = 0
dofile("chunks/increment.lua-chunk")
dofile("chunks/increment.lua-chunk")
print(counter_from_chunk)
-- loadfile with an env table for the chunk
local env = { counter_from_chunk = 100 }
loadfile("chunks/increment.lua-chunk", "t", env)()
print(env.counter_from_chunk, counter_from_chunk)
print "OK"
