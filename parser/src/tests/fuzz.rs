//! Property tests with a tiny deterministic PRNG: random programs, token
//! soup and mutated programs must never panic, and the grammar and the
//! diagnoser must agree on what is valid (the grammar accepts exactly when
//! the diagnoser finds no error; the generated programs stay far below the
//! limits on locals and upvalues, which only the diagnoser counts). `differential_against_luac` (ignored;
//! needs `luac5.3`) compares whole messages with the reference.

use super::*;
use std::sync::atomic::Ordering;

pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

/// Random program generator; `typed` adds the typed dialect.
pub struct Gen {
    pub rng: Rng,
    pub typed: bool,
    out: String,
    /// Whether each enclosing function is vararg (to only write valid `...`).
    vararg: Vec<bool>,
}

const NAMES: &[&str] = &["x", "y", "f", "t", "a", "b"];

impl Gen {
    pub fn new(seed: u64, typed: bool) -> Gen {
        Gen {
            rng: Rng::new(seed),
            typed,
            out: String::new(),
            vararg: vec![true],
        }
    }

    pub fn program(&mut self) -> String {
        self.out.clear();
        let n = 1 + self.rng.below(6);
        for _ in 0..n {
            self.stat(3);
            self.sep();
        }
        if self.rng.below(4) == 0 {
            self.w("return ");
            self.explist(3);
        }
        std::mem::take(&mut self.out)
    }

    fn w(&mut self, s: &str) {
        self.out.push_str(s);
    }

    fn sep(&mut self) {
        let s = self.rng.pick(&[" ", "\n", " ; ", "\n\n", "\t"]);
        self.w(s);
    }

    fn name(&mut self) {
        let n = self.rng.pick(NAMES);
        self.w(n);
    }

    fn block(&mut self, d: usize) {
        let n = self.rng.below(3);
        for _ in 0..n {
            self.sep();
            self.stat(d);
        }
        self.sep();
    }

    fn stat(&mut self, d: usize) {
        let d = d.saturating_sub(1);
        match self.rng.below(if self.typed { 17 } else { 15 }) {
            0 => {
                self.w("local ");
                self.name();
                self.annot(d);
                if self.rng.below(2) == 0 {
                    self.w(" = ");
                    self.explist(d);
                }
            }
            1 => {
                self.var(d);
                self.w(" = ");
                self.explist(d);
            }
            2 | 3 => {
                self.suffixed_from(d, false);
                self.args(d);
            }
            4 => {
                self.w("do");
                self.block(d);
                self.w("end");
            }
            5 => {
                self.w("while ");
                self.expr(d);
                self.w(" do");
                self.block(d);
                self.w("end");
            }
            6 => {
                self.w("repeat");
                self.block(d);
                self.w("until ");
                self.expr(d);
            }
            7 => {
                self.w("if ");
                self.expr(d);
                self.w(" then");
                self.block(d);
                if self.rng.below(2) == 0 {
                    self.w("elseif ");
                    self.expr(d);
                    self.w(" then");
                    self.block(d);
                }
                if self.rng.below(2) == 0 {
                    self.w("else");
                    self.block(d);
                }
                self.w("end");
            }
            8 => {
                self.w("for i = ");
                self.expr(d);
                self.w(", ");
                self.expr(d);
                self.w(" do");
                self.block(d);
                self.w("end");
            }
            9 => {
                self.w("for k, v in ");
                self.explist(d);
                self.w(" do");
                self.block(d);
                self.w("end");
            }
            10 => {
                self.w("function ");
                self.name();
                if self.rng.below(2) == 0 {
                    self.w(".m");
                }
                if self.rng.below(2) == 0 {
                    self.w(":n");
                }
                self.funcbody(d);
            }
            11 => {
                self.w("local function ");
                self.name();
                self.funcbody(d);
            }
            12 => {
                self.w("::l");
                let n = self.rng.below(100).to_string();
                self.w(&n);
                self.w("::");
            }
            13 => self.w("goto l1"),
            14 => self.w(";"),
            15 => {
                self.w("type T = ");
                self.ty(d);
            }
            _ => {
                self.w("export type P<A, B> = ");
                self.ty(d);
            }
        }
    }

