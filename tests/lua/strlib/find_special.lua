-- string.find on strings full of magic characters: plain vs escaped
local hay = "a.b*c+d-e?f[g]h^i$j(k)l%m"
for c in ("%.*+-?[]^$()"):gmatch(".") do
  local plain = {hay:find(c, 1, true)}
  local esc = {hay:find("%" .. c)}
  print(c, plain[1], plain[2], esc[1], esc[2], plain[1] == esc[1])
end
print(hay:find("."), hay:find("%."), hay:find("[.]"))
print(hay:find("[%[%]]"), hay:find("%[(.)%]"), hay:find("%((.)%)"))
print(hay:find("%%(.)"), hay:find("^a"), hay:find("^.", 2))
print(pcall(string.find, hay, "("), pcall(string.find, hay, "[", 1, true))
print(pcall(string.find, hay, "%", 1, true))
print "OK"
