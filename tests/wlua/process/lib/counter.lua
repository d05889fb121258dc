-- processes.md §6: entry "counter", method main (used by spec_example.lua).
local function main(start)
    local n = start or 0
    local inbox = process.inbox()
    local events = process.events()
    while true do
        local r = channel.select{ inbox:case_receive(), events:case_receive() }
        if r.channel == events then
            if r.value.kind == process.event.CANCEL then
                return n                       -- normal exit, value = n
            end
        else
            local msg = r.value
            if msg:topic() == "add" then
                n = n + msg:payload():data()
            elseif msg:topic() == "get" then
                process.send(msg:from(), "value", n)
            elseif msg:topic() == "crash" then
                error("asked to crash")        -- abnormal exit
            end
        end
    end
end
return { main = main }
