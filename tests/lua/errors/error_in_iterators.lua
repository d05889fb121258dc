-- errors inside for-loop iterators and their messages
local function try(f) print(pcall(f)) end
try(function()
  for k, v in function() error("iterator failed") end do end
end)
try(function()
  local function iter(s, c) if c < 3 then return c + 1 end error("stop at " .. c) end
  for i in iter, nil, 0 do end
end)
try(function()
  local t = setmetatable({}, { __index = function(_, i) if i > 2 then error("index " .. i) end return i end })
  for i, v in ipairs(t) do end
end)
try(function()
  local co = coroutine.wrap(function() coroutine.yield(1) error("generator failed") end)
  for v in co do end
end)
try(function() for x in next, 5 do end end)
print "OK"
