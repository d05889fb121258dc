-- expect: ok
type Opts = {mode: "fast" | "slow"}
local function run(o: Opts) print(o.mode) end
local o = {mode = "fast"}
run(o)
