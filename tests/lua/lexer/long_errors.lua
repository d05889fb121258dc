-- lexical errors in long brackets
local cases = {
  "return [[abc",
  "return [==[abc]=]",
  "x = 1 --[[ unfinished\ncomment",
  "return [=x",
  "return [==",
  "x = 1\n\nreturn [[\n\n",
  "return [=[ ]]",
}
for _, src in ipairs(cases) do
  local f, err = load(src)
  print(f, err)
end
-- '[' followed by '=' but no second '[' is an invalid delimiter
print(load("return [= 1"))
-- a plain '[' is fine
print(load("local t = {1} return t[1]")())
print "OK"
