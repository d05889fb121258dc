-- expect: error 3: missing argument #2 to 'errors.wrap': expected string | number
local err = errors.new("root")
return nil, errors.wrap(err)
