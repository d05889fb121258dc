//! Random programs compared with luac5.3: a deterministic generator of
//! syntactically valid Lua mixing every construct, so that combinations the
//! hand-written corpus misses (jump lists inside jump lists, conflicts in
//! multiple assignment, upvalues in nested loops...) are checked too.

use super::reference::compare_with;

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'s>(&mut self, xs: &[&'s str]) -> &'s str {
        xs[self.below(xs.len() as u64) as usize]
    }
}

struct Gen {
    rng: Rng,
    /// Locals in scope (names), innermost last.
    locals: Vec<String>,
    next_local: usize,
    in_loop: bool,
    vararg: bool,
    out: String,
}

const BINOPS: &[&str] = &[
    "+", "-", "*", "/", "//", "%", "^", "..", "==", "~=", "<", "<=", ">", ">=", "and", "or", "&",
    "|", "~", "<<", ">>",
];

impl Gen {
    /// A token separator: sometimes a line break, to exercise line info.
    fn sp(&mut self) -> &'static str {
        if self.rng.below(6) == 0 { "\n" } else { " " }
    }

    fn var(&mut self) -> String {
        if !self.locals.is_empty() && self.rng.below(3) > 0 {
            let i = self.rng.below(self.locals.len() as u64) as usize;
            self.locals[i].clone()
        } else {
            self.rng.pick(&["g", "h", "print", "t", "_ENV"]).to_string()
        }
    }

    fn expr(&mut self, depth: u32) -> String {
        let leaf = depth == 0 || self.rng.below(3) == 0;
        if leaf {
            return match self.rng.below(12) {
                0 => "nil".into(),
                1 => "true".into(),
                2 => "false".into(),
                3 => self.rng.below(300).to_string(),
                4 => format!("{}.{}", self.rng.below(10), self.rng.below(100)),
                5 => format!("'s{}'", self.rng.below(5)),
                6 if self.vararg => "...".into(),
                7 => "0".into(),
                _ => self.var(),
            };
        }
        let d = depth - 1;
        match self.rng.below(14) {
            0..=3 => {
                let op = self.rng.pick(BINOPS);
                let (a, s1) = (self.expr(d), self.sp());
                let (s2, b) = (self.sp(), self.expr(d));
                format!("{a}{s1}{op}{s2}{b}")
            }
            4 => {
                let op = self.rng.pick(&["-", "not ", "#", "~"]);
                format!("{}{}", op, self.expr(d))
            }
            5 => {
                let (x, s1) = (self.expr(d), self.sp());
                format!("({x}{s1})")
            }
            6 => {
                let (f, a, s1) = (self.var(), self.args(d), self.sp());
                format!("{f}({a}{s1})")
            }
            7 => {
                let (o, s0, a, s1) = (self.var(), self.sp(), self.args(d), self.sp());
                format!("{o}{s0}:m({a}{s1})")
            }
            8 => {
                let (t, k, s1) = (self.var(), self.expr(d), self.sp());
                format!("{t}[{k}{s1}]")
            }
            9 => format!("{}.k{}", self.var(), self.rng.below(3)),
            10 => {
                let mut t = String::from("{");
                for _ in 0..self.rng.below(5) {
                    match self.rng.below(3) {
                        0 => t.push_str(&format!("k{} = {}, ", self.rng.below(3), self.expr(d))),
                        1 => t.push_str(&format!("[{}] = {}, ", self.expr(d), self.expr(d))),
                        _ => {
                            let (x, s1) = (self.expr(d), self.sp());
                            t.push_str(&format!("{x},{s1}"))
                        }
                    }
                }
                if self.rng.below(3) == 0 {
                    t.push_str(&format!("{}()", self.var()));
                }
                let s1 = self.sp();
                t.push_str(s1);
                t.push('}');
                t
            }
            11 => {
                // A closure capturing what is in scope.
                let saved = (self.in_loop, self.vararg, self.out.len());
                let body = {
                    self.in_loop = false;
                    self.vararg = self.rng.below(2) == 0;
                    let mark = self.locals.len();
                    let p = self.new_local();
                    let head = if self.vararg {
                        format!("function({p}, ...) ")
                    } else {
                        format!("function({p}) ")
                    };
                    let mut b = head;
                    let start = self.out.len();
                    self.block(d.min(2));
                    b.push_str(&self.out[start..]);
                    self.out.truncate(start);
                    self.locals.truncate(mark);
                    b.push_str(" end");
                    b
                };
                self.in_loop = saved.0;
                self.vararg = saved.1;
                debug_assert_eq!(self.out.len(), saved.2);
                body
            }
            _ => format!(
                "{} {} {}",
                self.expr(d),
                self.rng.pick(&["and", "or"]),
                self.expr(d)
            ),
        }
    }

    fn args(&mut self, d: u32) -> String {
        let n = self.rng.below(4);
        let mut out = String::new();
        for i in 0..n {
            if i > 0 {
                out.push(',');
                out.push_str(self.sp());
            }
            out.push_str(&self.expr(d));
        }
        out
    }

    fn new_local(&mut self) -> String {
        self.next_local += 1;
        let n = format!("l{}", self.next_local);
        self.locals.push(n.clone());
        n
    }

    fn target(&mut self) -> String {
        match self.rng.below(4) {
            0 => format!("{}[{}]", self.var(), self.expr(1)),
            1 => format!("{}.k{}", self.var(), self.rng.below(3)),
            _ => self.var(),
        }
    }

    fn stat(&mut self, depth: u32) {
        let d = depth.saturating_sub(1);
        match self.rng.below(if depth == 0 { 4 } else { 13 }) {
            0 => {
                let n = 1 + self.rng.below(3);
                let exprs: Vec<String> = (0..self.rng.below(4)).map(|_| self.expr(2)).collect();
                let names: Vec<String> = (0..n).map(|_| self.new_local()).collect();
                self.out.push_str(&format!("local {}", names.join(", ")));
                if !exprs.is_empty() {
                    self.out.push_str(&format!(" = {}", exprs.join(", ")));
                }
            }
            1 => {
                let n = 1 + self.rng.below(3);
                let ts: Vec<String> = (0..n).map(|_| self.target()).collect();
                let es: Vec<String> = (0..1 + self.rng.below(3)).map(|_| self.expr(2)).collect();
                self.out
                    .push_str(&format!("{} = {}", ts.join(", "), es.join(", ")));
            }
            2 => {
                let f = self.var();
                let a = self.args(2);
                self.out.push_str(&format!("{f}({a})"));
            }
            3 => {
                if self.in_loop && self.rng.below(2) == 0 {
                    self.out.push_str("if g then break end");
                } else {
                    let e = self.expr(2);
                    self.out.push_str(&format!("g = {e}"));
                }
            }
            4 | 5 => {
                let c = self.expr(2);
                self.out.push_str(&format!("if {c} then "));
                self.block(d);
                for _ in 0..self.rng.below(3) {
                    let c = self.expr(2);
                    self.out.push_str(&format!(" elseif {c} then "));
                    self.block(d);
                }
                if self.rng.below(2) == 0 {
                    self.out.push_str(" else ");
                    self.block(d);
                }
                self.out.push_str(" end");
            }
            6 => {
                let c = self.expr(2);
                self.out.push_str(&format!("while {c} do "));
                self.loop_block(d);
                self.out.push_str(" end");
            }
            7 => {
                let mark = self.locals.len();
                let i = self.new_local();
                let (a, b) = (self.expr(1), self.expr(1));
                self.out.push_str(&format!("for {i} = {a}, {b} do "));
                self.loop_block(d);
                self.out.push_str(" end");
                self.locals.truncate(mark);
            }
            8 => {
                let mark = self.locals.len();
                let k = self.new_local();
                let v = self.new_local();
                let e = self.expr(1);
                self.out
                    .push_str(&format!("for {k}, {v} in pairs({e}) do "));
                self.loop_block(d);
                self.out.push_str(" end");
                self.locals.truncate(mark);
            }
            9 => {
                self.out.push_str("repeat ");
                let mark = self.locals.len();
                let saved = self.in_loop;
                self.in_loop = true;
                self.stats(d);
                self.in_loop = saved;
                let c = self.expr(2);
                self.out.push_str(&format!(" until {c}"));
                self.locals.truncate(mark);
            }
            10 => {
                self.out.push_str("do ");
                self.block(d);
                self.out.push_str(" end");
            }
            11 => {
                let f = self.new_local();
                let mark = self.locals.len();
                let p = self.new_local();
                let saved = (self.in_loop, self.vararg);
                self.in_loop = false;
                self.vararg = false;
                self.out.push_str(&format!("local function {f}({p}) "));
                self.block(d);
                self.out.push_str(" end");
                self.locals.truncate(mark);
                (self.in_loop, self.vararg) = saved;
            }
            _ => {
                // A continue-style goto at the end of a loop body.
                let c = self.expr(1);
                self.out
                    .push_str(&format!("for _ = 1, 3 do if {c} then goto cont end "));
                let mark = self.locals.len();
                let saved = self.in_loop;
                self.in_loop = true;
                self.stats(d);
                self.in_loop = saved;
                self.locals.truncate(mark);
                self.out.push_str(" ::cont:: end");
            }
        }
        self.out.push('\n');
    }

    fn stats(&mut self, depth: u32) {
        for _ in 0..1 + self.rng.below(4) {
            self.stat(depth);
        }
    }

    fn block(&mut self, depth: u32) {
        let mark = self.locals.len();
        self.stats(depth);
        if self.rng.below(4) == 0 {
            let e = self.args(2);
            self.out.push_str(&format!("return {e}"));
        }
        self.locals.truncate(mark);
    }

    fn loop_block(&mut self, depth: u32) {
        let saved = self.in_loop;
        self.in_loop = true;
        self.block(depth);
        self.in_loop = saved;
    }
}

