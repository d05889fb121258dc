-- load with a reader function
local parts = { "return ", "1 ", "+ ", "41" }
local i = 0
local f = load(function() i = i + 1; return parts[i] end)
print(f())
-- an empty string also ends the chunk
local pieces = { "return 'a'", "", "..'b'" }
i = 0
f = load(function() i = i + 1; return pieces[i] end)
print(f())
-- one character at a time
local src = "local t = {} for i = 1, 3 do t[i] = i * i end return table.concat(t, ',')"
local pos = 0
f = load(function() pos = pos + 1; if pos <= #src then return src:sub(pos, pos) end end)
print(f())
-- the reader returning a non-string
-- (only the first line of the message: lua5.3 runs the message handler of lua.c here)
local function first_line(f, msg) return f, msg and msg:match("^[^\n]*") end
print(first_line(load(function() return true end)))
print(first_line(load(function() return {} end)))
-- a reader that errors
print(first_line(load(function() error("reader failed") end)))
print(first_line(load(function() error("reader failed", 0) end)))
-- the chunk name of a reader load is "=(load)"
i = 0
f = load(function() i = i + 1; if i == 1 then return "error('x')" end end)
print(pcall(f))
i = 0
print(load(function() i = i + 1; if i == 1 then return "x = = 1" end end))
i = 0
print(load(function() i = i + 1; if i == 1 then return "x = = 1" end end, "=reader"))
-- syntax errors across reader pieces
local p2 = { "local x = ", "", "1" }
i = 0
print(load(function() i = i + 1; return p2[i] end))
print "OK"
