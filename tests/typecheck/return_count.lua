-- expect: error 3: missing return value #2: expected string
local function f(): (integer, string)
  return 1
end
print(f())
