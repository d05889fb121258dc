-- numeric for errors
local function try(f)
  local ok, err = pcall(f)
  print(ok, err)
end
try(function() for i = 1, 10, 0 do end end)
try(function() for i = 1.0, 10, 0 do end end)
try(function() for i = 1, 10, 0.0 do end end)
try(function() for i = nil, 10 do end end)
try(function() for i = 1, {} do end end)
try(function() for i = 1, 2, false do end end)
try(function() for i = "a", 2 do end end)
try(function() for i = 1, "x" do end end)
try(function() local t = {} for i = 1, t.n do end end)
-- generic for with a non-function
try(function() for k in 42 do end end)
try(function() for k in nil do end end)
try(function() local t = {} for k, v in t do end end)
try(function() for k, v in pairs(nil) do end end)
try(function() for k, v in ipairs() do end end)
print "OK"
