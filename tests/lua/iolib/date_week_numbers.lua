-- ISO week numbers and week-based years around New Year
for _, d in ipairs({"2004-12-31", "2005-01-01", "2005-01-02", "2005-01-03", "2008-12-29", "2009-12-31", "2010-01-03", "2010-01-04", "2020-12-31", "2021-01-01"}) do
  local y, m, dd = d:match("(%d+)-(%d+)-(%d+)")
  local t = os.time({year = tonumber(y), month = tonumber(m), day = tonumber(dd), hour = 12})
  -- os.time reads local time; go through !*t with a 12h margin so the date is stable
  print(d, os.date("%G %g %V %U %W %u %w %a", t))
end
print "OK"
