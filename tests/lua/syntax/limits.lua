-- compiler limits are syntax errors with exact wording
local function try(src)
  local f, err = load(src)
  print(err or "ok")
end

-- 200 locals are fine, 201 are not
local function locals(n)
  local names = {}
  for i = 1, n do names[i] = "v" .. i end
  return "local " .. table.concat(names, ", ")
end
try(locals(200))
try(locals(201))
try("function f() " .. locals(201) .. " end")
try("local a " .. string.rep("local b ", 200))

-- upvalues: 255 are fine, 256 are not
local function upvalues(n)
  local parts = {}
  for i = 1, n do parts[#parts + 1] = "local u" .. i .. " = " .. i end
  local uses = {}
  for i = 1, n do uses[#uses + 1] = "u" .. i end
  parts[#parts + 1] = "return function() return " .. table.concat(uses, " + ") .. " end"
  return table.concat(parts, "\n")
end
-- the main chunk cannot hold 256 locals either: nest them in two functions
local function upvalues2(n)
  local half = n // 2
  local src = {}
  for i = 1, half do src[#src + 1] = "local a" .. i .. " = " .. i end
  src[#src + 1] = "return (function()"
  for i = 1, n - half do src[#src + 1] = "local b" .. i .. " = " .. i end
  local uses = {}
  for i = 1, half do uses[#uses + 1] = "a" .. i end
  for i = 1, n - half do uses[#uses + 1] = "b" .. i end
  src[#src + 1] = "return function() return " .. table.concat(uses, " + ") .. " end end)()"
  return table.concat(src, "\n")
end
try(upvalues(150))
local f = load(upvalues2(254))
print(f()())
try(upvalues2(255))
try(upvalues2(256))

-- a function with many constants is fine
local consts = {}
for i = 1, 1000 do consts[i] = "'s" .. i .. "'" end
local g = load("return {" .. table.concat(consts, ",") .. "}")
print(#g())
print "OK"
