-- Regenerates the expectations used by the unit tests of pattern.rs,
-- format.rs and pack.rs from the reference interpreter:
--   cd stdlib/src/string/testdata && lua5.3 gen.lua
-- Writes patterns.txt, format.txt and pack.txt: one case per line, fields
-- separated by tabs, bytes outside printable ASCII (and '\' ',' ';') as \xHH.

local function esc(s)
  local out = {}
  for i = 1, #s do
    local b = s:byte(i)
    if b < 32 or b > 126 or b == 92 or b == 44 or b == 59 then
      out[#out + 1] = string.format("\\x%02x", b)
    else
      out[#out + 1] = string.char(b)
    end
  end
  return table.concat(out)
end

-- error messages without the "bad argument" decoration handled separately
local function err(e)
  return "E:" .. esc(tostring(e))
end

local function vals(...)
  local t = {}
  for i = 1, select("#", ...) do
    local v = select(i, ...)
    if math.type(v) == "integer" then t[#t + 1] = "P" .. v
    elseif math.type(v) == "float" then t[#t + 1] = "F" .. string.unpack("<i8", string.pack("<d", v))
    else t[#t + 1] = "S" .. esc(v) end
  end
  return table.concat(t, ",")
end

math.randomseed(20240501)
local R = math.random

---------------------------------------------------------------------------
-- patterns
do
  local out = assert(io.open("patterns.txt", "w"))
  local function line(...) out:write(table.concat({...}, "\t"), "\n") end

  local function case(s, p, init)
    local ok, a = pcall(function()
      if string.find(s, p, init) == nil then return "nil" end
      return vals(string.find(s, p, init))
    end)
    line("find", esc(s), esc(p), init and tostring(init) or "-", ok and ("R:" .. a) or err(a))
    ok, a = pcall(function()
      if string.match(s, p, init) == nil then return "nil" end
      return vals(string.match(s, p, init))
    end)
    line("match", esc(s), esc(p), init and tostring(init) or "-", ok and ("R:" .. a) or err(a))
    if init == nil then
      local got = {}
      ok, a = pcall(function()
        local it = string.gmatch(s, p)
        for _ = 1, 50 do
          local r = table.pack(it())
          if r.n == 0 then break end
          got[#got + 1] = vals(table.unpack(r, 1, r.n))
        end
      end)
      line("gmatch", esc(s), esc(p), table.concat(got, ";") .. (ok and "" or (";" .. err(a))))
      for _, repl in ipairs({"<%0>", "%1-%1", "%%", "x", "[%2]", "%", "%a"}) do
        ok, a = pcall(function() return vals(string.gsub(s, p, repl)) end)
        line("gsub", esc(s), esc(p), esc(repl), "-", ok and ("R:" .. a) or err(a))
      end
      ok, a = pcall(function() return vals(string.gsub(s, p, "{%0}", 2)) end)
      line("gsub", esc(s), esc(p), esc("{%0}"), "2", ok and ("R:" .. a) or err(a))
      ok, a = pcall(function()
        return vals(string.gsub(s, p, function(...)
          local t = {...}
          if t[1] == "b" then return nil end
          for i = 1, #t do t[i] = tostring(t[i]) end
          return "<" .. table.concat(t, ",") .. ">"
        end))
      end)
      line("gsubf", esc(s), esc(p), ok and ("R:" .. a) or err(a))
    end
  end

  local fixed = {
    {"hello world", "o"}, {"hello world", "l+"}, {"hello world", "(o)(r)"},
    {"hello world", "^h"}, {"hello world", "^w"}, {"hello world", "d$"},
    {"hello world", "o", 6}, {"hello world", "o", -3}, {"hello world", "o", 100},
    {"hello world", "", 12}, {"hello world", "", 13}, {"hello world", "", -100},
    {"hello world", "%w+"}, {"hello world", "%W"}, {"  x  ", "^%s*(.-)%s*$"},
    {"key = value", "(%w+)%s*=%s*(%w+)"}, {"abc", "()b()"}, {"abc", "()"},
    {"abc", "%w*"}, {"abc", "b*"}, {"abc", ""}, {"abc", "^"}, {"abc", "$"},
    {"abc", ".-"}, {"abc", ".-$"}, {"abc", "a.-c"}, {"aaa", "a-b"}, {"aaab", "a-b"},
    {"a(b(c)d)e", "%b()"}, {"a(b(c)d", "%b()"}, {"((()))", "%b()"}, {"abc", "%bac"},
    {"THE (quick) fox", "%f[%a]%a+"}, {"THE (quick) fox", "%f[%A]"}, {"abc", "%f[%z]"},
    {"aXb", "%f[%u]"}, {"hello", "%f[%l]"}, {"abba", "(a)(b)%2%1"}, {"abab", "(ab)%1"},
    {"abc", "%1"}, {"abc", "(a)%2"}, {"abc", "(a%1)"}, {"abc", "%0"},
    {"abc", "(a"}, {"abc", "a)"}, {"abc", "(()"}, {"abc", "%"}, {"abc", "[a"},
    {"abc", "[a%"}, {"abc", "[]"}, {"abc", "[^]"}, {"a]c", "[]]"}, {"a]c", "[^]]"},
    {"a-c", "[a-]"}, {"a-c", "[-a]"}, {"a^c", "[%^]"}, {"a^c", "[b^]"}, {"abc", "[a-c]+"},
    {"abc", "[c-a]+"}, {"ABC123", "[%u%d]+"}, {"a.b", "%."}, {"a.b", "."},
    {"x%y", "%%"}, {"a+b", "a+b"}, {"a+b", "a%+b"}, {"abc", "%f"}, {"abc", "%fa"},
    {"abc", "%f[a"}, {"abc", "%b"}, {"abc", "%ba"}, {"a\0b", "%z"}, {"a\0b", "[%z]"},
    {"a\0b", "\0"}, {"a\0b", "a%Zb"}, {"a\0b", "[\0-\1]"}, {"\200\201", "[\128-\255]+"},
    {"\200\201a", "%a"}, {"\200\201", "%A+"}, {"caf\195\169", "%w+"},
    {"one two  three", "(%S+)"}, {"1 + 2 = 3", "%d"}, {"0x1F", "%x+"}, {"a,b,,c", "([^,]*)"},
    {"abc", "a?b?c?d?"}, {"abc", "x?a"}, {"", ""}, {"", "a*"}, {"", ".?"}, {"", "^$"},
    {"abc", "^$"}, {"$", "$"}, {"a$b", "a$b"}, {"ab$", "b$$"}, {"abc", "^^"},
    {"^abc", "^^"}, {"a^b", "a^"}, {"abc", "(.)(.)(.)"}, {"abc", "((.)(.))"},
    {"abc", "(((a)))"}, {"date: 2024-05-01", "(%d+)-(%d+)-(%d+)"},
    {"[[x]]", "%[%[(.-)%]%]"}, {"a.b.c", "[^.]+"}, {"foo.bar", "^(.-)%.(.*)$"},
    {"  trim  ", "^%s*(.-)%s*$"}, {"x=1, y=2", "(%w+)=(%w+)"}, {"abc", "[%a-z]"},
    {"a-z", "[%a-z]+"}, {"abc", "[a-%%]"}, {"%", "[a-%%]"}, {"\t\n\v\f\r ", "%s+"},
    {"\1\31\127", "%c+"}, {"!\"#$%&'()*+,-./", "%p+"}, {"a b", "%g+"}, {"abc", "%C+"},
    {"abcABC", "%l+"}, {"abcABC", "%u+"}, {"abc", "%d*"}, {"12ab", "%D+"}, {"ab", "%X"},
    {"hello", "l*"}, {"hello", "l-"}, {"hello", "l?"}, {"hello", "l+"}, {"hello", "h.-o"},
    {"hello", "h.*l"}, {"hello", "(h)(e)(l)(l)(o)"}, {"hello", "()ll()"},
    {string.rep("a", 14), ("a?"):rep(14) .. ("a"):rep(14)},
    {string.rep("a", 30) .. "b", ("a*"):rep(30)}, {string.rep("a", 12), ("a*"):rep(12) .. "b"},
    {string.rep("a", 12), ("a-"):rep(12) .. "b"}, {string.rep("ab", 8), ("(a*)b?"):rep(8) .. "c"},
    {string.rep("a", 14), ("a?"):rep(14) .. ("a"):rep(14) .. "x"}, {string.rep("a", 9), ("(a*)%1"):rep(5) .. "b"},
    -- exponential in the reference (it never finishes): tested in pattern.rs instead
    -- {string.rep("a", 30), ("a*"):rep(30) .. "b"}, {string.rep("a", 200), ("a*"):rep(210) .. "b"},
    {string.rep("a", 250), ("a?"):rep(199)}, {string.rep("a", 250), ("a?"):rep(200)},
    {string.rep("b", 250), ("a?"):rep(300)}, {string.rep("a", 300), ("(a)"):rep(30)},
    {string.rep("a", 300), ("()"):rep(32)}, {string.rep("a", 300), ("()"):rep(33)},
    {"x", "(" .. ("()"):rep(31) .. ")"}, {"x", "(" .. ("()"):rep(32) .. ")"},
    {string.rep("a", 250), (".-"):rep(150) .. "$"}, {string.rep("a", 250), (".-"):rep(250) .. "$"},
  }
  for _, c in ipairs(fixed) do case(c[1], c[2], c[3]) end

  -- random patterns over a small alphabet
  local atoms = {"a", "b", "c", ".", "%a", "%d", "%s", "%w", "%W", "[ab]", "[^a]", "[a-c]",
    "%b()", "%f[%w]", "%f[%W]", "(", ")", "()", "%1", "%2", "$", "^", "%", "[", "]", "-",
    "*", "+", "?", "%%", "x", "1", " ", "%z", "[%d%s]"}
  local quants = {"", "", "", "*", "+", "-", "?"}
  local subjects = {"abc", "aabbcc", "a b c", "abcabc", "(a)(b)", "a1 b2 c3", "", "cba",
    "x(y(z))", "ab  12", "aaa", "b", "hello world", "a.b-c", "1a2b3c"}
  for _ = 1, 300 do
    local n = R(1, 5)
    local p = {}
    for i = 1, n do p[i] = atoms[R(#atoms)] .. quants[R(#quants)] end
    local pat = table.concat(p)
    if R(6) == 1 then pat = "^" .. pat end
    local s = subjects[R(#subjects)]
    local init = nil
    if R(5) == 1 then init = R(-8, 8) end
    case(s, pat, init)
  end

  -- plain find
  for _, c in ipairs({{"a.b", ".", 1, true}, {"a.b", ".", 1, false}, {"a+b", "+", 1, true},
      {"abc", "", 4, true}, {"abc", "", 5, true}, {"abc", "c", -1, true}, {"abcabc", "ca", 1, true},
      {"abc", "abcd", 1, true}, {"a\0b", "\0", 1, true}, {"aaa", "aa", 2, true}, {"abc", "[", 1, true},
      {"a[b", "[", 1, true}, {"a(b", "(", -10, true}}) do
    local ok, a = pcall(function()
      if string.find(c[1], c[2], c[3], c[4]) == nil then return "nil" end
      return vals(string.find(c[1], c[2], c[3], c[4]))
    end)
    line("findp", esc(c[1]), esc(c[2]), tostring(c[3]), tostring(c[4]), ok and ("R:" .. a) or err(a))
  end
  out:close()
end

---------------------------------------------------------------------------
-- format
do
  local out = assert(io.open("format.txt", "w"))
  local function line(...) out:write(table.concat({...}, "\t"), "\n") end
  local function bits(x) return string.unpack("<i8", string.pack("<d", x)) end
  local function fbits(b) return string.unpack("<d", string.pack("<i8", b)) end
  local function rnd64() return (R(0, 0xffffffff) << 32) | R(0, 0xffffffff) end

  local floats = {0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, 3.5, -2.5, 0.125, 0.375, 1e-5, 1e-4,
    123456789.0, 1e15, 1e16, 1e17, 1e21, 1e22, 1e23, 2^53, 2^63, -2^63, 2^64, 1e100, 1e300,
    1.7976931348623157e308, -1.7976931348623157e308, 2.2250738585072014e-308,
    2.225073858507201e-308, 5e-324, -5e-324, 1e-310, 0.1, 0.2, 0.3, 1/3, 2/3, math.pi, -math.pi,
    math.exp(1), 1/0, -1/0, 0/0, -(0/0), 9.5, 99.5, 999.5, 0.05, 0.005, 0.0005, 1.005, 2.675,
    1e-7, 123.456, 0.000123456, 9.9999999999999e14, 99999999999999.5, 999999.5, 9999995.0,
    1.25e-300, 4.9406564584124654e-324 * 3, 1e308 * 10, 0.1 + 0.2, 100.0, 1e6, 1e7, 65536.0,
    1 + 2^-52, 1 - 2^-53, 1 + 1/32, 1 + 3/32, 1.9, 1.99999, 255.5, 4096.0, 0.9999999,
    7.0e-10, 5.0e-5, 123e45, 6.02214076e23, 1.602176634e-19}
  for _ = 1, 60 do floats[#floats + 1] = fbits(rnd64()) end
  for _ = 1, 30 do floats[#floats + 1] = (R() - 0.5) * 10 ^ R(-20, 20) end
  for _ = 1, 20 do floats[#floats + 1] = R(-100000, 100000) / 8 end

  local convs = {"e", "E", "f", "g", "G", "a", "A"}
  local flagsets = {"", "", "", "-", "+", " ", "#", "0", "-+", "+0", " 0", "#0", "-#", "+ ", "-0+ #"}
  local widths = {"", "", "", "1", "8", "12", "25", "99"}
  local precs = {"", "", ".0", ".1", ".2", ".3", ".5", ".6", ".10", ".14", ".17", ".20", ".30", ".60", ".99", "."}
  local function fcase(fmt, x)
    local ok, r = pcall(string.format, fmt, x)
    line("F", esc(fmt), tostring(bits(x)), ok and ("R:" .. esc(r)) or err(r))
  end
  for _, x in ipairs(floats) do
    for _, c in ipairs({"%e", "%.3e", "%f", "%.2f", "%g", "%.14g", "%.17g", "%a", "%.3a", "%#g",
        "%.0f", "%.0e", "%.20f", "%.99f", "%.99e", "%.40g", "%.1g", "%.0a", "%.13a", "%.20a"}) do
      fcase(c, x)
    end
    for _ = 1, 6 do
      fcase("%" .. flagsets[R(#flagsets)] .. widths[R(#widths)] .. precs[R(#precs)] .. convs[R(#convs)], x)
    end
    line("T", tostring(bits(x)), esc(tostring(x)))
  end

  local ints = {0, 1, -1, 7, 8, 10, 255, 256, -255, 65535, 1e3 // 1, 123456789,
    math.maxinteger, math.mininteger, math.mininteger + 1, -123456789}
  for _ = 1, 40 do ints[#ints + 1] = rnd64() end
  local iconvs = {"d", "i", "u", "o", "x", "X", "c"}
  local function icase(fmt, n)
    local ok, r = pcall(string.format, fmt, n)
    line("I", esc(fmt), tostring(n), ok and ("R:" .. esc(r)) or err(r))
  end
  for _, n in ipairs(ints) do
    for _, c in ipairs(iconvs) do icase("%" .. c, n) end
    for _ = 1, 8 do
      icase("%" .. flagsets[R(#flagsets)] .. widths[R(#widths)] .. precs[R(#precs)] .. iconvs[R(#iconvs)], n)
    end
  end

  local strs = {"", "a", "hello", "hello world", string.rep("x", 99), string.rep("y", 100), "a\0b",
    "\r\n\t\0\1\0012\"\\\127\200\255", "1", "tab\there"}
  local function scase(fmt, s)
    local ok, r = pcall(string.format, fmt, s)
    line("S", esc(fmt), esc(s), ok and ("R:" .. esc(r)) or err(r))
  end
  for _, s in ipairs(strs) do
    for _, f in ipairs({"%s", "%q", "%5s", "%-5s|", "%.3s", "%10.2s", "%.0s", "%-20s|", "%.s",
        "%099s", "%.99s", "%5q", "[%s]"}) do
      scase(f, s)
    end
  end
  -- spec errors and odd specs (value 1)
  for _, f in ipairs({"%", "%5", "%y", "%F", "%5%", "%\200", "%l", "%ld", "%-+ #0d", "%-+ #0-d",
      "%------d", "%123d", "%1.123d", "%.123d", "%1.d", "%.", "%00005d", "%99.99f", "%100f",
      "%5.2\0d", "%%", "%%%d", "abc%", "%q%", "%n", "%p", "%h", "%L", "%b"}) do
    scase(f, "1")
  end
  out:close()
end

---------------------------------------------------------------------------
-- pack
do
  local out = assert(io.open("pack.txt", "w"))
  local function line(...) out:write(table.concat({...}, "\t"), "\n") end
  -- values are encoded with vals(): P<int>, F<hexfloat>, S<string>
  local function pcase(fmt, ...)
    local args = vals(...)
    local ok, r = pcall(string.pack, fmt, ...)
    line("pack", esc(fmt), args, ok and ("R:" .. esc(r)) or err(r))
    if ok then
      local ok2, r2 = pcall(function() return vals(string.unpack(fmt, r)) end)
      line("unpack", esc(fmt), esc(r), "-", ok2 and ("R:" .. r2) or err(r2))
    end
    local ok3, r3 = pcall(string.packsize, fmt)
    line("packsize", esc(fmt), ok3 and ("R:" .. r3) or err(r3))
  end
  local function ucase(fmt, data, init)
    local ok, r = pcall(function() return vals(string.unpack(fmt, data, init)) end)
    line("unpack", esc(fmt), esc(data), init and tostring(init) or "-", ok and ("R:" .. r) or err(r))
  end
  pcase("i", 1) pcase("i", -1) pcase("<i4", 0x12345678) pcase(">i4", 0x12345678) pcase("=i4", 7)
  pcase("b", 127) pcase("b", 128) pcase("b", -128) pcase("b", -129) pcase("B", 255) pcase("B", 256)
  pcase("B", -1) pcase("h", 32767) pcase("h", 32768) pcase("H", 65535) pcase("H", -1)
  pcase("l", math.mininteger) pcase("L", -1) pcase("j", math.maxinteger) pcase("J", -1)
  pcase("T", 5) pcase("i1", 1) pcase("i3", 8388607) pcase("i3", 8388608) pcase("i3", -8388608)
  pcase("I3", 16777215) pcase("I3", 16777216) pcase("i7", -1) pcase("I7", 2^56 // 1)
  pcase("i8", math.mininteger) pcase("i9", -1) pcase("i9", math.mininteger) pcase("I9", -1)
  pcase("<i16", -2) pcase(">i16", -2) pcase("<I16", -1) pcase("i12", 123456789)
  pcase("i0", 1) pcase("i17", 1) pcase("I99", 1) pcase("i", 2^53) pcase("i", 1.5) pcase("i", "12")
  pcase("i", "x") pcase("i") pcase("f", 1.5) pcase("f", 1e300) pcase("f", 0/0) pcase("f", -(0/0))
  pcase("<f", 1 / 3) pcase(">d", 1 / 3) pcase("n", -0.0) pcase("d", 1 / 0) pcase("d", "1.5")
  pcase("z", "abc") pcase("z", "a\0b") pcase("z", "") pcase("s", "abc") pcase("s1", "abc")
  pcase("s1", string.rep("x", 255)) pcase("s1", string.rep("x", 256)) pcase("s2", "hi")
  pcase(">s2", "hi") pcase("s9", "a") pcase(">s16", "a") pcase("s0", "a") pcase("s17", "a")
  pcase("c3", "ab") pcase("c3", "abc") pcase("c3", "abcd") pcase("c0", "") pcase("c0", "a")
  pcase("c", "a") pcase("c1", 1) pcase("x") pcase("xx") pcase("i1 x i1", 1, 2) pcase("y", 1)
  pcase("\200", 1) pcase("i\0 i", 1) pcase("!4 i1 i4", 1, 2) pcase("!4 i1 i8", 1, 2)
  pcase("! i1 d", 1, 2) pcase("!2 i1 i8", 1, 2) pcase("!3 i1 i4", 1, 2) pcase("!3 i1 i2", 1, 2)
  pcase("!16 i1 i16", 1, 2) pcase("!17", 1) pcase("!0", 1) pcase("! i3", 1) pcase("!8 i3", 1)
  pcase("i1 !8 i3 i8", 1, 2, 3) pcase("!8 b Xd", 1) pcase("!8 b Xi2 b", 1, 2) pcase("b X", 1)
  pcase("b Xc1", 1) pcase("b Xz", 1) pcase("b X b", 1, 2) pcase("b Xx b", 1, 2)
  pcase("b Xi17", 1) pcase("b Xy", 1) pcase("!4 b Xi8 b", 1, 2) pcase("!4 b Xs4", 1)
  pcase("<i2 >i2 =i2", 1, 2, 3) pcase("  b  ", 1) pcase("bbb", 1, 2)   -- huge sizes: packsize only (pack would build gigabytes)
  for _, f in ipairs({"c2147483640", "c2147483639", "c2147483639c8", "c2147483639 c8", "c2147483639c9",
      "c99999999999", "c1073741824c1073741823", "c1073741824c1073741824", "!8 c2147483639 d",
      "c2147483639 Xd", "c2147483632 d", "c2147483633 !8 d"}) do
    local ok3, r3 = pcall(string.packsize, f)
    line("packsize", esc(f), ok3 and ("R:" .. r3) or err(r3))
  end
  pcase("i4 z s1 c2 d", 7, "zz", "ss", "cc", 2.5) pcase("<!4 h i3 Xi4 j", 1, 2, 3)
  pcase(">!8 b h b i b j b d", 1, 2, 3, 4, 5, 6, 7, 8.5)
  -- unpack specific
  ucase("z", "abc") ucase("z", "abc\0") ucase("z ", "abc") ucase("z", "") ucase("z", "abc", 4)
  ucase("s1", "\5abc") ucase("s1", "\3abc") ucase("s1", "\255abc")
  ucase("s8", "\255\255\255\255\255\255\255\255abc") ucase(">s8", "\0\0\0\0\0\0\0\2abc")
  ucase("i4", "abc") ucase("i4", "abcd", 0) ucase("i4", "abcd", -10) ucase("i4", "abcd", -4)
  ucase("i4", "abcd", 6) ucase("i4", "abcd", 5) ucase("c0", "abcd", 5) ucase("b", "abcd", 5)
  ucase("", "abcd", 5) ucase("", "abcd", 6) ucase(" ", "abcd", 5) ucase("i16", string.rep("\255", 16))
  ucase("i16", string.rep("\255", 15) .. "\127") ucase("I9", string.rep("\255", 9))
  ucase("i9", string.rep("\255", 9)) ucase("i9", string.rep("\0", 8) .. "\128")
  ucase(">i9", "\0" .. string.rep("\255", 8)) ucase(">i9", "\255" .. string.rep("\0", 8))
  ucase("i3", "\255\255\255") ucase("I3", "\255\255\255") ucase("i1", "\128")
  ucase("!4 i1 i4", "\1\0\0\0\2\0\0\0") ucase("!4 i1 i4", "\1\0\0\0\2\0\0\0", 2)
  ucase("!4 i1 Xi4 i1", "\1\0\0\0\2\0\0\0") ucase("!8 b d", "\1\0\0\0\0\0\0\0\0\0\0\0\0\0\240\63")
  ucase("f", "\0\0\192\255") ucase("f", "\0\0\192\127") ucase("f", "\1\0\128\127")
  ucase("d", "\1\0\0\0\0\0\240\127") ucase(">d", "\63\240\0\0\0\0\0\0") ucase("c2 c2", "abcd")
  ucase("x x b", "abc") ucase("c5", "abc") ucase("s2", "\1") ucase("y", "abc") ucase("i0", "abc")
  ucase("c", "abc") ucase("X", "abc") ucase("bXi", "abcdefgh") ucase("!2 bXi bb", "abcdefgh")
  for _ = 1, 40 do
    local n = (R(0, 0xffffffff) << 32) | R(0, 0xffffffff)
    local sz = R(1, 16)
    local e = ({"<", ">", "="})[R(3)]
    pcase(e .. "i" .. sz, n) pcase(e .. "I" .. sz, n)
    local d = ""
    for _ = 1, sz do d = d .. string.char(R(0, 255)) end
    ucase(e .. "i" .. sz, d) ucase(e .. "I" .. sz, d)
  end
  out:close()
end
print("ok")
