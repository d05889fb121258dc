type Config = {host: string, port: integer?, tls: {cert: string?}?}

local function port(cfg: Config): integer
  if cfg.port then
    return cfg.port
  end
  return 80
end

local function cert(cfg: Config): string
  if cfg.tls and cfg.tls.cert then
    return cfg.tls.cert
  end
  return "none"
end

local function reset(cfg: Config): integer
  if cfg.port then
    cfg.port = nil
    return cfg.port             --! E0004 expected integer, got nil
  end
  return 0
end

local function typo(cfg: Config): string
  return cfg.hots               --! E0006 field 'hots' does not exist on Config
end

local function write(cfg: Config)
  cfg.port = "80"               --! E0001 field 'port': expected integer?, got string
  cfg.extra = true              --! E0006 field 'extra' does not exist on Config
end
