-- split/join idioms built on the string library
local function split(s, sep)
  local out = {}
  for piece in (s .. sep):gmatch("(.-)" .. sep:gsub("%p", "%%%0")) do out[#out + 1] = piece end
  return out
end
local function show(t) return #t .. ":[" .. table.concat(t, "|") .. "]" end
print(show(split("a,b,c", ",")))
print(show(split("a,,c,", ",")))
print(show(split("", ",")))
print(show(split("one::two::three", "::")))
print(show(split("a.b.c", ".")))
local function words(s) local t = {} for w in s:gmatch("%S+") do t[#t + 1] = w end return t end
print(show(words("  the   quick brown\tfox\n")))
local function trim(s) return (s:gsub("^%s+", ""):gsub("%s+$", "")) end
print("[" .. trim("  \t x y \n ") .. "]", "[" .. trim("") .. "]", "[" .. trim("   ") .. "]")
local function lines(s) local t = {} for l in (s .. "\n"):gmatch("(.-)\r?\n") do t[#t + 1] = l end return t end
print(show(lines("a\nb\r\nc")), show(lines("x\n\ny")))
local csv = 'name,age\nbob,42\n"al",7'
for row in csv:gmatch("[^\n]+") do
  local cols = {}
  for c in row:gmatch("[^,]+") do cols[#cols + 1] = (c:gsub('^"(.*)"$', "%1")) end
  print(show(cols))
end
print(("a-b-c"):gsub("-", ", "), table.concat(split("x y z", " "), "+"))
print(("CamelCaseString"):gsub("(%u)", " %1"):sub(2))
print((("snake_case_here"):gsub("_(%a)", string.upper)))
print "OK"
