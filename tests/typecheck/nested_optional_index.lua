-- expect: error 4: cannot index a value of type {host: string}?: it may be nil
type Cfg = {db: {host: string}?}
local function host(c: Cfg): string
  return c.db.host
end
print(host({}))
