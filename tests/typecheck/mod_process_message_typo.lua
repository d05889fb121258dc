-- expect: error 3: method 'topc' does not exist on process.Message
local function handle(msg: process.Message): string
  return msg:topc()
end
print(handle)
