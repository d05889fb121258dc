//! Differential tests: full `luac -l -l` listings (code, lines, constants,
//! locals with pc ranges, upvalues, nested functions) of many snippets
//! compared with `luac5.3` when it is installed (skipped otherwise).

use super::compile_src;
use super::listing::{listing, luac_listing};

/// Snippets whose listings must match the reference exactly.
pub const CORPUS: &[&str] = &[
    "print(1)",
    "local a = 1 local b = a + 2 return b",
    "local a, b, c = 1, 2",
    "local a, b = f()",
    "local a = f(), g()",
    "a, b = 1",
    "a.b.c = d.e.f",
    "local t = {} t[1], t[2] = t[2], t[1]",
    "local a, b a, b = b, a",
    "local a a, a = 1, 2",
    "local t, i t[i], i = 1, 2",
    "x = 1 + 2 * 3 - 4 / 2",
    "x = 2^53 x = 1 // 0 x = 1 % 0 x = 7 // 2 x = -7 % 3 x = 7.5 // 2",
    "x = 3 & 1 x = 3.0 | 4 x = 1.5 & 1 x = 1 << 63 x = ~0 x = ~1.5 x = - -1",
    "x = 1 - 1.0 x = 0.0 * 2 x = -0.0 x = 0/0 x = 1/0 x = -(1/0)",
    "local a = 1 x = a + 1 + 2 x = 1 + 2 + a x = a * (1 + 2)",
    "local a, b x = a .. b .. 'c' .. a",
    "local a x = a .. (a .. a)",
    "local s = 'a' .. 'b' .. 1 .. 2.5",
    "x = -y x = not y x = #y x = ~y",
    "x = not nil x = not 1 x = not not y",
    "local a, b x = a and b x = a or b x = a and b or c",
    "local a x = a == 1 x = a ~= 'x' x = a < 1 x = a <= 1 x = a > 1 x = a >= 1",
    "local a, b if a < b then x = 1 end",
    "local a, b if a and b then x = 1 elseif a or b then x = 2 else x = 3 end",
    "if not a then b() end",
    "if a == nil then b() end",
    "if true then b() end if false then b() end if nil then b() end",
    "local x = a and b or c and d",
    "x = (a or b) and (c or d)",
    "x = a and (b or c)",
    "local a = b == c",
    "local a = not (b < c)",
    "return a or b",
    "return a and 1 or 2",
    "while a do a = a.next end",
    "while true do if x then break end end",
    "repeat local x = f() until x",
    "repeat local x = f() local g = function() return x end until x",
    "for i = 1, 10 do print(i) end",
    "for i = 10, 1, -1 do print(i) end",
    "for i = 1.0, 2 do local f = function() return i end end",
    "for k, v in pairs(t) do print(k, v) end",
    "for a, b, c, d in f() do end",
    "for k in next, t do local g = function() return k end end",
    "local function f(a, b) return a + b end return f(1, 2)",
    "local function f(n) if n < 2 then return n end return f(n-1) + f(n-2) end",
    "function a.b.c:m(x) return self, x end",
    "function g(...) local a, b = ... return ... end",
    "local t = {...}",
    "local t = {f()}",
    "local t = {f(), g()}",
    "local t = {(f())}",
    "local t = {1, 2, 3, x = 1, ['y'] = 2, [3] = 4, f()}",
    "local t = {1, 2; 3, a = {b = {c = 1}}}",
    "return f()",
    "return (f())",
    "return f(), g()",
    "return ...",
    "return 1, ...",
    "local a return a",
    "local a, b return a, b",
    "return x.y:z(1, 2)",
    "obj:method('a', 'b')",
    "f{1, 2} f'str' f[[long]]",
    "local a = {} a.x.y.z = 1",
    "local u function f() u = 1 return u end",
    "local a local function f() local function g() return a end return g end",
    "local a, b, c function f() return c, b, a end",
    "do local x local function f() return x end end local y",
    "do goto l end ::l::",
    "for i = 1, 3 do local x goto c local y ::c:: end",
    "::top:: local x = 1 if x then goto top end",
    "while x do local y = function() return y end if y then break end end",
    "while x do local y = function() return y end if y then goto cont end ::cont:: end",
    "do local a = function() return a end goto out end ::out::",
    "local x = 1 x = x + 1 x = x .. 'a'",
    "local t = {} t.x = t.x + 1",
    "x = a[1] x = a['b'] x = a[b] x = a[b + 1]",
    "a[1] = nil a.b = true a[c] = false a[2.5] = 1",
    "local a = nil local b = nil local c",
    "local a local b local c = 1 local d",
    "local a, b = nil, nil",
    "local x = -2^2 local y = (-2)^2",
    "x = 9223372036854775807 + 1 x = math.maxinteger * 2",
    "x = 1e308 * 10 x = 2^1024",
    "x = 'a' + 1 x = {} .. 1",
    "x = a < b and c or d",
    "x = a == b == c",
    "f(a, b, ...)",
    "local a <const> = 1",
    "local t = setmetatable({}, {__index = function(t, k) return k end})",
    "print(('x'):rep(3))",
    "local a = {} a[#a + 1] = 1",
    "local s = 0 for i = 1, 100 do s = s + i end print(s)",
    "if a then elseif b then else end",
    "if a then else b() end",
    "if a then return end b()",
    "if a then return 1 else return 2 end",
    "local function f() end local g = function(...) end",
    "x = function(a, b, ...) return select('#', ...) end",
    "local a = 1 local function f() a = a + 1 end",
    "local a = {n = 0} function a:inc() self.n = self.n + 1 end",
    "goto done local x ::done::",
    "do ::a:: goto a end",
    "repeat if x then goto cont end local y ::cont:: until true",
    "local a = b or {} ",
    "local a = b and b.c",
    "x = a and a.b and a.b.c",
    "while not done do step() end",
    "while a and b do end",
    "while a or b do end",
    "repeat until a and b",
    "if a or b and c then f() end",
    "if not (a and b) then f() end",
    "x = (a == b) and c",
    "local t = {[1]=1, [2]=2, 3}",
    "t = {x = 1, y = 2, z = 3}",
    "local x = 'a\\n\\0\\t\"\\\\'",
    "x = 0x7fffffffffffffff x = 0xffffffffffffffff x = 1e100 x = 0.1 x = 123.456e-10",
    "x = 3 % -2 x = 3.0 % -2 x = -3 // 2.0 x = 5 // 0.0 x = 2^-1",
    "local a = {} for i = 1, 3 do a[i] = function() return i end end",
    "local z = {a\n.b, c\n:m(), d\n(1), e\n[1]\n, f\n}",
    "local t = {\n  1,\n  2,\n}\nf(\n  a,\n  b\n)\nreturn g(1,\n2\n)",
    "local x = a\n:m()\nlocal y = b\n.c\n(1)",
    "if a\nthen\nb()\nend\nfor i = 1,\n2\ndo\nend\nfor k in\npairs(t)\ndo\nend",
    "local f = function\n(a)\nreturn a end\nlocal function g\n() end",
    "t = {[a.b] = c.d, [f()] = g(), x = y.z, [1] = ..., ...}",
    "local a = {[1] = 1, [2] = 2, 1, 2, n = {}}",
    "local i = 1 while i < 10 do local j = i local f = function() return j end i = i + 1 end",
];

