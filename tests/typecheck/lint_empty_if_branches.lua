-- args: --rules
-- expect: warning 6: empty if branch
-- expect: warning 8: empty elseif branch
-- expect: warning 12: empty else branch
local n = tonumber(arg and arg[1]) or 0
if n > 10 then
  -- nothing yet
elseif n > 5 then
else
  print(n)
end
if n > 1 then print(1) else end
