-- expect: error 5: local 's': expected string, got unknown (narrow unknown values before use)
-- A program that assigns String has its own String: no narrowing.
String = {is = function(_, v) return v end}
local function text(v: unknown)
  if String:is(v) then local s: string = v; print(s) end
end
text("a")
