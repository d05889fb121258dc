-- expect: error 3: method 'recieve' does not exist on channel.Channel
local ch = channel.new()
local v, ok = ch:recieve()
print(v, ok)
