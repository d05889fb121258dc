-- channels.md §6.1: a bounded pipeline with a deadline.
local time = require("time")

local function run(items)
    local jobs = channel.new(4)
    local out = channel.new(4)

    for w = 1, 2 do
        coroutine.spawn(function()
            while true do
                local x, ok = jobs:receive()
                if not ok then break end
                out:send(x * x)
            end
        end)
    end

    coroutine.spawn(function()
        for _, x in ipairs(items) do jobs:send(x) end
        jobs:close()
    end)

    local total, got = 0, 0
    local deadline = time.after("5s")
    while got < #items do
        local r = channel.select{ out:case_receive(), deadline:case_receive() }
        if r.channel == deadline then
            return nil, errors.new({message = "pipeline too slow", kind = errors.TIMEOUT})
        end
        total, got = total + r.value, got + 1
    end
    return total
end

local total, err = run({1, 2, 3})
assert(err == nil, tostring(err))
assert(total == 14, "total " .. tostring(total))

local items = {}
for i = 1, 500 do items[i] = i end
total = run(items)
assert(total == 500 * 501 * 1001 // 6, "sum of squares " .. tostring(total))

-- the deadline branch: workers that never produce
local function stuck()
  local out = channel.new()
  local deadline = time.after("10ms")
  local r = channel.select{ out:case_receive(), deadline:case_receive() }
  if r.channel == deadline then
    return nil, errors.new({message = "pipeline too slow", kind = errors.TIMEOUT})
  end
end
local v, e = stuck()
assert(v == nil and e:kind() == errors.TIMEOUT and tostring(e) == "pipeline too slow [TIMEOUT]")
