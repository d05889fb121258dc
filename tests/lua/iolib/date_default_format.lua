-- os.date() defaults to "%c"; "!" alone gives an empty string
local t = 1234567890
print(os.date("!%c", t))
print(os.date(nil, t) == os.date("%c", t))
print(os.date("%c", t) == os.date(nil, t))
print(#os.date("!", t), #os.date("", t))
print(os.date("!!%Y", t))
print(os.date(" !%Y", t) == " !" .. os.date("%Y", t))
print(type(os.date("*t", t)), type(os.date("!*t")))
print "OK"
