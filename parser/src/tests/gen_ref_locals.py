#!/usr/bin/env python3
"""Regenerates ref_locals.rs: the limits on local variables (200 declared per
function) and upvalues (255 per function), as `luac5.3 -p t.lua` reports
them. A source is a list of segments (text, count): the text repeated count
times, with `#` replaced by the repetition's index (1-based) for distinct
names. Each case records the reference's message for the source as is and
for the source followed by a syntax error (BAD), which makes the parser's
diagnoser decide (the reference stops at the earliest error).
Run from this directory: python3 gen_ref_locals.py > ref_locals.rs"""
import subprocess, tempfile, os

BAD = "\nx = = 1"

def names(p, n):
    return [(p + "#, ", n - 1), (p + str(n), 1)]

CASES = [
    # numeric for: 4 locals declared at '='
    [("for i = 1, 1 do ", 49), ("end ", 49)],
    [("for i = 1, 1 do ", 50), ("end ", 50)],
    [("for i = 1, 1 do ", 51), ("end ", 51)],
    [("for i = 1, 1 do ", 1000), ("end ", 1000)],
    [("for i = 1, 1 do\n", 60), ("end\n", 60)],
    [("for i = 1, 2, 3 do ", 51), ("end ", 51)],
    # generic for: 3 hidden + the names, before 'in'
    [("for k, v in pairs(t) do ", 40), ("end ", 40)],
    [("for k, v in pairs(t) do ", 41), ("end ", 41)],
    [("for k in next, t do ", 51), ("end ", 51)],
    [("for a, b, c in x do ", 1000)],
    [("local a ", 194), ("for x, y, z in p do end", 1)],
    [("local a ", 195), ("for x, y, z in p do end", 1)],
    [("local a ", 196), ("for x, y, z in p do end", 1)],
    [("local a ", 197), ("for x, y, z in p do end", 1)],
    [("local a ", 198), ("for x, y, z in p do end", 1)],
    [("local a ", 196), ("for x, y, 1 in p do end", 1)],
    [("local a ", 197), ("for x, y, z = p do end", 1)],
    [("local a ", 197), ("for x = 1, 2 do end", 1)],
    [("local a ", 196), ("for x = 1, 2 do end", 1)],
    [("local a ", 196), ("for x, 1 do end", 1)],
    [("local a ", 197), ("for x, 1 do end", 1)],
    # local statements: every name declared as it is read
    [("local a", 1), (", a", 199), (" = 1", 1)],
    [("local a", 1), (", a", 200), (" = 1", 1)],
    [("local a", 1), (", a", 201), (" = 1", 1)],
    [("local a", 1), (",\na", 205), ("\n= 1", 1)],
    [("local a ", 200)],
    [("local a ", 201)],
    [("local a = 1; ", 201)],
    [("local a ", 199), ("local b = function() local c end", 1)],
    [("local a ", 199), ("local b, c = 1", 1)],
    [("do local a ", 150), ("end ", 150)],
    [("do local a ", 201), ("end ", 201)],
    [("while x do local a, b ", 1000)],
    [("repeat local a, b, c ", 1000)],
    [("repeat local a, b, c, d ", 49), ("until x ", 49)],
    [("repeat local a, b, c, d ", 51), ("until x ", 51)],
    [("if x then local a, b, c, d ", 51), ("end ", 51)],
    [("if x then else local a, b, c, d ", 51), ("end ", 51)],
    [("if x then goto l; local a ", 201), ("end ", 201)],
    # local functions
    [("local function f() end\n", 200)],
    [("local function f() end\n", 201)],
    [("local a ", 199), ("local function f(", 1)],
    # parameters (and self)
    [("function f(", 1)] + names("p", 200) + [(") end", 1)],
    [("function f(", 1)] + names("p", 201) + [(") end", 1)],
    [("function t:f(", 1)] + names("p", 199) + [(") end", 1)],
    [("function t:f(", 1)] + names("p", 200) + [(") end", 1)],
    [("local x = function(", 1)] + names("p", 201) + [(", ...) end", 1)],
    [("local x = 1\nfunction f()\n local a", 1), (", a", 200), ("\nend", 1)],
    [("local a ", 150), ("local b = function()\n local a", 1), (", a", 200), ("\nend", 1)],
    # scopes end: siblings are fine
    [("for i = 1, 2 do local a, b, c, d, e, f, g, h, i, j end\n", 30), ("local a ", 190),
     ("do local b, c, d, e, f, g, h, i, j, k end", 1)],
    [("local function f(a, b, c, d, e) local g, h end\n", 40), ("local a ", 159)],
    [("if x then local a, b, c ", 1), ("local a ", 196), ("elseif y then local b ", 1), ("local a ", 199),
     ("else local c ", 1), ("local a ", 199), ("end ", 1), ("local a ", 200)],
    [("repeat local a ", 1), ("local a ", 199), ("until a ", 1), ("local a ", 200)],
    [("do local a ", 100), ("end ", 100), ("local a ", 200)],
    [("do local a ", 100), ("end ", 100), ("local a ", 201)],
    # nested functions each have their own 200
    [("local function f()\n local a, b, c, d, e\n", 60), ("end\n", 60)],
    [("x = function()\n local a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t\n", 60), ("end\n", 60)],
    [("local function f()\n local a\n", 30), ("local z ", 201), ("end\n", 30)],
    # ordering with other errors
    [("for i = 1, 1 do ", 10), ("x = = 1 ", 1), ("for i = 1, 1 do ", 1000)],
    [("for i = 1, 1 do ", 49), ("for i = = 1 do", 1)],
    [("for i = 1, 1 do ", 49), ("for i, = 1 do", 1)],
    [("for i = 1, 1 do ", 49), ("for i \"abc", 1)],
    [("local a ", 199), ("do ", 1000)],
    [("local a ", 201), ("do ", 1000)],
    [("do ", 150), ("local a ", 201)],
    [("do ", 198), ("local a ", 201)],
    [("local a, b, c = ", 1), ("(", 1000)],
    # upvalues: at most 255 per function, created outermost first
    [("local a# ", 150), ("\nlocal function g()\n", 1), ("local b# ", 105),
     ("\nreturn function() return 0", 1), (" + a#", 150), (" + b#", 105), (" end\nend", 1)],
    [("local a# ", 150), ("\nlocal function g()\n", 1), ("local b# ", 106),
     ("\nreturn function() return 0", 1), (" + a#", 150), (" + b#", 106), (" end\nend", 1)],
    [("local a# ", 150), ("\nlocal function g()\n", 1), ("local b# ", 150),
     ("\nreturn function() return 0", 1), (" + a#", 150), (" + b#", 150), (" end\nend", 1)],
    [("local a# ", 199), ("\nlocal function g()\n", 1), ("local b# ", 55),
     ("\nreturn function() return 0", 1), (" + a#", 199), (" + b#", 55), (" + zz end\nend", 1)],
    [("local a# ", 199), ("\nlocal function g()\n", 1), ("local b# ", 56),
     ("\nreturn function() return 0", 1), (" + a#", 199), (" + b#", 56), (" + zz end\nend", 1)],
    [("local a# ", 199), ("\nlocal function g()\n", 1), ("local b# ", 60),
     ("\nreturn function() local function h() return 0", 1), (" + a#", 199), (" + b#", 60), (" end end\nend", 1)],
    [("local a# ", 199), ("\nlocal function g()\n", 1), ("local b# ", 60),
     ("\nreturn function() x = 0", 1), (" + a#", 199), (" + b#", 54),
     ("\nfunction b55.x:y() end function b56.x() end end\nend", 1)],
    [("local a# ", 199), ("\nlocal function g()\n", 1), ("local b# ", 60),
     ("\nreturn function(", 1), ("b#, ", 60), ("c) return 0", 1), (" + a#", 199), (" + b#", 60), (" end\nend", 1)],
    [("local a# ", 199), ("\nlocal function g()\n", 1), ("local b# ", 60),
     ("\nreturn function() local b1 = 0", 1), (" + a#", 199), (" + b#", 60), (" end\nend", 1)],
    [("local a# ", 199), ("\nlocal function g()\n", 1), ("local b# ", 60),
     ("\nreturn function() repeat local b1 = 1 until 0", 1), (" + a#", 199), (" + b#", 60), (" end\nend", 1)],
    [("local a# ", 199), ("\nlocal function g()\n", 1), ("local b# ", 60),
     ("\nreturn function() local _ENV = {}; x = 0", 1), (" + a#", 199), (" + b#", 55), (" end\nend", 1)],
]

def build(segs):
    out = []
    for text, n in segs:
        for i in range(1, n + 1):
            out.append(text.replace("#", str(i)))
    return "".join(out)

def run(src):
    with tempfile.TemporaryDirectory() as d:
        open(os.path.join(d, 't.lua'), 'wb').write(src.encode())
        r = subprocess.run(['luac5.3', '-p', 't.lua'], capture_output=True, cwd=d)
        msg = r.stderr.rstrip(b'\n')
        if msg.startswith(b'luac5.3: '): msg = msg[9:]
        return msg.decode()

def esc(s):
    return s.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n')

print('//! Generated by gen_ref_locals.py from luac5.3 -p: sources as segments')
print('//! (text, count; `#` is the repetition index), the message for the')
print('//! source and for the source followed by `BAD`.')
print('pub const BAD: &str = "%s";' % esc(BAD))
print('pub const REF_LOCALS: &[(&[(&str, usize)], &str, &str)] = &[')
for segs in CASES:
    src = build(segs)
    print('    (&[%s], "%s", "%s"),' % (
        ', '.join('("%s", %d)' % (esc(t), n) for t, n in segs),
        esc(run(src)), esc(run(src + BAD))))
print('];')
