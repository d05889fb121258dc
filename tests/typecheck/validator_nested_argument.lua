-- expect: error 5: argument #1 of 'start': field 'limits.cpu': 0 is less than @min(1)
local function start(job: {name: string, limits: {cpu: integer @min(1)}})
  print(job.name)
end
start({name = "j", limits = {cpu = 0}})
