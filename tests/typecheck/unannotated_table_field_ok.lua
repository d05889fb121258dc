-- expect: ok
local cfg = {port = 80}
cfg.host = "h"
print(cfg.port + 1, cfg.host)
