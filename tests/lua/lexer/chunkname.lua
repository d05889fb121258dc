-- how chunk names appear in messages
local function msg(src, name)
  local f, err = load(src, name)
  if f then
    local ok, e = pcall(f)
    return e
  end
  return err
end
print(msg("error('x')"))
print(msg("error('x')", "=custom"))
print(msg("error('x')", "@file.lua"))
print(msg("error('x')", "plain"))
print(msg("\n\nerror('x')", "=(load)"))
print(msg("x = = 1", "=name"))
print(msg("x = = 1", "@some/path.lua"))
-- long sources are truncated in the chunk id
print(msg("error('x') -- " .. string.rep("a", 100)))
print(msg("local a = 1; local b = 2; local c = 3; local d = 4; error('long line')"))
-- multi-line sources stop at the first line
print(msg("local a = 1\nerror('two lines')"))
-- long '=' and '@' names are truncated too
print(msg("error('x')", "=" .. string.rep("n", 80)))
print(msg("error('x')", "@" .. string.rep("d/", 40) .. "f.lua"))
-- an empty chunk name
print(msg("error('x')", ""))
print(msg("error('x')", "="))
print "OK"
