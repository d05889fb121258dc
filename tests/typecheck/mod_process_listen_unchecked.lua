-- expect: error 2: local 'ch': expected channel.Channel, got channel.Channel?
local ch: channel.Channel = process.listen("jobs")
print(ch:receive())
