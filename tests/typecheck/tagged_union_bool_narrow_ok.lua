-- expect: ok
type Result = {ok: true, value: integer} | {ok: false, err: string}
local function get(r: Result): integer
  if r.ok then
    return r.value
  end
  error(r.err)
end
print(get({ok = true, value = 1}))
