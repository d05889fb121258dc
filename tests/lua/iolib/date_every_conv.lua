-- every strftime conversion on a fixed UTC time (a leap day)
local t = 951825845 -- 2000-02-29 12:04:05 UTC
local convs = "aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYz%"
for c in convs:gmatch(".") do
  print(c, string.format("%q", os.date("!%" .. c, t)))
end
print "OK"
