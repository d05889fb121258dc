-- expect: error 2: argument #1 of 'channel.new': expected integer?, got string
local ch = channel.new("big")
print(ch)
