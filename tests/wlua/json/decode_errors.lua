-- json.decode failures: nil, err with kind INTERNAL and a message naming
-- line and column. Never raises for bad text; raises for a non-string.
local json = require("json")

local function fails(text, msg)
  local v, err = json.decode(text)
  assert(v == nil, "expected a failure for " .. text)
  assert(errors.is(err, errors.INTERNAL), tostring(err))
  assert(err:message() == msg, "got: " .. err:message() .. "\nwant: " .. msg)
end

fails("", "invalid JSON: EOF while parsing a value at line 1 column 0")
fails("{", "invalid JSON: EOF while parsing an object at line 1 column 1")
fails('{"a":1,}', "invalid JSON: trailing comma at line 1 column 8")
fails('{"a" 1}', "invalid JSON: expected `:` at line 1 column 6")
fails("[1,2", "invalid JSON: EOF while parsing a list at line 1 column 4")
fails('\n  {"a": nope}', "invalid JSON: expected ident at line 2 column 10")
fails("[1] x", "invalid JSON: trailing characters at line 1 column 5")
fails("01", "invalid JSON: invalid number at line 1 column 2")
fails("NaN", "invalid JSON: expected value at line 1 column 1")
fails("1e999", "invalid JSON: number out of range at line 1 column 5")
fails('"a\nb"', "invalid JSON: control character (\\u0000-\\u001F) found while parsing a string at line 2 column 0")
fails('"\\x"', "invalid JSON: invalid escape at line 1 column 3")
fails('"\\ud800"', "invalid JSON: unexpected end of hex escape at line 1 column 8")
fails("{1:2}", "invalid JSON: key must be a string at line 1 column 2")
-- invalid UTF-8 in the input is an error, not replaced
fails('"\xff"', "invalid JSON: invalid unicode code point at line 1 column 2")
-- nesting deeper than 128, never a stack overflow
fails(string.rep("[", 129) .. string.rep("]", 129), "invalid JSON: nesting deeper than 128 at line 1 column 130")
fails(string.rep('{"a":', 1000000), "invalid JSON: nesting deeper than 128 at line 1 column 641")
fails(string.rep("[", 1000000), "invalid JSON: nesting deeper than 128 at line 1 column 129")

-- a non-string argument is a programming error: it raises
assert(not pcall(json.decode, nil))
assert(not pcall(json.decode, {}))
-- numbers convert like every string argument
assert(json.decode(42) == 42)
print("OK")
