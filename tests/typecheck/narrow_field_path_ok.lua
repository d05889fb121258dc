-- expect: ok
type Config = {port: integer?, host: string}
local function port(cfg: Config): integer
  if cfg.port then
    return cfg.port
  end
  return 80
end
print(port({host = "h"}))
