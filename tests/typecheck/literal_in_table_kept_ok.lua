-- expect: ok
type Opts = {mode: "fast" | "slow"}
local o: Opts = {mode = "fast"}
print(o.mode)
