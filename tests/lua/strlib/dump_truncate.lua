-- every proper prefix of a binary chunk fails to load, as a truncated chunk
-- (the official suite's calls.lua checks this for one function; here for
-- several, stripped or not, by string and by reader function)
local function prefixes(c, name)
  local failed, truncated, msgs = 0, 0, {}
  for i = 1, #c - 1 do
    local f, msg = load(string.sub(c, 1, i), name)
    if not f then failed = failed + 1 end
    if msg and string.find(msg, "truncated") then truncated = truncated + 1 end
    msgs[msg or "loaded"] = true
  end
  local list = {}
  for m in pairs(msgs) do list[#list + 1] = m end
  table.sort(list)
  return failed == #c - 1, truncated == #c - 1, table.concat(list, " | ")
end

local c = string.dump(function () local a = 1; local b = 3; return a+b*3 end)
-- each length through the header and a little beyond, one by one
for i = 1, 45 do
  local f, msg = load(string.sub(c, 1, i))
  print(i, f == nil, msg ~= nil and string.find(msg, "truncated") ~= nil, msg)
end
print(prefixes(c))
print(prefixes(c, "=named"))
print(prefixes(c, "@file.luac"))
print(assert(load(c))())

local up1, up2 = 1, {}
local samples = {
  function () end,
  function (...) return select("#", ...), ... end,
  function (a, b) up2[a] = b; return up1 + a end,
  function (n)
    local function fact(k) if k <= 1 then return 1 end return k * fact(k - 1) end
    return function () return fact(n), "a string constant", 2^53, 0.1, -0.0 end
  end,
  load("local x = ... return function () return x end"),
  string.rep,
}
for i, f in ipairs(samples) do
  for _, strip in ipairs({false, true}) do
    local ok, s = pcall(string.dump, f, strip)
    if ok then
      print(i, strip, prefixes(s))
    else
      print(i, strip, s)
    end
  end
end

-- a reader function that stops early
local function reader(s, size)
  local pos = 0
  return function ()
    if pos >= #s then return nil end
    local piece = string.sub(s, pos + 1, pos + size)
    pos = pos + size
    return piece
  end
end
local cut = string.sub(c, 1, #c - 1)
print(load(reader(cut, 1)))
print(load(reader(cut, 5), "=pieces"))
print(load(reader(string.sub(c, 1, 40), 7), "@f.luac", "b"))
print(load(reader(c, 3))())
print(load(reader(string.sub(c, 1, 1), 1), "=one"))
print "OK"
