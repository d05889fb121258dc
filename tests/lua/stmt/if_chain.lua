-- if / elseif / else
local function classify(n)
  if n < 0 then
    return "negative"
  elseif n == 0 then
    return "zero"
  elseif n < 10 then
    return "small"
  elseif n < 100 then
    return "medium"
  else
    return "large"
  end
end
for _, n in ipairs({ -5, 0, 3, 42, 1000 }) do print(n, classify(n)) end
-- conditions are evaluated in order, once
local log = {}
local function cond(name, v) log[#log + 1] = name; return v end
if cond("a", false) then
elseif cond("b", nil) then
elseif cond("c", 0) then
  log[#log + 1] = "body-c"
elseif cond("d", true) then
end
print(table.concat(log, " "))
-- empty branches
if true then end
if false then else end
if nil then elseif false then else print("else taken") end
-- nested ifs
local function sign_parity(n)
  if n ~= 0 then
    if n % 2 == 0 then return "even" else return "odd" end
  end
  return "zero"
end
print(sign_parity(4), sign_parity(7), sign_parity(0), sign_parity(-3))
print "OK"
