-- expect: error 3: return value: field 'port': expected integer, got string
local function defaults(): {host: string, port: integer}
  return {host = "localhost", port = "80"}
end
print(defaults().host)
