-- supervisor: keeps child processes running (spec/processes.md §8, after
-- Erlang's supervisor). A supervisor is a process; it starts its children
-- linked and monitored, and when one ends it restarts what its strategy
-- says, giving up when restarts come too fast.
--
--   local supervisor = require("supervisor")
--   local sup = supervisor.start{
--     strategy = "one_for_one",        -- or "one_for_all", "rest_for_one"
--     intensity = 3, period = "5s",    -- more than 3 restarts in 5s: give up
--     children = {
--       {id = "db", start = "app.db:main", args = {"x"},
--        restart = "permanent",        -- or "transient", "temporary"
--        delay = "100ms", max_delay = "5s", backoff = 2},
--     },
--   }
--   supervisor.which_children(sup)  --> {{id = "db", pid = "<0.7.0>"}, ...}
--   supervisor.stop(sup)
--
-- Children are named by entry id ("module:function"), as process.spawn
-- takes them. The supervisor is linked to the caller of `start` unless
-- `{link = false}` is passed, so a supervisor that gives up fails its owner
-- (or delivers LINK_DOWN when the owner traps links).

local M = {}

local STRATEGIES = {one_for_one = true, one_for_all = true, rest_for_one = true}
local RESTARTS = {permanent = true, transient = true, temporary = true}

local function check_spec(spec)
  if type(spec) ~= "table" then
    return nil, errors.new({kind = errors.INVALID, message = "supervisor spec must be a table"})
  end
  local strategy = spec.strategy or "one_for_one"
  if not STRATEGIES[strategy] then
    return nil, errors.new({kind = errors.INVALID, message = "unknown strategy '" .. tostring(strategy) .. "'"})
  end
  if type(spec.children) ~= "table" then
    return nil, errors.new({kind = errors.INVALID, message = "supervisor spec needs a children list"})
  end
  local seen = {}
  for i, c in ipairs(spec.children) do
    if type(c) ~= "table" or type(c.start) ~= "string" then
      return nil, errors.new({kind = errors.INVALID,
        message = "child #" .. i .. " needs start = \"module:function\""})
    end
    local id = c.id or c.start
    if seen[id] then
      return nil, errors.new({kind = errors.INVALID, message = "duplicate child id '" .. tostring(id) .. "'"})
    end
    seen[id] = true
    if c.restart ~= nil and not RESTARTS[c.restart] then
      return nil, errors.new({kind = errors.INVALID,
        message = "child '" .. tostring(id) .. "': unknown restart '" .. tostring(c.restart) .. "'"})
    end
  end
  return strategy
end

--- Starts a supervisor process; returns its pid, or nil and an error.
function M.start(spec, opts)
  local _, err = check_spec(spec)
  if err then return nil, err end
  local link = not (opts and opts.link == false)
  local spawn = link and process.spawn_linked or process.spawn
  return spawn("supervisor:run", nil, spec, process.pid())
end

local function request(sup, topic, timeout)
  local time = require("time")
  local reply = process.listen("supervisor.reply." .. topic)
  process.send(sup, topic, process.pid())
  local r = channel.select{reply:case_receive(), time.after(timeout or "5s"):case_receive()}
  process.unlisten(reply)
  if r.channel ~= reply then
    return nil, errors.new({kind = errors.TIMEOUT, message = "supervisor did not answer " .. topic})
  end
  return r.value
end

--- The running children: a list of {id = ..., pid = ...} (pid nil while
--- a restart is pending).
function M.which_children(sup, timeout)
  return request(sup, "which_children", timeout)
end

--- Stops the children (last started first) and then the supervisor.
function M.stop(sup, timeout)
  return request(sup, "stop", timeout)
end

-- The supervisor process.
function M.run(spec)
  local time = require("time")
  process.set_options({trap_links = true})
  local strategy = spec.strategy or "one_for_one"
  local intensity = spec.intensity or 3
  local period = spec.period or "5s"
  local events, inbox = process.events(), process.inbox()
  local recent = 0

  local children = {}           -- in start order
  local by_pid = {}
  for i, c in ipairs(spec.children) do
    children[i] = {id = c.id or c.start, start = c.start, args = c.args or {},
      restart = c.restart or "permanent", delay = c.delay or 0,
      max_delay = c.max_delay or "30s", backoff = c.backoff or 2, attempts = 0}
  end

  local function start(child)
    local args = child.args
    local pid, err = process.spawn_linked_monitored(child.start, nil, table.unpack(args, 1, args.n or #args))
    if not pid then
      error(errors.wrap(err, "supervisor: starting child '" .. tostring(child.id) .. "'"))
    end
    child.pid = pid
    by_pid[pid] = child
  end

  local function stop_child(child)
    if child.pid then
      by_pid[child.pid] = nil
      process.unmonitor(child.pid)
      process.unlink(child.pid)
      process.terminate(child.pid)
      child.pid = nil
    end
  end

  local function note_restart()
    recent = recent + 1
    if recent > intensity then
      for i = #children, 1, -1 do stop_child(children[i]) end
      error(errors.new({kind = errors.UNAVAILABLE,
        message = "supervisor: reached maximum restart intensity (" .. intensity .. " in " .. tostring(period) .. ")"}))
    end
    coroutine.spawn(function()
      time.sleep(period)
      recent = recent - 1
    end)
  end

  local function delay_for(child)
    -- parse_duration gives Duration objects; the backoff works on numbers.
    local pd = time.parse_duration(child.delay)
    local d = pd and pd:nanoseconds() or 0
    local pc = time.parse_duration(child.max_delay)
    local cap = pc and pc:nanoseconds() or d
    for _ = 2, child.attempts do d = math.min(cap, math.floor(d * child.backoff)) end
    return d
  end

  -- Restarts `list` (in order) after the first child's backoff delay.
  local function restart(list)
    local first = list[1]
    first.attempts = first.attempts + 1
    local d = delay_for(first)
    if d > 0 then
      for _, c in ipairs(list) do c.pending = true end
      coroutine.spawn(function()
        time.sleep(d)
        for _, c in ipairs(list) do
          if c.pending then c.pending = nil; start(c) end
        end
      end)
    else
      for _, c in ipairs(list) do start(c) end
    end
  end

  for _, c in ipairs(children) do start(c) end

  while true do
    local r = channel.select{events:case_receive(), inbox:case_receive()}
    if r.channel == events then
      local ev = r.value
      local child = by_pid[ev.from]
      if child and (ev.kind == process.event.EXIT or ev.kind == process.event.LINK_DOWN) then
        by_pid[ev.from] = nil
        child.pid = nil
        local failed = ev.result and ev.result.error ~= nil
        local again = child.restart == "permanent" or (child.restart == "transient" and failed)
        if again then
          note_restart()
          if strategy == "one_for_one" then
            restart({child})
          else
            local from = 1
            if strategy == "rest_for_one" then
              for i, c in ipairs(children) do if c == child then from = i end end
            end
            local list = {}
            for i = #children, from, -1 do
              if children[i] ~= child then stop_child(children[i]) end
            end
            for i = from, #children do list[#list + 1] = children[i] end
            restart(list)
          end
        end
      elseif ev.kind == process.event.LINK_DOWN then
        -- The owner failed: take the children down with the supervisor.
        for i = #children, 1, -1 do stop_child(children[i]) end
        error(errors.new({kind = errors.CANCELED, message = "supervisor: owner " .. tostring(ev.from) .. " failed"}))
      elseif ev.kind == process.event.CANCEL then
        for i = #children, 1, -1 do stop_child(children[i]) end
        return true
      end
    else
      local msg = r.value
      local topic, from = msg:topic(), msg:payload():data()
      if topic == "which_children" then
        local list = {}
        for i, c in ipairs(children) do list[i] = {id = c.id, pid = c.pid} end
        process.send(from, "supervisor.reply.which_children", list)
      elseif topic == "stop" then
        for i = #children, 1, -1 do stop_child(children[i]) end
        process.send(from, "supervisor.reply.stop", true)
        return true
      end
    end
  end
end

return M
