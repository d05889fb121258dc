-- line hook: collect line numbers
local lines = {}
local function hook(ev, line) lines[#lines + 1] = line end
local function work(n)
  local s = 0
  for i = 1, n do
    s = s + i
  end
  return s
end
debug.sethook(hook, "l")
work(2)
debug.sethook()
print(table.concat(lines, " "))
print(debug.gethook())
print "OK"
