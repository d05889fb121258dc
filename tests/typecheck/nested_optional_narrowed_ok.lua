-- expect: ok
type Cfg = {db: {host: string}?}
local function host(c: Cfg): string
  if c.db then
    return c.db.host
  end
  return "localhost"
end
print(host({}))
