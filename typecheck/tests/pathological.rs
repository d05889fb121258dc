//! Pathological inputs, generated here: wide unions, deep and shared
//! types, long alias chains, huge intersections and records, many generic
//! instantiations, cycles. Each must either be checked correctly (the
//! planted error reported where it is) or get a located "too complex"
//! E0011 there: never silence, never a hang, never a panic. (How the
//! cost grows with the size is measured, not asserted: BENCHMARKS.md.)

use std::fmt::Write;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use wlua_typecheck::{Checked, diag::line_col};

/// `(line, code, message)` of each diagnostic, and the time the check
/// took; checked on a large-stack thread as the CLI does. A check that
/// runs past `limit` fails the test (a hang).
fn check(src: &str, limit: Duration) -> (Vec<(usize, String, String)>, Duration) {
    let (tx, rx) = mpsc::channel();
    let owned = src.to_string();
    std::thread::Builder::new()
        .stack_size(wlua_typecheck::STACK)
        .spawn(move || {
            let t = Instant::now();
            let r = wlua_typecheck::check_source(owned.as_bytes(), "@p.lua");
            let took = t.elapsed();
            let ds = match r {
                Checked::Syntax(e) => vec![(e.line as usize, "P0001".into(), e.message)],
                Checked::Types(ds) => ds
                    .iter()
                    .map(|d| {
                        (
                            line_col(&owned, d.span.start).0,
                            d.code.to_string(),
                            d.message.clone(),
                        )
                    })
                    .collect(),
            };
            let _ = tx.send((ds, took));
        })
        .unwrap();
    match rx.recv_timeout(limit) {
        Ok(r) => r,
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("no answer in {limit:?}: a hang"),
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("the checker panicked"),
    }
}

const LIMIT: Duration = Duration::from_secs(60);

/// The line `needle` is on (1-based).
fn line_of(src: &str, needle: &str) -> usize {
    src.lines()
        .position(|l| l.contains(needle))
        .map(|i| i + 1)
        .unwrap_or_else(|| panic!("no line with {needle:?}"))
}

/// On `line` there is a diagnostic whose message contains `want`, or a
/// located too-complex one.
fn reported(ds: &[(usize, String, String)], line: usize, want: &str) -> bool {
    ds.iter()
        .any(|(l, c, m)| *l == line && (m.contains(want) || c == "E0011"))
}

/// Nothing reported on `line`.
fn quiet(ds: &[(usize, String, String)], line: usize) -> bool {
    !ds.iter().any(|(l, _, _)| *l == line)
}

/// `(line, code, message)` of each diagnostic.
type Diags = [(usize, String, String)];

/// A case: its source at size `n`, and what must hold of the result.
struct Case {
    name: &'static str,
    source: fn(usize) -> String,
    verify: fn(&str, &Diags) -> Result<(), String>,
    /// A size that takes a measurable time.
    n: usize,
}

fn expect(ok: bool, what: &str, ds: &[(usize, String, String)]) -> Result<(), String> {
    if ok {
        Ok(())
    } else {
        let shown: Vec<String> = ds
            .iter()
            .take(8)
            .map(|(l, c, m)| format!("{l}: {c} {}", m.chars().take(160).collect::<String>()))
            .collect();
        Err(format!("{what}; got {shown:#?}"))
    }
}

fn wide_union(n: usize) -> String {
    let mut s = String::from("type T = ");
    for i in 0..n {
        if i > 0 {
            s.push_str(" | ");
        }
        let _ = write!(s, "\"s{i}\"");
    }
    s.push_str(
        "\nlocal bad: T = \"zz\"\nlocal good: T = \"s7\"\n\
         local function f(x: T): T return x end\nf(\"nope\")\n\
         local o: T? = nil\nlocal function g(v: unknown) if T:is(v) then local w: T = v print(w) end end\n\
         local function h(x: T): string if x == \"s3\" then return x end return \"s1\" end\n\
         print(bad, good, o, g, h)\n",
    );
    s
}

