-- every escape sequence in one place, and all 256 byte values
local s = "\a\b\f\n\r\t\v\\\"\'\z
           \65\x42\u{43}\0\255"
print(#s)
print(s:byte(1, -1))
local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
local bytes = table.concat(all)
-- %q output loads back to the same bytes
local q = string.format("%q", bytes)
print(load("return " .. q)() == bytes)
-- decimal escapes for every byte
local parts = {}
for i = 0, 255 do parts[#parts + 1] = "\\" .. i end
print(load("return \"" .. table.concat(parts) .. "\"")() == bytes)
-- hexadecimal escapes for every byte
parts = {}
for i = 0, 255 do parts[#parts + 1] = string.format("\\x%02x", i) end
print(load("return \"" .. table.concat(parts) .. "\"")() == bytes)
-- \u{} for every ASCII code point equals the byte
parts = {}
for i = 0, 127 do parts[#parts + 1] = string.format("\\u{%X}", i) end
print(load("return '" .. table.concat(parts) .. "'")() == bytes:sub(1, 128))
print "OK"
