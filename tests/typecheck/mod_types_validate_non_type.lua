-- expect: error 2: argument #1 of 'types.validate': expected types.Type, got string
print(types.validate("string", "x"))
