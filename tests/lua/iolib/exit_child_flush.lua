-- os.exit in a child interpreter: status codes and flushing of open files
local interp = arg[-1]
local name = os.tmpname()
local function child(code)
  local p = io.popen(interp .. " -e " .. string.format("%q", code) .. " 2>&1")
  local out = p:read("a")
  return out, p:close()
end
local prog = "local f = io.open('" .. name .. "', 'w') f:write('written') io.write('child out') os.exit(%s)"
for _, v in ipairs({"0", "3", "true", "false", "true, true", "4, true", ""}) do
  os.remove(name)
  local out, ok, how, code = child(prog:format(v))
  local f = io.open(name)
  local content = f and f:read("a")
  if f then f:close() end
  print(v, out, ok, how, code, content)
end
os.remove(name)
print "OK"
