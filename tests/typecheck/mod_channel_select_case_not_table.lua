-- expect: error 3: argument #1 of 'channel.select': expected table, got channel.Case
local ch = channel.new(1)
local r = channel.select(ch:case_receive())
print(r)
