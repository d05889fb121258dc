-- expect: error 4: field 'a': expected integer, got string
local function run(job: {name: string, body: () -> ()}) job.body() end
run({name = "j", body = function()
  local t: {a: integer} = {a = "x"}
  print(t)
end})
