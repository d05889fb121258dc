-- labels: visibility rules of 5.3
local function try(src)
  local f, err = load(src)
  if f then print("ok", pcall(f)) else print(err) end
end
-- a label is visible in the whole block where it is defined, including nested blocks
try("local n = 0 ::l:: n = n + 1 do if n < 3 then goto l end end return n")
-- a goto may jump to an enclosing block's label
try("do do goto out end end ::out:: return 'out'")
-- but not into a nested block
try("goto inner do ::inner:: end")
-- nor into a nested function
try("goto f; local function g() ::f:: end")
-- labels at the end of the enclosing block count as after all locals
try("do local a goto e; local b ::e:: end return 'end-label'")
-- a repeat-until: the until expression is inside the scope
try("local i = 0 repeat i = i + 1 if i < 3 then goto cont end ::cont:: until i >= 3 return i")
-- break and goto mixed
try("for i = 1, 3 do if i == 2 then break end end goto x ::x:: return 'mixed'")
-- many labels
local parts = {}
for k = 1, 50 do parts[#parts + 1] = "goto l" .. k .. " ::l" .. k .. "::" end
try(table.concat(parts, " ") .. " return 'fifty'")
print "OK"
