-- os.setlocale queries and the C locale
print(os.setlocale())
print(os.setlocale(nil, "all"))
for _, c in ipairs({"all", "collate", "ctype", "monetary", "numeric", "time"}) do
  io.write(c, "=", tostring(os.setlocale(nil, c)), " ")
end
print()
print(os.setlocale("C"), os.setlocale("POSIX"), os.setlocale("C", "numeric"))
print(os.setlocale("xx_NOT_A_LOCALE"))
print(os.setlocale("xx_NOT_A_LOCALE", "time"))
print(pcall(os.setlocale, "C", "bogus"))
print(pcall(os.setlocale, {}))
print(os.setlocale(""))
print(tostring(1.5), string.format("%.1f", 2.5))
print "OK"