    fn annot(&mut self, d: usize) {
        if self.typed && self.rng.below(2) == 0 {
            self.w(": ");
            self.ty(d);
        }
    }

    fn funcbody(&mut self, d: usize) {
        if self.typed && self.rng.below(3) == 0 {
            self.w("<T, U: Box<T>>");
        }
        self.w("(");
        let vararg = match self.rng.below(3) {
            0 => false,
            1 => {
                self.w("a");
                self.annot(d);
                self.w(", b");
                false
            }
            _ => {
                self.w("a, ...");
                self.annot(d);
                true
            }
        };
        self.vararg.push(vararg);
        self.w(")");
        if self.typed && self.rng.below(2) == 0 {
            self.w(": ");
            if self.rng.below(2) == 0 {
                self.w("(number, string?)");
            } else {
                self.ty(d);
            }
        }
        self.block(d);
        if vararg && self.rng.below(2) == 0 {
            self.w("return ...");
            self.sep();
        }
        self.vararg.pop();
        self.w("end");
    }

    fn ty(&mut self, d: usize) {
        // No `...` inside types (a parameter's annotation is inside the
        // function being declared).
        self.vararg.push(false);
        self.ty_inner(d);
        self.vararg.pop();
    }

    fn ty_inner(&mut self, d: usize) {
        let d = d.saturating_sub(1);
        let k = if d == 0 {
            self.rng.below(4)
        } else {
            self.rng.below(12)
        };
        match k {
            0 => {
                let n = self.rng.pick(&[
                    "number", "string", "T", "mod.Name", "nil", "true", "'lit'", "42",
                ]);
                self.w(n);
            }
            1 => {
                self.ty(d);
                self.w("?");
            }
            2 => self.w("{number}"),
            3 => self.w("Box<Box<T>>"),
            4 => {
                self.ty(d);
                self.w(" | ");
                self.ty(d);
            }
            5 => {
                self.ty(d);
                self.w(" & ");
                self.ty(d);
            }
            6 => {
                self.w("{a: ");
                self.ty(d);
                self.w(", b?: ");
                self.ty(d);
                self.w("}");
            }
            7 => {
                self.w("{[string]: ");
                self.ty(d);
                self.w("}");
            }
            8 => {
                self.w("(");
                self.ty(d);
                self.w(", ...number) -> ");
                self.ty(d);
            }
            9 => {
                self.w("(");
                self.ty(d);
                self.w(")");
            }
            10 => {
                self.w("typeof(");
                self.expr(d);
                self.w(")");
            }
            _ => {
                self.w("number @min(");
                self.expr(d);
                self.w(")");
            }
        }
    }

    fn explist(&mut self, d: usize) {
        self.expr(d);
        if self.rng.below(3) == 0 {
            self.w(", ");
            self.expr(d);
        }
    }

    fn var(&mut self, d: usize) {
        self.suffixed_from(d, false);
        match self.rng.below(3) {
            0 if !self.out.ends_with(')')
                && !self.out.ends_with('}')
                && !self.out.ends_with('\'')
                && !self.out.ends_with('!') => {}
            0 => self.w(".k"),
            1 => self.w(".k"),
            _ => {
                self.w("[ ");
                self.expr(d);
                self.w("]");
            }
        }
    }

    fn suffixed(&mut self, d: usize) {
        self.suffixed_from(d, true)
    }

