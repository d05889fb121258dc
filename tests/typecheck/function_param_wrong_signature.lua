-- expect: error 5: argument #1 of 'apply': expected (integer) -> integer, got (string) -> string
local function apply(f: (integer) -> integer, x: integer): integer
  return f(x)
end
print(apply(function(s: string): string return s end, 4))
