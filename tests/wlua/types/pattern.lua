-- @pattern(re): RE2 syntax (the regex crate), unanchored unless the pattern
-- anchors itself, compiled when the declaration runs.
local json = require("json")
local function fails(T, v, msg)
  local ok, err = T:is(v)
  assert(ok == nil, "expected failure")
  assert(errors.is(err, errors.INVALID))
  assert(err:message() == msg, "got: " .. err:message())
  local pok, perr = pcall(T, v)
  assert(not pok and perr:message() == msg)
end
local function passes(T, v)
  local r, err = T:is(v)
  assert(err == nil and r == v, err and err:message())
  assert(T(v) == v)
end
local function checkerror(msg, f, ...)
  local ok, err = pcall(f, ...)
  assert(not ok, "expected an error")
  assert(tostring(err):find(msg, 1, true), "got: " .. tostring(err))
end

type Slug = string @pattern("^[a-z0-9-]+$")
passes(Slug, "hello-world-2")
fails(Slug, "Hello", 'expected a match of /^[a-z0-9-]+$/, got "Hello"')
fails(Slug, "", 'expected a match of /^[a-z0-9-]+$/, got ""')
-- the structural check comes first
fails(Slug, 5, "expected string, got number")
fails(Slug, nil, "expected string, got nil")

-- unanchored: a match anywhere passes
type HasDigit = string @pattern("[0-9]")
passes(HasDigit, "abc1def")
fails(HasDigit, "abc", 'expected a match of /[0-9]/, got "abc"')
-- anchored at one end only
type Prefixed = string @pattern("^v")
passes(Prefixed, "v1.2")
fails(Prefixed, "1.2v", 'expected a match of /^v/, got "1.2v"')

-- RE2 syntax: escapes, repetition counts, flags, alternation
type Code = string @pattern("^\\w{2}-\\d{3}$")
passes(Code, "ab-123")
fails(Code, "ab-12", 'expected a match of /^\\w{2}-\\d{3}$/, got "ab-12"')
type Yes = string @pattern("(?i)^(yes|y)$")
passes(Yes, "YES")
passes(Yes, "y")
fails(Yes, "yess", 'expected a match of /(?i)^(yes|y)$/, got "yess"')
-- a long bracket string keeps backslashes as written
type Dotted = string @pattern([[^\d+\.\d+$]])
passes(Dotted, "1.25")
fails(Dotted, "1x25", 'expected a match of /^\\d+\\.\\d+$/, got "1x25"')
-- UTF-8 text: `.` is one character
type OneChar = string @pattern("^.$")
passes(OneChar, "é")
fails(OneChar, "ab", 'expected a match of /^.$/, got "ab"')

-- with other validators, in records, arrays and unions, with paths
type User = {
  email: string @pattern("^[^@]+@[^@]+$") @max_len(12),
  tags: {string @pattern("^#")},
  id: integer @min(1) | string @pattern("^u-"),
}
passes(User, {email = "a@b", tags = {"#x"}, id = 3})
passes(User, {email = "a@b", tags = {}, id = "u-7"})
fails(User, {email = "ab", tags = {}, id = 1}, 'email: expected a match of /^[^@]+@[^@]+$/, got "ab"')
fails(User, {email = "abcdefgh@ijkl", tags = {}, id = 1}, "email: expected length <= 12, got length 13")
fails(User, {email = "a@b", tags = {"#a", "b"}, id = 1}, 'tags[2]: expected a match of /^#/, got "b"')
-- a union reports the member whose type matched and whose validator failed
fails(User, {email = "a@b", tags = {}, id = "x-1"}, 'id: expected a match of /^u-/, got "x-1"')
fails(User, {email = "a@b", tags = {}, id = 0}, "id: expected >= 1, got 0")
fails(User, {email = "a@b", tags = {}, id = true},
  'id: expected integer @min(1) | string @pattern("^u-"), got boolean')

-- the canonical spelling and the JSON Schema show the pattern
assert(tostring(User.email) == 'string @pattern("^[^@]+@[^@]+$") @max_len(12)')
assert(tostring(Code:json_schema()["$defs"].Code.pattern) == "^\\w{2}-\\d{3}$")
assert(json.encode(User:json_schema()["$defs"].User.properties.email) ==
  '{"maxLength":12,"pattern":"^[^@]+@[^@]+$","type":"string"}')
assert(json.encode(User:json_schema()["$defs"].User.properties.tags) ==
  '{"items":{"pattern":"^#","type":"string"},"type":"array"}')

-- equal patterns make equal types, different ones do not
type S1 = {v: string @pattern("^a")}
type S2 = {v: string @pattern("^a")}
type S3 = {v: string @pattern("^b")}
assert(rawequal(S1.v, S2.v) and S1.v ~= S3.v)

-- a bad pattern is an error where the declaration runs, with the reason
local function decl(src) return assert(load(src)) end
checkerror('type Bad: @pattern("a("): unclosed group', decl('type Bad = string @pattern("a(")'))
checkerror('type Bad: @pattern("[z-a]"): invalid character class range, the start must be <= the end',
  decl('type Bad = string @pattern("[z-a]")'))
checkerror('type Bad: @pattern("(?=a)"): look-around, including look-ahead and look-behind, is not supported',
  decl('type Bad = string @pattern("(?=a)")'))
checkerror('type Bad: @pattern("(a)\\\\1"): backreferences are not supported',
  decl('type Bad = string @pattern("(a)\\\\1")'))
checkerror('type Bad: @pattern("\\\\p{Nope}"): Unicode property not found',
  decl('type Bad = string @pattern("\\\\p{Nope}")'))
checkerror("type Bad: bad arguments to @pattern", decl("type Bad = string @pattern(5)"))
checkerror("type Bad: bad arguments to @pattern", decl("type Bad = string @pattern()"))
checkerror("type Bad: bad arguments to @pattern", decl('type Bad = string @pattern("a", "b")'))
checkerror('type Bad: @pattern: the pattern is not UTF-8', decl('type Bad = string @pattern("\\255")'))
-- nested in a field: the declaration still names itself
checkerror('type Rec: @pattern("("): unclosed group', decl('type Rec = {a: {b: string @pattern("(")}}'))
-- the error is raised only when the declaration runs
local later = decl('if ... then type Late = string @pattern("(") end return true')
assert(later(false) == true)
checkerror('type Late: @pattern("("): unclosed group', later, true)