fn wide_union_ok(src: &str, ds: &[(usize, String, String)]) -> Result<(), String> {
    let bad = line_of(src, "local bad");
    let call = line_of(src, "f(\"nope\")");
    expect(
        reported(ds, bad, "local 'bad': expected T, got \"zz\"")
            && reported(ds, call, "argument #1 of 'f': expected T, got \"nope\"")
            && ds.len() == 2,
        "the two bad values, by the alias name, and nothing else",
        ds,
    )
}

fn inline_union(n: usize) -> String {
    let mut s = String::from("local x: ");
    for i in 0..n {
        if i > 0 {
            s.push_str(" | ");
        }
        let _ = write!(s, "{i}");
    }
    s.push_str(" = \"no\"\nprint(x)\n");
    s
}

fn inline_union_ok(src: &str, ds: &[(usize, String, String)]) -> Result<(), String> {
    let _ = src;
    let ok = ds.len() == 1 && ds[0].0 == 1 && {
        let m = &ds[0].2;
        m.starts_with("local 'x': expected 0 | 1 | 2 | ... (") && m.len() < 120
    };
    expect(ok, "one short message naming the size", ds)
}

fn tagged_union(n: usize) -> String {
    let mut s = String::from("type S = ");
    for i in 0..n {
        if i > 0 {
            s.push_str(" | ");
        }
        let _ = write!(s, "{{kind: \"k{i}\", v{i}: integer}}");
    }
    s.push_str(
        "\nlocal a: S = {kind = \"k5\", v5 = 1}\nlocal b: S = {kind = \"k5\", v5 = \"x\"}\n\
         local c: S = {kind = \"nope\"}\n\
         local function f(s: S): integer if s.kind == \"k3\" then return s.v3 end return 0 end\n\
         print(a, b, c, f)\n",
    );
    s
}

fn tagged_union_ok(src: &str, ds: &[(usize, String, String)]) -> Result<(), String> {
    let b = line_of(src, "local b");
    let c = line_of(src, "local c");
    expect(
        reported(ds, b, "field 'v5': expected integer, got string")
            && reported(ds, c, "\"nope\" matches no member of S")
            && quiet(ds, line_of(src, "local a"))
            && quiet(ds, line_of(src, "local function f")),
        "the bad member and the bad tag",
        ds,
    )
}

fn deep_records(n: usize) -> String {
    let mut s = String::from("type D0 = {v: integer}\n");
    for i in 1..n {
        let _ = writeln!(s, "type D{i} = {{a: D{}}}", i - 1);
    }
    s.push_str("type E0 = {v: string}\n");
    for i in 1..n {
        let _ = writeln!(s, "type E{i} = {{a: E{}}}", i - 1);
    }
    let _ = writeln!(
        s,
        "local function f(x: D{m}): E{m} return x end\nlocal function g(x: D{m}): D{m} return x end\nprint(f, g)",
        m = n - 1
    );
    s
}

fn deep_records_ok(src: &str, ds: &[(usize, String, String)]) -> Result<(), String> {
    let f = line_of(src, "local function f");
    expect(
        reported(ds, f, "expected string, got integer")
            && quiet(ds, line_of(src, "local function g"))
            && ds.len() == 1,
        "the mismatch at the bottom (or too complex) where f returns",
        ds,
    )
}

fn deep_arrays(n: usize) -> String {
    // Nesting through aliases: each level one array deeper.
    let mut s = String::from("type A0 = {integer}\ntype B0 = {string}\n");
    for i in 1..n {
        let _ = writeln!(s, "type A{i} = {{A{}}}\ntype B{i} = {{B{}}}", i - 1, i - 1);
    }
    let _ = writeln!(
        s,
        "local function f(x: A{m}): B{m} return x end\nprint(f)",
        m = n - 1
    );
    s
}

