-- Among ready cases select chooses uniformly at random: three always-ready
-- cases, 3000 selects, each chosen between 800 and 1200 times (expected
-- 1000, standard deviation about 26).
local a, b, c = channel.new(1), channel.new(1), channel.new(1)
a:send("a"); b:send("b"); c:send("c")
local counts = {a = 0, b = 0, c = 0}
for i = 1, 3000 do
  local r = channel.select{a:case_receive(), b:case_receive(), c:case_receive()}
  assert(r.ok)
  counts[r.value] = counts[r.value] + 1
  r.channel:send(r.value)        -- keep every case ready
end
for k, n in pairs(counts) do
  assert(n >= 800 and n <= 1200, ("case %s chosen %d times"):format(k, n))
end

-- the same for send cases with room
local s1, s2, s3 = channel.new(1), channel.new(1), channel.new(1)
local sc = {0, 0, 0}
local idx = {[s1] = 1, [s2] = 2, [s3] = 3}
for i = 1, 3000 do
  local r = channel.select{s1:case_send(1), s2:case_send(2), s3:case_send(3)}
  sc[idx[r.channel]] = sc[idx[r.channel]] + 1
  r.channel:receive()
end
for k = 1, 3 do assert(sc[k] >= 800 and sc[k] <= 1200, ("send case %d chosen %d times"):format(k, sc[k])) end

-- a ready case is always preferred over default
for i = 1, 100 do
  local r = channel.select{a:case_receive(), default = true}
  assert(r.channel == a and not r.default)
  a:send("a")
end

-- the first case listed does not starve the others in a producer loop
local fast, slow = channel.new(100), channel.new(100)
for i = 1, 100 do fast:send(i); slow:send(i) end
local nf, ns = 0, 0
for i = 1, 100 do
  local r = channel.select{fast:case_receive(), slow:case_receive()}
  if r.channel == fast then nf = nf + 1 else ns = ns + 1 end
end
assert(nf > 20 and ns > 20, ("both drained: %d / %d"):format(nf, ns))
