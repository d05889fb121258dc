-- expect: error 2: local 'key': "" (length 0) is shorter than @min_len(1)
local key: integer @min(1) | string @min_len(1) = ""
print(key)