fn deep_arrays_ok(src: &str, ds: &[(usize, String, String)]) -> Result<(), String> {
    let f = line_of(src, "local function f");
    expect(
        reported(ds, f, "expected string, got integer") && ds.len() == 1,
        "the element mismatch (or too complex) where f returns",
        ds,
    )
}

fn shared_dag(n: usize) -> String {
    // Each level uses the previous one twice: 2^n paths, n types.
    let _ = n;
    let mut s = String::from("type U0 = {x: integer} | {y: integer}\n");
    for i in 1..40 {
        let _ = writeln!(
            s,
            "type U{i} = {{a: U{p}, b: U{p}}} | {{c: U{p}}}",
            p = i - 1
        );
    }
    s.push_str("type W0 = {x: integer} | {y: string}\n");
    for i in 1..40 {
        let _ = writeln!(
            s,
            "type W{i} = {{a: W{p}, b: W{p}}} | {{c: W{p}}}",
            p = i - 1
        );
    }
    s.push_str(
        "local function same(u: U39): U39 return u end\n\
         local function other(u: U39): W39 return u end\nprint(same, other)\n",
    );
    s
}

fn shared_dag_ok(src: &str, ds: &[(usize, String, String)]) -> Result<(), String> {
    let other = line_of(src, "local function other");
    expect(
        reported(ds, other, "expected W39")
            && quiet(ds, line_of(src, "local function same"))
            && ds.len() == 1,
        "the mismatch of W39, found without unfolding every path",
        ds,
    )
}

fn alias_chain(n: usize) -> String {
    let mut s = String::from("type A0 = {v: integer}\n");
    for i in 1..n {
        let _ = writeln!(s, "type A{i} = A{}", i - 1);
    }
    let _ = writeln!(s, "local a: A{} = {{v = \"x\"}}\nprint(a)", n - 1);
    s
}

fn alias_chain_ok(src: &str, ds: &[(usize, String, String)]) -> Result<(), String> {
    let a = line_of(src, "local a");
    expect(
        reported(ds, a, "field 'v': expected integer, got string") && ds.len() == 1,
        "the bad field through the chain",
        ds,
    )
}

fn reverse_alias_chain(n: usize) -> String {
    // Each alias names the next one, declared later.
    let mut s = String::new();
    for i in 0..n - 1 {
        let _ = writeln!(s, "type A{i} = A{}", i + 1);
    }
    let _ = writeln!(
        s,
        "type A{} = {{v: integer}}\nlocal a: A0 = {{v = \"x\"}}\nprint(a)",
        n - 1
    );
    s
}

fn intersection(n: usize) -> String {
    let mut s = String::from("type I = ");
    for i in 0..n {
        if i > 0 {
            s.push_str(" & ");
        }
        let _ = write!(s, "{{f{i}: integer}}");
    }
    s.push_str("\nlocal full: I = {");
    for i in 0..n {
        let _ = write!(s, "f{i} = {i}, ");
    }
    s.push_str("}\nlocal bad: I = {f0 = \"x\"}\nprint(full, bad, full.f3 + 1)\n");
    s
}

fn intersection_ok(src: &str, ds: &[(usize, String, String)]) -> Result<(), String> {
    let bad = line_of(src, "local bad");
    let fields = ds.iter().filter(|(l, _, _)| *l == bad).count();
    expect(
        reported(ds, bad, "field 'f0': expected integer, got string")
            && reported(ds, bad, "more missing fields of")
            && fields <= 10
            && quiet(ds, line_of(src, "local full")),
        "the bad field, a few missing ones by name and a count",
        ds,
    )
}

fn wide_record(n: usize) -> String {
    let mut s = String::from("type R = {");
    for i in 0..n {
        let _ = write!(s, "f{i}: integer, ");
    }
    s.push_str("}\nlocal r: R = {");
    for i in 0..n {
        let _ = write!(s, "f{i} = {i}, ");
    }
    let _ = writeln!(
        s,
        "}}\nlocal bad: R = {{f{} = \"x\"}}\nprint(r.f{} + 1)\nprint(r.nope)",
        n - 1,
        n / 2
    );
    s
}

