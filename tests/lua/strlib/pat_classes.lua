-- every pattern class and its complement, over all 256 byte values (C locale)
local function ranges(cls)
  local out, i = {}, 0
  while i <= 255 do
    if string.find(string.char(i), "^" .. cls .. "$") then
      local j = i
      while j + 1 <= 255 and string.find(string.char(j + 1), "^" .. cls .. "$") do j = j + 1 end
      out[#out + 1] = (i == j) and tostring(i) or (i .. "-" .. j)
      i = j + 1
    else
      i = i + 1
    end
  end
  return table.concat(out, ",")
end
for _, c in ipairs({"a", "c", "d", "g", "l", "p", "s", "u", "w", "x"}) do
  print("%" .. c, ranges("%" .. c))
  print("%" .. c:upper(), ranges("%" .. c:upper()))
end
print(".", ranges("."))
-- escaped non-alphanumerics stand for themselves
for _, c in ipairs({"%.", "%%", "%(", "%)", "%[", "%]", "%*", "%+", "%-", "%?", "%^", "%$"}) do
  print(c, ranges(c))
end
-- an escaped letter that is not a class is the letter itself
print("%z", ranges("%z"), "%q", ranges("%q"), "%i", ranges("%i"))
print "OK"
