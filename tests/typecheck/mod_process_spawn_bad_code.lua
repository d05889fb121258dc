-- expect: error 2: argument #1 of 'process.spawn': expected string | function, got boolean
local pid, err = process.spawn(true, nil)
print(pid, err)
