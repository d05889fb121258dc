-- expect: error 2: local 'v': expected string | integer, got number
local v: string | integer = 1.5
print(v)
