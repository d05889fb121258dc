-- expect: error 3: argument #1 of 'process.send': expected string, got channel.Channel
local ch = channel.new(1)
process.send(ch, "ping", 1)