    /// `paren`: may start with `(` (not at statement start, where the
    /// previous statement might continue into it).
    fn suffixed_from(&mut self, d: usize, paren: bool) {
        if paren && d > 0 && self.rng.below(5) == 0 {
            self.w("(");
            self.expr(d - 1);
            self.w(")");
        } else {
            self.name();
        }
        let n = self.rng.below(3);
        for _ in 0..n {
            match self.rng.below(if self.typed { 5 } else { 4 }) {
                0 => self.w(".k"),
                1 => {
                    self.w("[ ");
                    self.expr(d.saturating_sub(1));
                    self.w("]");
                }
                2 => {
                    self.w(":m");
                    self.args(d.saturating_sub(1));
                }
                3 => self.args(d.saturating_sub(1)),
                _ => self.w("!"),
            }
        }
    }

    fn args(&mut self, d: usize) {
        match self.rng.below(4) {
            0 => self.w("()"),
            1 => {
                self.w("(");
                self.explist(d);
                self.w(")");
            }
            2 => self.w("'s'"),
            _ => self.table(d),
        }
    }

    fn table(&mut self, d: usize) {
        self.w("{");
        let n = self.rng.below(3);
        for i in 0..n {
            if i > 0 {
                let s = self.rng.pick(&[", ", "; "]);
                self.w(s);
            }
            match self.rng.below(3) {
                0 => self.expr(d),
                1 => {
                    self.w("k = ");
                    self.expr(d);
                }
                _ => {
                    self.w("[ ");
                    self.expr(d);
                    self.w("] = ");
                    self.expr(d);
                }
            }
        }
        self.w("}");
    }

    fn expr(&mut self, d: usize) {
        let va = self.vararg.last() == Some(&true);
        if d == 0 {
            let s = self
                .rng
                .pick(&["1", "x", "'s'", "nil", "2.5", "0x1p4", "true", "..."]);
            self.w(if s == "..." && !va { "x" } else { s });
            return;
        }
        let d = d - 1;
        match self.rng.below(if self.typed { 11 } else { 9 }) {
            0 | 1 => {
                self.expr(d);
                let op = self.rng.pick(&[
                    " + ", " - ", " * ", " / ", " // ", " % ", " ^ ", " .. ", " == ", " ~= ",
                    " < ", " <= ", " > ", " >= ", " and ", " or ", " & ", " | ", " ~ ", " << ",
                    " >> ",
                ]);
                self.w(op);
                self.expr(d);
            }
            2 => {
                let op = self.rng.pick(&["- ", "not ", "#", "~", "- "]);
                self.w(op);
                self.expr(d);
            }
            3 => {
                self.w("(");
                self.expr(d);
                self.w(")");
            }
            4 => self.table(d),
            5 => {
                self.w("function");
                self.funcbody(d);
            }
            6 | 7 => self.suffixed(d),
            8 => {
                let s = self
                    .rng
                    .pick(&["'str'", "\"a\\n\"", "[[long]]", "1e3", "0xff", "3.0", "..."]);
                self.w(if s == "..." && !va { "x" } else { s });
            }
            // Casts apply to whole expressions: parenthesised as operands.
            9 => {
                self.w("(");
                self.expr(d);
                self.w(" :: ");
                self.ty(d);
                self.w(")");
            }
            // `as` after `end` is a name: parenthesise the operand.
            _ => {
                self.w("((");
                self.expr(d);
                self.w(") as ");
                self.ty(d);
                self.w(")");
            }
        }
    }
}

const SOUP: &[&str] = &[
    "local", "function", "end", "if", "then", "else", "elseif", "while", "do", "for", "in",
    "repeat", "until", "return", "break", "goto", "and", "or", "not", "nil", "true", "false", "x",
    "y", "f", "1", "2.5", "0x10", "'s'", "[[l]]", "...", "+", "-", "*", "/", "//", "%", "^", "#",
    "&", "~", "|", "<<", ">>", "==", "~=", "<=", ">=", "<", ">", "=", "(", ")", "{", "}", "[", "]",
    "::", ";", ":", ",", ".", "..", "\n",
];

