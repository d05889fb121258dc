-- expect: ok
local function worker(n)
  local msg = process.inbox():receive()
  return msg:payload():data() + n
end
local pid, err = process.spawn_monitored(worker, nil, 1)
if not pid then
  error(err:message())
end
local me: string = process.pid()
local sent, serr = process.send(pid, "job", {from = me})
if serr then print(serr:kind()) end
local ev = process.events():receive()
if ev.kind == process.event.EXIT then print(ev.from, sent) end
local ok, lerr = process.registry.register("main")
local found: string? = process.registry.lookup("main")
print(ok, lerr, found, process.get_options().trap_links)
