-- more yielding metamethods: __le through __lt, ~= via __eq, SELF, __call through pcall, concat chains
local Y = coroutine.yield
local mt = {
  __lt = function(a, b) return Y("lt") end,
  __eq = function(a, b) return Y("eq") end,
  __index = function(t, k) return function(self, x) return Y("method " .. k) .. x end end,
  __call = function(self, a) return Y("call") + a end,
  __concat = function(a, b)
    local l = type(a) == "table" and "T" or a
    local r = type(b) == "table" and "T" or b
    return Y(l .. "|" .. r)
  end,
  __mod = function(a, b) return Y("mod") end,
  __idiv = function(a, b) return Y("idiv") end,
  __band = function(a, b) return Y("band") end,
  __shl = function(a, b) return Y("shl") end,
  __bnot = function(a) return Y("bnot") end,
}
local a, b = setmetatable({}, mt), setmetatable({}, mt)
local co = coroutine.wrap(function()
  local r = {}
  r[#r + 1] = tostring(a <= b)
  r[#r + 1] = tostring(a ~= b)
  r[#r + 1] = a:greet("!")
  r[#r + 1] = tostring(select(2, pcall(a, 1)))
  r[#r + 1] = "x" .. a .. "y" .. b .. "z"
  r[#r + 1] = tostring(a % 1) .. tostring(a // 1) .. tostring(a & 1) .. tostring(a << 1) .. tostring(~a)
  return table.concat(r, " ; ")
end)
local v = co()
local answers = { lt = false, eq = true, ["method greet"] = "hi", call = 41 }
while true do
  print(v)
  if type(v) == "string" and v:find(" ; ") then break end
  local ans = answers[v]
  if ans == nil then ans = "<" .. v .. ">" end
  v = co(ans)
end
print "OK"