const TYPED_SOUP: &[&str] = &[
    "type", "as", "export", "typeof", "->", "?", "!", "@", "T", "number", "<", ">", ":",
];

/// Mutates a source: delete, duplicate or insert a random piece.
pub fn mutate(rng: &mut Rng, src: &str, vocab: &[&str]) -> String {
    let b = src.as_bytes();
    if b.is_empty() {
        return rng.pick(vocab).to_string();
    }
    let i = rng.below(b.len());
    let j = (i + 1 + rng.below(8)).min(b.len());
    let mut out = Vec::with_capacity(b.len() + 16);
    match rng.below(4) {
        0 => {
            out.extend_from_slice(&b[..i]);
            out.extend_from_slice(&b[j..]);
        }
        1 => {
            out.extend_from_slice(&b[..j]);
            out.extend_from_slice(&b[i..]);
        }
        2 => {
            out.extend_from_slice(&b[..i]);
            out.push(b' ');
            out.extend_from_slice(rng.pick(vocab).as_bytes());
            out.push(b' ');
            out.extend_from_slice(&b[i..]);
        }
        _ => {
            out.extend_from_slice(&b[..i]);
            let pool = b"()[]{}=,.:;\"'\\-";
            out.push(pool[rng.below(pool.len())]);
            out.extend_from_slice(&b[i..]);
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Parses and cross-checks with the diagnoser; returns a description of a
/// disagreement, if any.
fn check(src: &str) -> Option<String> {
    let arena = Bump::new();
    let before = FALLBACKS.load(Ordering::Relaxed);
    let r = parse(&arena, src.as_bytes(), "=fuzz");
    let d = diagnose::diagnose(src.as_bytes(), false, 1);
    match (&r, &d) {
        (Ok(_), Some(d)) => Some(format!(
            "grammar accepts, diagnoser says {:?}: {src:?}",
            d.message
        )),
        (Err(e), None) if FALLBACKS.load(Ordering::Relaxed) != before => {
            Some(format!("grammar rejects ({e}), diagnoser accepts: {src:?}"))
        }
        _ => None,
    }
}

fn run(seed: u64, n: usize, typed: bool, f: impl Fn(&mut Gen) -> String) -> Vec<String> {
    let mut g = Gen::new(seed, typed);
    let mut bad = vec![];
    for _ in 0..n {
        let src = f(&mut g);
        if let Some(b) = check(&src) {
            bad.push(b);
        }
    }
    bad
}

#[test]
fn random_programs_parse() {
    for typed in [false, true] {
        let mut g = Gen::new(7, typed);
        for _ in 0..2000 {
            let src = g.program();
            let arena = Bump::new();
            if let Err(e) = parse(&arena, src.as_bytes(), "=gen") {
                panic!("{src:?}: {e}");
            }
        }
    }
}

#[test]
fn grammar_and_diagnoser_agree_on_mutated_programs() {
    let mut bad = run(11, 3000, false, |g| {
        let p = g.program();
        let k = 1 + g.rng.below(3);
        (0..k).fold(p, |s, _| mutate(&mut g.rng, &s, SOUP))
    });
    bad.truncate(10);
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn grammar_and_diagnoser_agree_on_mutated_typed_programs() {
    let mut bad = run(13, 3000, true, |g| {
        let p = g.program();
        let k = 1 + g.rng.below(3);
        let mut vocab = SOUP.to_vec();
        vocab.extend_from_slice(TYPED_SOUP);
        (0..k).fold(p, |s, _| mutate(&mut g.rng, &s, &vocab))
    });
    bad.truncate(10);
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn token_soup_never_panics_and_agrees() {
    let mut vocab = SOUP.to_vec();
    vocab.extend_from_slice(TYPED_SOUP);
    let mut bad = run(17, 5000, false, |g| {
        let n = 1 + g.rng.below(12);
        let mut s = String::new();
        for _ in 0..n {
            s.push_str(g.rng.pick(&vocab));
            s.push(' ');
        }
        s
    });
    bad.truncate(10);
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng::new(23);
    for _ in 0..3000 {
        let n = rng.below(40);
        let bytes: Vec<u8> = (0..n)
            .map(|_| {
                let pool = b"\"'[]=-\\\n\r \x00\xffz0x.9eE({})";
                pool[rng.below(pool.len())]
            })
            .collect();
        let arena = Bump::new();
        let _ = parse(&arena, &bytes, "=bytes");
        let _ = wlua_lexer::str_to_number(&bytes);
    }
}

/// Compares messages with `luac5.3 -p` on mutated pure-Lua programs.
/// Run with `cargo test -p wlua-parser -- --ignored differential`.
#[test]
#[ignore]
fn differential_against_luac() {
    let dir = std::env::temp_dir().join(format!("wlua-diff-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("t.lua");
    let mut g = Gen::new(
        std::env::var("SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(31),
        false,
    );
    let n: usize = std::env::var("N")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2000);
    let mut bad = vec![];
    for _ in 0..n {
        let p = g.program();
        let k = g.rng.below(3);
        let src = (0..k).fold(p, |s, _| mutate(&mut g.rng, &s, SOUP));
        std::fs::write(&path, &src).unwrap();
        let out = std::process::Command::new("luac5.3")
            .arg("-p")
            .arg("t.lua")
            .current_dir(&dir)
            .output()
            .unwrap();
        let mut want = String::from_utf8_lossy(&out.stderr).trim_end().to_string();
        if let Some(w) = want.strip_prefix("luac5.3: ") {
            want = w.to_string();
        }
        let arena = Bump::new();
        let got = match parse(&arena, src.as_bytes(), "@t.lua") {
            Ok(_) => String::new(),
            Err(e) => e.to_string(),
        };
        // Scope errors (goto, break, locals) are the compiler's.
        let scope = [
            "goto",
            "<break>",
            "local variables",
            "label",
            "upvalues",
            "registers",
            "control structure",
        ];
        // The reference may report one of these before a later syntax error.
        // Where the typed dialect gives `::`, `:` or `<` a meaning, the
        // messages for broken code legitimately differ.
        let typed = src.contains("::")
            || ["near ':'", "near '<'", "near '::'"]
                .iter()
                .any(|s| want.contains(s));
        if got != want && !typed && !scope.iter().any(|s| want.contains(s)) {
            bad.push(format!("{src:?}\n   want {want:?}\n   got  {got:?}"));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    bad.truncate(20);
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// Compares with `luac5.3 -p` on every `.lua` file under `$LUA_DIR`.
/// Run with `LUA_DIR=... cargo test -p wlua-parser -- --ignored differential_files`.
#[test]
#[ignore]
fn differential_files() {
    let Ok(dir) = std::env::var("LUA_DIR") else {
        return;
    };
    let mut todo = vec![std::path::PathBuf::from(dir)];
    let mut bad = vec![];
    let mut n = 0;
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).unwrap().flatten() {
            let p = entry.path();
            if p.is_dir() {
                todo.push(p);
                continue;
            }
            if p.extension().is_none_or(|e| e != "lua") {
                continue;
            }
            n += 1;
            let src = std::fs::read(&p).unwrap();
            let out = std::process::Command::new("luac5.3")
                .arg("-p")
                .arg(&p)
                .output()
                .unwrap();
            let want = String::from_utf8_lossy(&out.stderr)
                .trim_end()
                .replace("luac5.3: ", "");
            let arena = Bump::new();
            let name = format!("@{}", p.display());
            let got = match parse(&arena, &src, &name) {
                Ok(_) => String::new(),
                Err(e) => e.to_string(),
            };
            if got != want {
                bad.push(format!(
                    "{}\n   want {want:?}\n   got  {got:?}",
                    p.display()
                ));
            }
        }
    }
    println!("{n} files");
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
