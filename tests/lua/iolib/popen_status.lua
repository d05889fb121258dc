-- close of a popen file returns the command's status triple
local function st(cmd, mode)
  local p = assert(io.popen(cmd, mode))
  if mode ~= "w" then p:read("a") end
  print(cmd, p:close())
end
st("true")
st("false")
st("sh -c 'exit 3'")
st("exit 255")
st("sh -c 'kill -9 $$'")
st("sh -c 'exit 7'", "w")
st("sh -c 'kill -15 $$'")
print "OK"
