-- BUG (pending): the "not supported" error of process.upgrade,
-- process.with_context and process.with_options names the function from
-- the call site, so a call through a computed key says "process.? is not
-- supported by wlua" instead of naming the function.
for _, name in ipairs({"upgrade", "with_context", "with_options"}) do
  local r, e = process[name]({})
  assert(r == nil and e ~= nil, name .. " returns nil, err")
  assert(e:message():find("process." .. name, 1, true), "message names " .. name .. ": " .. e:message())
end
