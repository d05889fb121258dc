-- args: --rules
-- expect: warning 5: assignment to global 'counter'
-- expect: warning 6: assignment to global 'helper'
local total = 0
counter = 0
function helper() return total end
local M = {}
function M.run() return helper() end
return M
