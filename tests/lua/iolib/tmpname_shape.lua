-- os.tmpname follows the reference template and is absolute
local names = {}
for i = 1, 5 do
  local n = os.tmpname()
  names[#names + 1] = n
  print(n:sub(1, 1) == "/", #n, (n:gsub("[%w]+$", "XXXXXX")))
end
for _, n in ipairs(names) do assert(os.remove(n)) end
print "OK"
