-- expect: error 2: local 'b': expected boolean, got nil
local b: boolean = nil
print(b)