/// Compares one source with the reference: listings when both compile; the
/// message when the reference reports a semantic error (no `near` part).
/// Returns None when luac5.3 is missing, else the failure text if any.
fn compare(src: &str) -> Option<Option<String>> {
    compare_with(src, false)
}

/// Lines are `[N]` columns in listings; `ignore_lines` blanks them.
fn strip_lines(l: &str) -> String {
    l.lines()
        .map(|x| match (x.find("\t["), x.find("]\t")) {
            (Some(a), Some(b)) if a < b => format!("{}{}", &x[..a + 2], &x[b..]),
            _ => x.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `ignore_lines`: compile without the source (`compile`, whose line info
/// for closing tokens is approximate) and compare all but the lines;
/// otherwise compile with it and compare everything.
pub fn compare_with(src: &str, ignore_lines: bool) -> Option<Option<String>> {
    let arena = bumpalo::Bump::new();
    let Ok(block) = wlua_parser::parse(&arena, src.as_bytes(), "@t.lua") else {
        // A syntax error (the parser's business; its tests compare them).
        return Some(None);
    };
    let reference = luac_listing(src, "t.lua")?;
    let mine = if ignore_lines {
        crate::compile(&block, "@t.lua")
    } else {
        compile_src(src)
    };
    Some(match (reference, mine) {
        (Ok(r), Ok(p)) => {
            let m = listing(&p);
            let same = if ignore_lines {
                strip_lines(&m) == strip_lines(&r)
            } else {
                m == r
            };
            (!same).then(|| format!("--- luac5.3\n{r}--- wlua\n{m}"))
        }
        (Ok(_), Err(e)) => Some(format!("wlua rejects: {e}")),
        (Err(r), Ok(_)) => Some(format!("luac5.3 rejects: {r}")),
        (Err(r), Err(e)) => {
            let r = r.trim().trim_start_matches("luac5.3: ").to_string();
            let e = e.to_string();
            // Errors with a `near` token are exact only with the source.
            let exact = !ignore_lines || !r.contains(" near ");
            (exact && r != e).then(|| format!("luac5.3: {r}\nwlua:    {e}"))
        }
    })
}

/// Snippets the reference rejects with a semantic error (gotos, labels,
/// break): the message, line included, must be the reference's.
pub const ERRORS: &[&str] = &[
    "goto x",
    "do goto x end",
    "break",
    "if x then break end",
    "::a:: ::a::",
    "::a::\n\n::a::",
    "::a:: do ::a:: end",
    "goto f; local x; ::f:: print(x)",
    "goto f\nlocal x\n::f::\nprint(x)\n",
    "do goto l local a ::l:: return end",
    "repeat goto cont local y ::cont:: until true",
    "goto l do ::l:: end",
    "::l:: local function f() goto l end",
    "local function f()\n  goto x\nend\n",
    "while x do end\nbreak\n",
    "for i = 1, 2 do end goto out do ::out:: end",
    "do goto l local a ::l:: ::m:: end",
    "do goto l local a ::l:: end",
    "for i = 1, 2 do if i then goto continue end local x ::continue:: end",
    "goto a; local x; ::a:: ::b:: x = 1",
    "local x goto a ::a:: local y goto a",
    "do local x ::a:: goto a end",
    "goto e local a ::e:: do end",
    "local function f()\n  goto x\nend\n\n\nlocal y",
    "local f = function()\n  goto x\nend -- c\n\n, 1",
    "function g() do break end end",
    "::a::\n::a\n\n::",
];

#[test]
fn semantic_errors_match_luac() {
    let mut failures = Vec::new();
    for (n, src) in ERRORS.iter().enumerate() {
        match compare(src) {
            None => return,
            Some(Some(f)) => failures.push(format!("#{n} {src:?}\n{f}")),
            Some(None) => {}
        }
    }
    if !failures.is_empty() {
        panic!(
            "{} case(s) differ:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }
}

/// Limit errors (with their `near` token and line) match the reference.
#[test]
fn limit_errors_match_luac() {
    let names = |p: &str, n: usize| -> String {
        (0..n)
            .map(|i| format!("{p}{i}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut cases = vec![
        format!("local {}", names("a", 201)),
        format!("local {} = 1", names("a", 201)),
        format!("local function f()\nlocal {}\nend", names("a", 201)),
        format!("local {}\nfor i = 1, 2 do end", names("a", 198)),
        format!("local {}\nfor k, v in pairs(t) do end", names("a", 197)),
        format!("local {}\nlocal function f() end", names("a", 200)),
        format!("function f({}) end", names("p", 201)),
        format!("local {}\nfunction t:m() end", names("a", 200)),
        format!("f({})", names("1 + a", 300)),
        format!("return {}", names("a", 260)),
    ];
    let mut up = String::new();
    for i in 0..130 {
        up.push_str(&format!("local a{i} = {i}\n"));
    }
    up.push_str("local function g()\n");
    for i in 0..130 {
        up.push_str(&format!("local b{i} = {i}\n"));
    }
    up.push_str("return function() return ");
    up.push_str(&names("a", 130).replace(", ", " + "));
    up.push_str(" + ");
    up.push_str(&names("b", 130).replace(", ", " .. "));
    up.push_str(" end\nend");
    cases.push(up);
    let mut failures = Vec::new();
    for src in &cases {
        match compare(src) {
            None => return,
            Some(Some(f)) => failures.push(format!("{}...\n{f}", &src[..src.len().min(60)])),
            Some(None) => {}
        }
    }
    if !failures.is_empty() {
        panic!(
            "{} case(s) differ:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }
}

#[test]
fn listings_match_luac() {
    let mut failures = Vec::new();
    for (n, src) in CORPUS.iter().enumerate() {
        match compare(src) {
            None => {
                eprintln!("luac5.3 not installed: skipping reference comparison");
                return;
            }
            Some(Some(f)) => failures.push(format!("#{n} {src:?}\n{f}")),
            Some(None) => {}
        }
    }
    if !failures.is_empty() {
        panic!(
            "{} listing(s) differ:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }
}

/// Every Lua script of the repository (conformance tests, benchmarks) that
/// the test parser can read compiles exactly as with luac5.3.
#[test]
fn repository_scripts_match_luac() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    let mut dirs = vec![
        root.join("tests/lua"),
        root.join("benches/lua"),
        root.join("../shared/bench/programs"),
    ];
    while let Some(d) = dirs.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "lua") {
                files.push(p);
            }
        }
    }
    files.sort();
    let mut failures = Vec::new();
    let mut compared = 0;
    for f in &files {
        let Ok(src) = std::fs::read_to_string(f) else {
            continue;
        };
        if wlua_parser::parse(&bumpalo::Bump::new(), src.as_bytes(), "@t.lua").is_err() {
            continue;
        }
        for ignore_lines in [false, true] {
            match compare_with(&src, ignore_lines) {
                None => return,
                Some(Some(diff)) => failures.push(format!(
                    "{}{}\n{}",
                    f.display(),
                    if ignore_lines {
                        " (without source)"
                    } else {
                        ""
                    },
                    first_diff(&diff)
                )),
                Some(None) => {}
            }
        }
        compared += 1;
    }
    eprintln!("compared {compared} of {} scripts", files.len());
    if !failures.is_empty() {
        panic!(
            "{} script(s) differ:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }
}

/// The first differing lines of a `--- luac5.3 / --- wlua` report.
pub fn first_diff(report: &str) -> String {
    let Some((r, m)) = report.split_once("--- wlua\n") else {
        return report.to_string();
    };
    let r = r.trim_start_matches("--- luac5.3\n");
    for (i, (a, b)) in r.lines().zip(m.lines()).enumerate() {
        if a != b {
            let ctx: Vec<&str> = r.lines().skip(i.saturating_sub(3)).take(4).collect();
            return format!(
                "  line {i}: luac: {a:?}\n           wlua: {b:?}\n  context:\n    {}",
                ctx.join("\n    ")
            );
        }
    }
    format!(
        "  lengths differ ({} vs {} lines)",
        r.lines().count(),
        m.lines().count()
    )
}

/// Prints both listings of a file named by WLUA_DIFF (debugging aid).
#[test]
fn diff_one_file() {
    let Ok(path) = std::env::var("WLUA_DIFF") else {
        return;
    };
    let src = std::fs::read_to_string(path).unwrap();
    let mine = listing(&compile_src(&src).unwrap());
    let theirs = luac_listing(&src, "t.lua").unwrap().unwrap();
    std::fs::write("/tmp/wlua.lst", mine).unwrap();
    std::fs::write("/tmp/luac.lst", theirs).unwrap();
}
