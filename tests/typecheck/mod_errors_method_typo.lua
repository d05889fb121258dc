-- expect: error 3: method 'mesage' does not exist on errors.Error
local err = errors.new({message = "bad input", kind = errors.INVALID})
print(err:mesage())
