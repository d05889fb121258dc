-- expect: error 2: argument #2 of 'io.stdout:write': expected string | number, got {}
io.stdout:write("a", {})
