-- the subtype of every arithmetic result, for integer and float operands
local ops = {
  { "+", function(a, b) return a + b end }, { "-", function(a, b) return a - b end },
  { "*", function(a, b) return a * b end }, { "/", function(a, b) return a / b end },
  { "//", function(a, b) return a // b end }, { "%", function(a, b) return a % b end },
  { "^", function(a, b) return a ^ b end },
}
local operands = { { 7, 2 }, { 7.0, 2 }, { 7, 2.0 }, { 7.0, 2.0 }, { -7, 2 }, { 7, -2.0 } }
for _, op in ipairs(ops) do
  local row = {}
  for _, ab in ipairs(operands) do
    local r = op[2](ab[1], ab[2])
    row[#row + 1] = tostring(r) .. "(" .. math.type(r):sub(1, 1) .. ")"
  end
  print(op[1], table.concat(row, " "))
end
-- bitwise results are always integers
for _, ab in ipairs({ { 6, 3 }, { 6.0, 3 }, { "6", 3.0 } }) do
  local a, b = ab[1], ab[2]
  print(math.type(a & b), math.type(a | b), math.type(a ~ b), math.type(a << b), math.type(a >> b), math.type(~a))
end
-- unary minus keeps the subtype
print(math.type(-1), math.type(-1.0), math.type(-(2^63)), math.type(-math.mininteger))
print "OK"
