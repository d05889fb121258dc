-- args: --rules
-- expect: warning 10: unused local 'plain'
-- Names starting with _ are exempt from the unused and shadowing rules.
local _unused = 1
local function each(t, _ctx)
  for _, v in ipairs(t) do
    for _, w in ipairs(v) do print(w) end
  end
end
local plain = 2
each({{1}}, nil)
