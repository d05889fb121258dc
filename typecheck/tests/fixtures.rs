//! Runs the checker on every tests/check/*.lua fixture and compares its
//! diagnostics with the `--! CODE message` markers (tests/check/README.md).

use std::path::Path;
use wlua_typecheck::{Checked, diag::line_col};

#[test]
fn fixtures_match_their_markers() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/check");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/check")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "lua"))
        .collect();
    files.sort();
    assert!(files.len() >= 10, "fixtures missing");
    let mut failures = Vec::new();
    for f in &files {
        let src = std::fs::read_to_string(f).unwrap();
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let mut want: Vec<(usize, String, String)> = Vec::new();
        for (i, line) in src.lines().enumerate() {
            for part in line.split("--! ").skip(1) {
                let rest = part.trim();
                let (code, msg) = rest.split_once(' ').unwrap_or((rest, ""));
                want.push((i + 1, code.to_string(), msg.trim().to_string()));
            }
        }
        let got: Vec<(usize, String, String)> = match wlua_typecheck::check_file(src.as_bytes(), f)
        {
            Checked::Syntax(e) => vec![(e.line as usize, "P0001".into(), e.message)],
            Checked::Types(ds) => ds
                .iter()
                .map(|d| {
                    (
                        line_col(&src, d.span.start).0,
                        d.code.to_string(),
                        d.message.clone(),
                    )
                })
                .collect(),
        };
        let mut unmatched: Vec<bool> = vec![true; got.len()];
        for (l, c, m) in &want {
            let hit = got.iter().enumerate().find(|(i, (gl, gc, gm))| {
                unmatched[*i] && gl == l && gc == c && gm.contains(m.as_str())
            });
            match hit {
                Some((i, _)) => unmatched[i] = false,
                None => failures.push(format!("{name}:{l}: expected {c} {m:?}, not reported")),
            }
        }
        for (i, (l, c, m)) in got.iter().enumerate() {
            if unmatched[i] {
                failures.push(format!("{name}:{l}: unexpected {c} {m:?}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} fixture mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// A small deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const TOKENS: &[&str] = &[
    "local",
    "function",
    "end",
    "if",
    "then",
    "else",
    "while",
    "do",
    "return",
    "for",
    "in",
    "x",
    "y",
    "t",
    "f",
    "=",
    "==",
    "~=",
    "<",
    "+",
    "..",
    "#",
    "(",
    ")",
    "{",
    "}",
    "[",
    "]",
    ",",
    ".",
    ":",
    "1",
    "'s'",
    "nil",
    "true",
    "and",
    "or",
    "not",
    "type",
    "::",
    "?",
    "->",
    "|",
    "&",
    "<T>",
    "integer",
    "string",
    "number",
    "T",
    "{string}",
    "{[string]: T}",
    "typeof(x)",
    "\n",
    " ",
];

/// Runs the checker on a large-stack thread, as the CLI does; `rules`
/// turns the lint rules on.
fn check_on_thread(src: Vec<u8>, rules: bool) -> bool {
    std::thread::Builder::new()
        .stack_size(wlua_typecheck::STACK)
        .spawn(move || {
            let opts = wlua_typecheck::Options { rules };
            let _ = wlua_typecheck::check_source_with(&src, "@fuzz.lua", opts);
        })
        .unwrap()
        .join()
        .is_ok()
}

#[test]
fn mutated_fixtures_and_token_soup_never_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut sources: Vec<Vec<u8>> = ["tests/check", "tests/typecheck"]
        .iter()
        .flat_map(|d| std::fs::read_dir(root.join(d)).unwrap())
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "lua"))
        .map(|p| std::fs::read(p).unwrap())
        .collect();
    sources.sort();
    let mut rng = Rng(0x9E3779B97F4A7C15);
    // Mutations keep most of a typed program intact, so they reach deep
    // into the checker rather than stopping at the parser.
    let mut batch: Vec<Vec<u8>> = Vec::new();
    for round in 0..600 {
        let mut s = sources[round % sources.len()].clone();
        for _ in 0..1 + rng.below(4) {
            if s.is_empty() {
                break;
            }
            let at = rng.below(s.len());
            match rng.below(3) {
                0 => {
                    let end = (at + 1 + rng.below(12)).min(s.len());
                    s.drain(at..end);
                }
                1 => {
                    let tok = TOKENS[rng.below(TOKENS.len())];
                    s.splice(at..at, tok.bytes().chain([b' ']));
                }
                _ => {
                    let from = rng.below(s.len());
                    let end = (from + rng.below(40)).min(s.len());
                    let piece: Vec<u8> = s[from..end].to_vec();
                    s.splice(at..at, piece);
                }
            }
        }
        batch.push(s);
    }
    for _ in 0..300 {
        let mut s = Vec::new();
        for _ in 0..rng.below(80) {
            s.extend_from_slice(TOKENS[rng.below(TOKENS.len())].as_bytes());
            s.push(b' ');
        }
        batch.push(s);
    }
    // Pathological shapes: long chains, deep nesting, big unions.
    batch.push(format!("local x = 1{}", " + x".repeat(50_000)).into_bytes());
    batch.push(format!("local x = a{}", ".b".repeat(50_000)).into_bytes());
    batch.push(format!("local x = f{}", "()".repeat(20_000)).into_bytes());
    batch.push(format!("local x = {}1{}", "{".repeat(150), "}".repeat(150)).into_bytes());
    batch.push(
        format!(
            "type U = {}\nlocal u: U = 'v999'",
            (0..3000)
                .map(|i| format!("'v{i}'"))
                .collect::<Vec<_>>()
                .join(" | ")
        )
        .into_bytes(),
    );
    batch.push(
        b"type A = {a: A?, b: A?}\ntype B = {a: B?, b: B?}\nlocal x: A = {}\nlocal y: B = x\n"
            .to_vec(),
    );
    batch.push(
        b"type L<T> = {v: T, next: L<T>?}\nlocal l: L<integer> = {v = 1, next = {v = 2}}\n"
            .to_vec(),
    );
    batch.push(format!("local x: number @min(0) = {}1", "-".repeat(50_000)).into_bytes());
    batch.push(
        format!(
            "type P = {{x: number}}\nlocal v: unknown = nil\nif {}P:is(v){} then end",
            "(".repeat(200),
            ")".repeat(200)
        )
        .into_bytes(),
    );
    let mut failed = Vec::new();
    for (i, s) in batch.into_iter().enumerate() {
        if !check_on_thread(s.clone(), i % 2 == 1) {
            failed.push(String::from_utf8_lossy(&s[..s.len().min(200)]).into_owned());
        }
    }
    assert!(
        failed.is_empty(),
        "checker panicked on:\n{}",
        failed.join("\n---\n")
    );
}
