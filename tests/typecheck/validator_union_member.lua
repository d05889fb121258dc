-- expect: error 2: local 'key': 0 is less than @min(1)
local key: integer @min(1) | string @min_len(1) = 0
print(key)
