-- The REPL's main loop (lua.c's doREPL), run as the program's main process
-- so that every line shares its globals and its inbox. The natives come
-- from src/repl.rs: read(prompt) -> line | nil (end of input) | false
-- (interrupted); compile(src) -> f | nil, msg; report(msg); msgh(e) -> text.
local read, compile, report, msgh = ...
local xpcall, select = xpcall, select

-- lua.c's pushline + addreturn + multiline: try `return LINE` first, then
-- the statement, reading more lines while the error is at <eof>.
local function loadline()
  local line = read("> ")
  if line == nil then return nil end
  if line == false then return false end
  if line:sub(1, 1) == "=" then line = "return " .. line:sub(2) end
  local f = compile("return " .. line)
  if f then return f end
  local chunk = line
  while true do
    local f, err = compile(chunk)
    if f then return f end
    if not err:find("<eof>$") then
      report(err)
      return false
    end
    local more = read(">> ")
    if more == nil then
      report(err)
      return nil
    end
    if more == false then return false end
    chunk = chunk .. "\n" .. more
  end
end

local function results(ok, ...)
  if not ok then
    report((...))
  elseif select("#", ...) > 0 then
    -- As lua.c: the global `print` of the moment.
    local ok2, err = xpcall(print, msgh, ...)
    if not ok2 then report("error calling 'print' (" .. tostring(err) .. ")") end
  end
end

while true do
  local f = loadline()
  if f == nil then break end
  if f then results(xpcall(f, msgh)) end
end
