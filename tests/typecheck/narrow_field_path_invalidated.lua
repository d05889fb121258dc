-- expect: error 6: return value: expected integer, got nil
type Config = {port: integer?, host: string}
local function port(cfg: Config): integer
  if cfg.port then
    cfg.port = nil
    return cfg.port
  end
  return 80
end
print(port({host = "h"}))