fn wide_record_ok(src: &str, ds: &[(usize, String, String)]) -> Result<(), String> {
    let bad = line_of(src, "local bad");
    let nope = line_of(src, "r.nope");
    expect(
        reported(ds, bad, "expected integer, got string")
            && reported(ds, nope, "field 'nope' does not exist on R")
            && quiet(ds, line_of(src, "local r")),
        "the bad field and the unknown one",
        ds,
    )
}

fn generic_chain(n: usize) -> String {
    let mut s = String::from("type Box<T> = {value: T}\ntype B0 = Box<integer>\n");
    for i in 1..n {
        let _ = writeln!(s, "type B{i} = Box<B{}>", i - 1);
    }
    let _ = writeln!(s, "local b: B{} = {{value = 5}}\nprint(b)", n - 1);
    s
}

fn generic_chain_ok(src: &str, ds: &[(usize, String, String)]) -> Result<(), String> {
    let b = line_of(src, "local b");
    let short = ds.iter().all(|(_, _, m)| m.len() < 400);
    expect(
        reported(ds, b, "field 'value'") && ds.len() == 1 && short,
        "one short message for the bad value",
        ds,
    )
}

fn many_instantiations(n: usize) -> String {
    let mut s = String::from("type Box<T> = {value: T}\ntype Pair<A, B> = {a: A, b: B}\n");
    for i in 0..n {
        let _ = writeln!(
            s,
            "local p{i}: Pair<Box<integer>, Box<string>> = {{a = {{value = {i}}}, b = {{value = \"s\"}}}}"
        );
    }
    s.push_str(
        "local bad: Pair<Box<integer>, Box<string>> = {a = {value = \"x\"}, b = {value = \"s\"}}\n",
    );
    s
}

fn many_instantiations_ok(src: &str, ds: &[(usize, String, String)]) -> Result<(), String> {
    let bad = line_of(src, "local bad");
    expect(
        reported(ds, bad, "field 'a.value': expected integer, got string") && ds.len() == 1,
        "only the bad instance",
        ds,
    )
}

fn ring(n: usize) -> String {
    // Two rings of mutually recursive records, alike; a third unlike.
    let mut s = String::new();
    for i in 0..n {
        let _ = writeln!(s, "type C{i} = {{next: C{}?, v: integer}}", (i + 1) % n);
    }
    for i in 0..n {
        let _ = writeln!(s, "type K{i} = {{next: K{}?, v: integer}}", (i + 1) % n);
    }
    for i in 0..n {
        let _ = writeln!(s, "type Z{i} = {{next: Z{}?, v: string}}", (i + 1) % n);
    }
    s.push_str(
        "local function same(x: C0): K0 return x end\n\
         local function other(x: C0): Z0 return x end\nprint(same, other)\n",
    );
    s
}

fn ring_ok(src: &str, ds: &[(usize, String, String)]) -> Result<(), String> {
    let same = line_of(src, "local function same");
    let other = line_of(src, "local function other");
    // Alike rings: fine, or too complex for a long ring; never a mismatch.
    let same_ok = ds.iter().all(|(l, c, _)| *l != same || c == "E0011");
    expect(
        reported(ds, other, "expected string, got integer") && same_ok,
        "the unlike ring reported, the alike one not a mismatch",
        ds,
    )
}

fn many_unions_merged(n: usize) -> String {
    // Narrowing and merging a wide union at every branch.
    let mut s = String::from("type T = ");
    for i in 0..200 {
        if i > 0 {
            s.push_str(" | ");
        }
        let _ = write!(s, "\"m{i}\"");
    }
    s.push_str("\nlocal function f(x: T?): T\n");
    for i in 0..n {
        let _ = writeln!(s, "  if x == \"m{}\" then print({i}) end", i % 200);
    }
    s.push_str("  if x then return x end\n  return 5\nend\nprint(f)\n");
    s
}

