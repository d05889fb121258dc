-- os.exit(code, true) closes the state: finalizers of files and tables run
local name = os.tmpname()
local f = assert(io.open(name, "w"))
f:write("unflushed")
setmetatable({}, {__gc = function()
  local g = io.open(name)
  print("finalizer sees", g and g:read("a"))
  if g then g:close() end
  os.remove(name)
end})
os.exit(0, true)
