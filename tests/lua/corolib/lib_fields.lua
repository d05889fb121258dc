-- the fields of the coroutine, debug and package tables
for _, lib in ipairs({"coroutine", "debug", "package"}) do
  local names = {}
  for k, v in pairs(_G[lib]) do
    -- coroutine.spawn is the runtime's addition (scheduler-managed coroutines)
    if not (lib == "coroutine" and k == "spawn") then names[#names + 1] = k .. ":" .. type(v) end
  end
  table.sort(names)
  print(lib, table.concat(names, " "))
end
print(coroutine.close, debug.setcstacklimit, package.searchers ~= nil, package.loaders)
print "OK"
