-- line/call/return/count hooks over loops, goto, tail calls and C calls
local function collect(f, mask, count)
  local ev = {}
  debug.sethook(function(e, l)
    local i = debug.getinfo(2, "nS")
    ev[#ev + 1] = e:sub(1, 1) .. (l or "") .. (e ~= "line" and e ~= "count" and ("(" .. tostring(i.name) .. ")") or "")
  end, mask, count)
  f()
  debug.sethook()
  return table.concat(ev, " ")
end
local function body()
  local t = {}
  for i = 1, 3 do
    if i % 2 == 0 then t[#t + 1] = i else
      t[#t + 1] = -i
    end
  end
  local n = 0
  repeat n = n + 1 until n >= 2
  while n > 0 do n = n - 1 end
  local s = table.concat(t, ",")
  goto skip
  s = nil
  ::skip::
  return s
end
print(collect(body, "l"))
print(collect(body, "cr"))
print(collect(function() return body() end, "crl"))
print(collect(function() local a = 1; local b = 2; local c = a + b end, "l"))
local ok = pcall(collect, function() error("x") end, "cr")
print(ok)
debug.sethook()
print "OK"