pub fn program(seed: u64) -> String {
    let mut g = Gen {
        rng: Rng(seed.wrapping_mul(0x9E3779B97F4A7C15) | 1),
        locals: Vec::new(),
        next_local: 0,
        in_loop: false,
        vararg: true,
        out: String::new(),
    };
    g.out.push_str("local t = {}\n");
    g.block(3);
    g.out
}

#[test]
fn random_programs_match_luac() {
    let n: u64 = std::env::var("WLUA_FUZZ_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    let mut failures = Vec::new();
    let mut compiled = 0;
    for seed in 0..n {
        let src = program(seed);
        if let Ok(dir) = std::env::var("WLUA_FUZZ_SAVE") {
            let _ = std::fs::write(format!("{dir}/seed{seed}.lua"), &src);
        }
        if std::env::var("WLUA_FUZZ_SHOW").is_ok() && seed < 2 {
            eprintln!("{src}");
        }
        let arena = bumpalo::Bump::new();
        if let Err(e) = wlua_parser::parse(&arena, src.as_bytes(), "@t.lua") {
            eprintln!("seed {seed}: syntax error {e}");
            if let Ok(dir) = std::env::var("WLUA_FUZZ_DUMP") {
                let _ = std::fs::write(format!("{dir}/seed{seed}.lua"), &src);
            }
            continue;
        }
        compiled += 1;
        match compare_with(&src, false) {
            None => return, // no luac5.3
            Some(Some(diff)) => failures.push(format!(
                "seed {seed}:\n{src}\n{}",
                super::reference::first_diff(&diff)
            )),
            Some(None) => {}
        }
        if failures.len() >= 3 {
            break;
        }
    }
    if !failures.is_empty() {
        panic!("{}", failures.join("\n\n"));
    }
    eprintln!("{compiled} of {n} random programs compared");
    assert!(compiled * 2 > n as usize);
}

/// Random ASTs, including shapes no parser produces (calls on constants,
/// assignments to calls, labels everywhere, huge arities): compiling must
/// return Ok or Err, never panic (debug assertions included).
#[test]
fn random_asts_never_panic() {
    use crate::compile;
    use bumpalo::Bump;
    use wlua_parser::ast::*;

    struct A<'a> {
        rng: Rng,
        arena: &'a Bump,
    }
    const NAMES: &[&str] = &["a", "b", "c", "_ENV", "self", "x"];
    impl<'a> A<'a> {
        fn e(&self, kind: ExprKind<'a>) -> Expr<'a> {
            Expr {
                kind,
                line: 1 + (self.arena.allocated_bytes() % 7) as u32,
                span: Span::default(),
            }
        }
        fn exprs(&mut self, d: u32, max: u64) -> &'a [Expr<'a>] {
            let n = self.rng.below(max + 1);
            let v: Vec<Expr<'a>> = (0..n).map(|_| self.expr(d)).collect();
            self.arena.alloc_slice_copy(&v)
        }
        fn expr(&mut self, d: u32) -> Expr<'a> {
            let name = NAMES[self.rng.below(NAMES.len() as u64) as usize];
            if d == 0 {
                let r = self.rng.below(8);
                let i = self.rng.next() as i64 % 5;
                return self.e(match r {
                    0 => ExprKind::Nil,
                    1 => ExprKind::True,
                    2 => ExprKind::Int(i),
                    3 => ExprKind::Float(0.5),
                    4 => ExprKind::Str(b"k"),
                    5 => ExprKind::Vararg,
                    _ => ExprKind::Name(name),
                });
            }
            let d1 = d - 1;
            let sub = |s: &mut Self| -> &'a Expr<'a> {
                let x = s.expr(d1);
                s.arena.alloc(x)
            };
            let kind = match self.rng.below(11) {
                0 => {
                    let ops = [
                        BinOp::Add,
                        BinOp::Concat,
                        BinOp::And,
                        BinOp::Or,
                        BinOp::Lt,
                        BinOp::Ge,
                        BinOp::IDiv,
                        BinOp::Shl,
                        BinOp::Eq,
                    ];
                    let op = ops[self.rng.below(ops.len() as u64) as usize];
                    ExprKind::Binary(op, sub(self), sub(self))
                }
                1 => {
                    let ops = [UnOp::Neg, UnOp::Not, UnOp::Len, UnOp::BNot];
                    ExprKind::Unary(ops[self.rng.below(4) as usize], sub(self))
                }
                2 => ExprKind::Index(sub(self), sub(self)),
                3 => ExprKind::Call(sub(self), self.exprs(d1, 3)),
                4 => ExprKind::MethodCall(sub(self), name, self.exprs(d1, 3)),
                5 => ExprKind::Paren(sub(self)),
                6 => ExprKind::NonNil(sub(self)),
                7 => {
                    let n = self.rng.below(4);
                    let f: Vec<Field<'a>> = (0..n)
                        .map(|i| match i % 3 {
                            0 => Field::Positional(self.expr(d1)),
                            1 => Field::Named(name, self.expr(d1)),
                            _ => Field::Keyed(self.expr(d1), self.expr(d1)),
                        })
                        .collect();
                    ExprKind::Table(self.arena.alloc_slice_copy(&f))
                }
                8 => ExprKind::Function(self.func(d1)),
                _ => return self.expr(0),
            };
            self.e(kind)
        }
        fn func(&mut self, d: u32) -> &'a FuncBody<'a> {
            let np = self.rng.below(3);
            let params: Vec<Param<'a>> = (0..np)
                .map(|i| Param {
                    name: NAMES[i as usize],
                    ty: None,
                    span: Span::default(),
                })
                .collect();
            let body = self.block(d);
            self.arena.alloc(FuncBody {
                generics: &[],
                params: self.arena.alloc_slice_copy(&params),
                is_vararg: self.rng.below(2) == 0,
                vararg_ty: None,
                ret_tys: None,
                body,
                line: 2,
                end_line: 5,
                span: Span::default(),
            })
        }
        fn local_names(&mut self) -> &'a [LocalName<'a>] {
            let n = self.rng.below(4);
            let v: Vec<LocalName<'a>> = (0..n)
                .map(|i| LocalName {
                    name: NAMES[(i as usize + 1) % NAMES.len()],
                    ty: None,
                    line: 3,
                    span: Span::default(),
                })
                .collect();
            self.arena.alloc_slice_copy(&v)
        }
        fn block(&mut self, d: u32) -> Block<'a> {
            let n = self.rng.below(5);
            let stats: Vec<Stat<'a>> = (0..n).map(|_| self.stat(d)).collect();
            let ret = if self.rng.below(3) == 0 {
                let exprs = self.exprs(d, 3);
                Some(&*self.arena.alloc(Return {
                    exprs,
                    line: 4,
                    span: Span::default(),
                }))
            } else {
                None
            };
            Block {
                stats: self.arena.alloc_slice_copy(&stats),
                ret,
                end_line: 6,
            }
        }
        fn stat(&mut self, d: u32) -> Stat<'a> {
            let d1 = d.saturating_sub(1);
            let label = ["l1", "l2", "break"][self.rng.below(2) as usize];
            let x = self.expr(d1);
            let kind = match self.rng.below(if d == 0 { 6 } else { 16 }) {
                0 => StatKind::Local {
                    names: self.local_names(),
                    exprs: self.exprs(d1, 3),
                },
                1 => StatKind::Assign {
                    targets: self.exprs(d1, 3),
                    exprs: self.exprs(d1, 3),
                },
                2 => StatKind::Call(self.arena.alloc(x)),
                3 => StatKind::Break,
                4 => StatKind::Goto(label),
                5 => StatKind::Label(label),
                6 => StatKind::Do(self.block(d1)),
                7 => StatKind::While {
                    cond: self.arena.alloc(x),
                    body: self.block(d1),
                },
                8 => StatKind::Repeat {
                    body: self.block(d1),
                    cond: self.arena.alloc(x),
                },
                9 => {
                    let n = 1 + self.rng.below(3);
                    let arms: Vec<IfArm<'a>> = (0..n)
                        .map(|_| IfArm {
                            cond: {
                                let c = self.expr(d1);
                                self.arena.alloc(c)
                            },
                            body: self.block(d1),
                            line: 2,
                        })
                        .collect();
                    StatKind::If {
                        arms: self.arena.alloc_slice_copy(&arms),
                        else_body: if self.rng.below(2) == 0 {
                            Some(self.block(d1))
                        } else {
                            None
                        },
                    }
                }
                10 => StatKind::NumFor {
                    var: LocalName {
                        name: "i",
                        ty: None,
                        line: 1,
                        span: Span::default(),
                    },
                    start: self.arena.alloc(x),
                    limit: self.arena.alloc(x),
                    step: None,
                    body: self.block(d1),
                },
                11 => StatKind::GenFor {
                    names: self.local_names(),
                    exprs: self.exprs(d1, 3),
                    body: self.block(d1),
                },
                12 => StatKind::Function {
                    name: FuncName {
                        base: "a",
                        base_span: Span::default(),
                        fields: &["b"],
                        method: if self.rng.below(2) == 0 {
                            Some("m")
                        } else {
                            None
                        },
                    },
                    func: self.func(d1),
                },
                13 => StatKind::LocalFunction {
                    name: LocalName {
                        name: "f",
                        ty: None,
                        line: 1,
                        span: Span::default(),
                    },
                    func: self.func(d1),
                },
                _ => StatKind::Call(self.arena.alloc(x)),
            };
            Stat {
                kind,
                line: 1 + self.rng.below(9) as u32,
                span: Span::default(),
            }
        }
    }

    let n: u64 = std::env::var("WLUA_AST_FUZZ_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3000);
    let mut oks = 0;
    for seed in 0..n {
        let arena = Bump::new();
        let mut a = A {
            rng: Rng(seed.wrapping_mul(0x9E3779B97F4A7C15) | 1),
            arena: &arena,
        };
        let chunk = a.block(4);
        if compile(&chunk, "=fuzz").is_ok() {
            oks += 1;
        }
    }
    eprintln!("{oks} of {n} random ASTs compiled");
    assert!(oks * 20 > n, "only {oks} random ASTs compiled");
}
