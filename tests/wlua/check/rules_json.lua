-- `wlua check --rules --format json`: warnings are objects with severity "warning".
-- args: check --rules --format json
-- expect-status: 0
-- expect-stdout: {"file":"rules_json.lua","line":5,"column":7,"end_line":5,"end_column":11,"severity":"warning","code":"W0004","message":"unused local 'left'"}
local left = 1
