-- expect: ok
type Result = {ok: true, value: integer} | {ok: false, err: string}
local r: Result = {ok = false, err = "boom"}
print(r)