fn many_unions_merged_ok(src: &str, ds: &[(usize, String, String)]) -> Result<(), String> {
    let r = line_of(src, "return 5");
    expect(
        reported(ds, r, "return value: expected T, got 5") && ds.len() == 1,
        "only the bad return",
        ds,
    )
}

fn shared_generic(n: usize) -> String {
    // Four-way sharing at each of 30 levels, built twice apart; met by
    // generic calls, narrowing and assignment.
    let _ = n;
    let mut s = String::from(
        "type P<X> = {a: X, b: X, c: X, d: X}\ntype Q0 = {v: integer}\ntype S0 = {v: integer}\n",
    );
    for i in 1..30 {
        let _ = writeln!(s, "type Q{i} = P<Q{p}>\ntype S{i} = P<S{p}>", p = i - 1);
    }
    s.push_str(
        "local function id<T>(x: T): T return x end\n\
         local function f(q: Q29, u: unknown)\n\
         local r: Q29 = id(q)\n\
         local s: S29 = q\n\
         if Q29:is(u) then local w: Q29 = u print(w) end\n\
         local bad: integer = id(q)\n\
         print(r, s)\nend\nprint(f)\n",
    );
    s
}

fn shared_generic_ok(src: &str, ds: &[(usize, String, String)]) -> Result<(), String> {
    let bad = line_of(src, "local bad");
    expect(
        reported(ds, bad, "local 'bad': expected integer, got Q29") && ds.len() == 1,
        "only the bad assignment",
        ds,
    )
}

const CASES: &[Case] = &[
    Case {
        name: "wide literal union",
        source: wide_union,
        verify: wide_union_ok,
        n: 20_000,
    },
    Case {
        name: "wide inline union in a message",
        source: inline_union,
        verify: inline_union_ok,
        n: 20_000,
    },
    Case {
        name: "wide tagged union of records",
        source: tagged_union,
        verify: tagged_union_ok,
        n: 2_000,
    },
    Case {
        name: "records nested through aliases",
        source: deep_records,
        verify: deep_records_ok,
        n: 2_000,
    },
    Case {
        name: "arrays nested through aliases",
        source: deep_arrays,
        verify: deep_arrays_ok,
        n: 2_000,
    },
    Case {
        name: "unions sharing subtrees (2^40 paths)",
        source: shared_dag,
        verify: shared_dag_ok,
        n: 40,
    },
    Case {
        name: "shared subtrees through generics and narrowing",
        source: shared_generic,
        verify: shared_generic_ok,
        n: 30,
    },
    Case {
        name: "long alias chain",
        source: alias_chain,
        verify: alias_chain_ok,
        n: 10_000,
    },
    Case {
        name: "long alias chain named ahead",
        source: reverse_alias_chain,
        verify: alias_chain_ok,
        n: 5_000,
    },
    Case {
        name: "huge intersection",
        source: intersection,
        verify: intersection_ok,
        n: 5_000,
    },
    Case {
        name: "wide record",
        source: wide_record,
        verify: wide_record_ok,
        n: 10_000,
    },
    Case {
        name: "nested generic instantiations",
        source: generic_chain,
        verify: generic_chain_ok,
        n: 2_000,
    },
    Case {
        name: "many generic instantiations",
        source: many_instantiations,
        verify: many_instantiations_ok,
        n: 2_000,
    },
    Case {
        name: "rings of mutually recursive aliases",
        source: ring,
        verify: ring_ok,
        n: 500,
    },
    Case {
        name: "a wide union narrowed and merged often",
        source: many_unions_merged,
        verify: many_unions_merged_ok,
        n: 2_000,
    },
];

#[test]
fn pathological_inputs_are_checked_or_reported_as_too_complex() {
    let mut failures = Vec::new();
    for c in CASES {
        let src = (c.source)(c.n);
        let (ds, _) = check(&src, LIMIT);
        if let Err(e) = (c.verify)(&src, &ds) {
            failures.push(format!("{} (n = {}): {e}", c.name, c.n));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
