-- `wlua check --rules`: lint warnings in text form; warnings alone exit 0.
-- args: check --rules
-- expect-status: 0
-- expect-stdout: rules_warnings.lua:7:7: warning[W0004]: unused local 'spare'
-- expect-stdout: rules_warnings.lua:8:1: warning[W0002]: assignment to global 'total'
-- expect-stdout: │ local spare = 1
local spare = 1
total = 2
