-- expect: error 4: return value: expected integer, got integer?
type Config = {port: integer?, host: string}
local function port(cfg: Config): integer
  return cfg.port
end
print(port({host = "h"}))
