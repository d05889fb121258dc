-- which operand's metamethod runs, and with which argument order
local function tag(name)
  local mt = {}
  for _, ev in ipairs({ "__add", "__sub", "__mul", "__div", "__mod", "__pow", "__idiv", "__band", "__shl", "__concat" }) do
    mt[ev] = function(p, q)
      local function n(v) return type(v) == "table" and v.name or tostring(v) end
      return name .. ev .. "(" .. n(p) .. "," .. n(q) .. ")"
    end
  end
  return setmetatable({ name = name }, mt)
end
local A, B = tag("A"), tag("B")
print(A + B, B + A)
print(A - 1, 1 - A)
print(2 * B, B * 2)
print(A / "x", "x" / A)
print(A % B, A ^ B, A // B, A & B, A << B)
print(A .. B, "s" .. B, B .. "s", 1 .. A)
-- a table without metamethods and one with: the one with wins in either position
local none = { name = "none" }
print(none + A, A + none)
-- nil operand with a metamethod on the other side
print(pcall(function() return nil + A end))
print(pcall(function() return A + nil end))
print "OK"
