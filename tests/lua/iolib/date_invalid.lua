-- invalid conversions raise with the offending specifier
for _, fmt in ipairs({"%i", "%k", "%l", "%s", "%P", "%+", "%E", "%Ea", "%OY", "%O", "%5Y", "%-d", "%#x", "%Q", "%L", "% ", "%\0"}) do
  local ok, msg = pcall(os.date, "!" .. fmt, 0)
  print(string.format("%q", fmt), ok, (string.gsub(msg, "\0", "<NUL>")))
end
print(select("#", pcall(os.date, "!%Y", nil)), #os.date("!%Y", nil))
print(pcall(os.date, nil, 0) ~= nil)
print "OK"
