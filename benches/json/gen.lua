-- Writes a ~10 MB JSON document (records with strings, integers, floats,
-- booleans, nested arrays and objects) to the path in arg[1].
local out = assert(io.open(arg[1], "w"))
local parts = {}
local i = 0
local size = 0
out:write("[")
while size < 10 * 1024 * 1024 do
  i = i + 1
  local rec = string.format(
    '{"id":%d,"name":"user %d","email":"user%d@example.com","active":%s,"score":%.3f,' ..
    '"tags":["alpha","beta","gamma"],"address":{"street":"%d Main St","city":"Springfield","zip":"%05d"},' ..
    '"history":[%d,%d,%d,%d],"ratio":%.6f,"note":"line\\nbreak \\"quoted\\" \\u00e9"}',
    i, i, i, (i % 2 == 0) and "true" or "false", i * 1.25, i, i % 100000, i, i + 1, i + 2, i + 3, 1 / i)
  if i > 1 then out:write(",") end
  out:write(rec)
  size = size + #rec + 1
end
out:write("]")
out:close()
