-- cjson.decode + cjson.encode of the file in arg[1] under lua5.3.
local cjson = require("cjson")
local f = assert(io.open(arg[1], "rb")); local text = f:read("a"); f:close()
local runs = tonumber(arg[2]) or 5
local best_d, best_e = math.huge, math.huge
for _ = 1, runs do
  local t0 = os.clock()
  local v = cjson.decode(text)
  local t1 = os.clock()
  local s = cjson.encode(v)
  local t2 = os.clock()
  best_d = math.min(best_d, t1 - t0); best_e = math.min(best_e, t2 - t1)
  assert(#s > 0)
end
print(string.format("cjson  decode %.3f s (%.0f MB/s)  encode %.3f s (%.0f MB/s)",
  best_d, #text / best_d / 1e6, best_e, #text / best_e / 1e6))
