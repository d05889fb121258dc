//! Frozen expectations (derived from `luac5.3 -l`), limits, folding, deep
//! inputs and large chunks.

use super::{code, code_of, compile_err, compile_src, on_small_stack};
use crate::compile;
use bumpalo::Bump;
use wlua_parser::ast::*;
use wlua_vm::op::OpCode;
use wlua_vm::proto::Constant;

fn lines(s: &str) -> String {
    s.lines().map(|l| format!("{}\n", l.trim())).collect()
}

#[test]
fn field_chains_use_constant_keys() {
    assert_eq!(
        code("local t = {} t.x.y = t.a.b"),
        lines(
            "NEWTABLE 0 0 0
             GETTABLE 1 0 -1
             GETTABLE 2 0 -3
             GETTABLE 2 2 -4
             SETTABLE 1 -2 2
             RETURN 0 1"
        )
    );
}

#[test]
fn and_or_use_testset() {
    assert_eq!(
        code("local a, b = ... ; return a and b or -a"),
        lines(
            "VARARG 0 3
             TEST 0 0
             JMP 0 2
             TESTSET 2 1 1
             JMP 0 1
             UNM 2 0
             RETURN 2 2
             RETURN 0 1"
        )
    );
}

#[test]
fn loop_locals_captured_by_closures_are_closed_each_iteration() {
    let p = compile_src("for i = 1, 3 do local f = function() return i end end").unwrap();
    assert_eq!(
        code_of(&p),
        lines(
            "LOADK 0 -1
             LOADK 1 -2
             LOADK 2 -1
             FORPREP 0 2
             CLOSURE 4 0
             JMP 4 0
             FORLOOP 0 -3
             RETURN 0 1"
        )
    );
    let names: Vec<&str> = p.locvars.iter().map(|l| &*l.name).collect();
    assert_eq!(
        names,
        ["(for index)", "(for limit)", "(for step)", "i", "f"]
    );
    let inner = &p.protos[0];
    assert_eq!(&*inner.upvalues[0].name, "i");
    assert!(inner.upvalues[0].in_stack);
    assert_eq!(inner.upvalues[0].index, 3);
}

#[test]
fn method_calls_use_self_and_open_varargs() {
    assert_eq!(
        code("obj:m(1, ...)"),
        lines(
            "GETTABUP 0 0 -1
             SELF 0 0 -2
             LOADK 2 -3
             VARARG 3 0
             CALL 0 0 1
             RETURN 0 1"
        )
    );
}

#[test]
fn main_function_has_env_upvalue() {
    let p = compile_src("x = 1").unwrap();
    assert!(p.is_vararg);
    assert_eq!(p.num_params, 0);
    assert_eq!(p.line_defined, 0);
    assert_eq!(&*p.source, "@t.lua");
    assert_eq!(p.upvalues.len(), 1);
    assert_eq!(&*p.upvalues[0].name, "_ENV");
    assert!(p.upvalues[0].in_stack);
    assert_eq!(p.upvalues[0].index, 0);
    assert_eq!(p.max_stack, 2);
    assert_eq!(code_of(&p), lines("SETTABUP 0 -1 -2\nRETURN 0 1"));
}

#[test]
fn generic_for_hidden_locals_are_named() {
    let p = compile_src("for k, v in pairs(t) do end").unwrap();
    let names: Vec<&str> = p.locvars.iter().map(|l| &*l.name).collect();
    assert_eq!(
        names,
        ["(for generator)", "(for state)", "(for control)", "k", "v"]
    );
    assert!(code_of(&p).contains("TFORCALL 0 2\nTFORLOOP 2 -2\n"));
}

#[test]
fn local_function_sees_itself() {
    let p = compile_src("local function f() return f end").unwrap();
    let inner = &p.protos[0];
    assert_eq!(&*inner.upvalues[0].name, "f");
    assert!(inner.upvalues[0].in_stack);
    assert_eq!(inner.upvalues[0].index, 0);
    // The local is visible from after the CLOSURE.
    assert_eq!(p.locvars[0].start_pc, 1);
}

#[test]
fn upvalues_are_shared_between_closures() {
    let p = compile_src(
        "local n = 0
         local function inc() n = n + 1 end
         local function get() return n end",
    )
    .unwrap();
    for inner in &p.protos {
        assert_eq!(inner.upvalues.len(), 1);
        assert!(inner.upvalues[0].in_stack);
        assert_eq!(inner.upvalues[0].index, 0);
    }
    // Through an intermediate function: an upvalue of an upvalue.
    let p = compile_src("local x function f() return function() return x end end").unwrap();
    let mid = &p.protos[0];
    let leaf = &mid.protos[0];
    assert!(mid.upvalues[0].in_stack);
    assert!(!leaf.upvalues[0].in_stack);
    assert_eq!(leaf.upvalues[0].index, 0);
}

#[test]
fn repeat_until_sees_body_locals_and_closes_upvalues() {
    assert_eq!(
        code("repeat local x = f() local g = function() return x end until x"),
        lines(
            "GETTABUP 0 0 -1
             CALL 0 1 2
             CLOSURE 1 0
             TEST 0 0
             JMP 1 -5
             JMP 1 0
             RETURN 0 1"
        )
    );
}

#[test]
fn constant_folding_follows_lcode() {
    let k = |src: &str| compile_src(src).unwrap().constants;
    // Folded: integer and float arithmetic.
    assert_eq!(
        k("x = 1 + 2 * 3"),
        [Constant::Str(b"x"[..].into()), Constant::Int(7)]
    );
    assert_eq!(
        k("x = 2^10"),
        [Constant::Str(b"x"[..].into()), Constant::Float(1024.0)]
    );
    assert_eq!(
        k("x = 7 // 2"),
        [Constant::Str(b"x"[..].into()), Constant::Int(3)]
    );
    assert_eq!(
        k("x = 3 | 4.0"),
        [Constant::Str(b"x"[..].into()), Constant::Int(7)]
    );
    assert_eq!(
        k("x = -(-9223372036854775807 - 1)"),
        [Constant::Str(b"x"[..].into()), Constant::Int(i64::MIN)]
    );
    // Not folded: division by zero, NaN, -0.0, non-integral bitwise.
    assert!(code("x = 1 // 0").contains("IDIV"));
    assert!(code("x = 1 % 0").contains("MOD"));
    assert!(code("x = 0/0").contains("DIV"));
    assert!(code("x = -0.0").contains("UNM"));
    assert!(code("x = 1.5 | 1").contains("BOR"));
    assert!(code("x = 'a' + 1").contains("ADD"));
    // 1 and 1.0 are distinct constants.
    assert_eq!(
        k("x = {1, 1.0, 1}"),
        [
            Constant::Str(b"x"[..].into()),
            Constant::Int(1),
            Constant::Float(1.0)
        ]
    );
}

#[test]
fn not_and_comparisons_fold_into_jumps() {
    assert_eq!(
        code("if not (a < b) then f() end"),
        lines(
            "GETTABUP 0 0 -1
             GETTABUP 1 0 -2
             LT 1 0 1
             JMP 0 2
             GETTABUP 0 0 -3
             CALL 0 1 1
             RETURN 0 1"
        )
    );
    assert_eq!(code("x = not nil"), lines("SETTABUP 0 -1 -2\nRETURN 0 1"));
}

#[test]
fn multiple_results_are_adjusted() {
    assert_eq!(
        code("local a, b, c = f()"),
        lines("GETTABUP 0 0 -1\nCALL 0 1 4\nRETURN 0 1")
    );
    assert_eq!(
        code("local a = (f())"),
        lines("GETTABUP 0 0 -1\nCALL 0 1 2\nRETURN 0 1")
    );
    assert_eq!(
        code("return f(...)"),
        lines("GETTABUP 0 0 -1\nVARARG 1 0\nTAILCALL 0 0 0\nRETURN 0 0\nRETURN 0 1")
    );
    assert_eq!(
        code("t = {...}"),
        lines("NEWTABLE 0 0 0\nVARARG 1 0\nSETLIST 0 0 1\nSETTABUP 0 -1 0\nRETURN 0 1")
    );
}

// ----------------------------------------------------------------------
// Errors

#[test]
fn goto_errors_read_like_the_reference() {
    assert_eq!(
        compile_err("goto x"),
        "t.lua:1: no visible label 'x' for <goto> at line 1"
    );
    assert_eq!(
        compile_err("while x do end\nbreak\n\n"),
        "t.lua:4: <break> at line 2 not inside a loop"
    );
    assert_eq!(
        compile_err("::a::\n::a::"),
        "t.lua:2: label 'a' already defined on line 1"
    );
    assert_eq!(
        compile_err("goto f\nlocal x\n::f::\nprint(x)"),
        "t.lua:4: <goto f> at line 1 jumps into the scope of local 'x'"
    );
    // A label at the end of a block is outside its locals' scope...
    assert!(compile_src("do goto f local x ::f:: end").is_ok());
    // ...but not at the end of a repeat body (the condition sees them).
    assert_eq!(
        compile_err("repeat goto f local x ::f:: until x"),
        "t.lua:1: <goto f> at line 1 jumps into the scope of local 'x'"
    );
}

#[test]
fn vararg_outside_vararg_function() {
    // The parser reports this first; the compiler checks it too.
    let arena = Bump::new();
    let ret = chunk_return(&arena, e(ExprKind::Vararg));
    let body = arena.alloc(FuncBody {
        generics: &[],
        params: &[],
        is_vararg: false,
        vararg_ty: None,
        ret_tys: None,
        body: ret,
        line: 1,
        end_line: 1,
        span: Span::default(),
    });
    let chunk = chunk_return(&arena, e(ExprKind::Function(body)));
    assert_eq!(
        compile(&chunk, "@t.lua").unwrap_err().to_string(),
        "t.lua:1: cannot use '...' outside a vararg function near '...'"
    );
}

#[test]
fn too_many_locals() {
    let names: Vec<String> = (0..201).map(|i| format!("a{i}")).collect();
    let src = format!("local function f()\nlocal {}\nend", names.join(","));
    assert_eq!(
        compile_err(&src),
        "t.lua:3: too many local variables (limit is 200) in function at line 1 near 'end'"
    );
    let src = format!("local {}", names[..200].join(","));
    assert!(compile_src(&src).is_ok());
}

#[test]
fn too_many_upvalues() {
    let mut src = String::new();
    for i in 0..130 {
        src.push_str(&format!("local a{i} = {i}\n"));
    }
    src.push_str("local function g()\n");
    for i in 0..130 {
        src.push_str(&format!("local b{i} = {i}\n"));
    }
    src.push_str("return function() return ");
    let all: Vec<String> = (0..130).map(|i| format!("a{i} + b{i}")).collect();
    src.push_str(&all.join(" + "));
    src.push_str(" end\nend");
    let e = compile_err(&src);
    assert_eq!(
        e,
        "t.lua:262: too many upvalues (limit is 255) in function at line 262 near '+'"
    );
}

#[test]
fn too_many_local_variable_entries() {
    // More than SHRT_MAX debug entries in one function (not at once).
    let src = format!(
        "local function f()\n{}end",
        "do local x end\n".repeat(33_000)
    );
    assert_eq!(
        compile_err(&src),
        "too many local variables (limit is 32767)"
    );
}

#[test]
fn too_many_registers() {
    let args: Vec<String> = (0..300).map(|i| i.to_string()).collect();
    assert_eq!(
        compile_err(&format!("f({})", args.join(","))),
        "t.lua:1: function or expression needs too many registers near '254'"
    );
    assert!(compile_src(&format!("f({})", args[..250].join(","))).is_ok());
}

#[test]
fn too_many_c_levels() {
    // `x = ((...(1)...))`: the reference accepts 197 parentheses, not 198
    // (the parser reports it first; the compiler checks it too).
    let nested = |n: usize| {
        let arena = Bump::new();
        let mut x = e(ExprKind::Int(1));
        for _ in 0..n {
            x = e(ExprKind::Paren(arena.alloc(x)));
        }
        let targets = arena.alloc_slice_copy(&[e(ExprKind::Name("x"))]);
        let exprs = arena.alloc_slice_copy(&[x]);
        let stats = arena.alloc_slice_copy(&[Stat {
            kind: StatKind::Assign { targets, exprs },
            line: 1,
            span: Span::default(),
        }]);
        let chunk = Block {
            stats,
            ret: None,
            end_line: 1,
        };
        compile(&chunk, "@t.lua")
            .map(|_| ())
            .map_err(|e| e.to_string())
    };
    assert_eq!(nested(197), Ok(()));
    assert_eq!(
        nested(198),
        Err("t.lua:1: too many C levels (limit is 200) in main function".into())
    );
}

// ----------------------------------------------------------------------
// Large and deep inputs (ASTs built directly: the test parser recurses)

fn e<'a>(kind: ExprKind<'a>) -> Expr<'a> {
    Expr {
        kind,
        line: 1,
        span: Span::default(),
    }
}

fn chunk_return<'a>(arena: &'a Bump, x: Expr<'a>) -> Block<'a> {
    let exprs = arena.alloc_slice_copy(&[x]);
    Block {
        stats: &[],
        ret: Some(arena.alloc(Return {
            exprs,
            line: 1,
            span: Span::default(),
        })),
        end_line: 1,
    }
}

#[test]
fn long_left_assoc_chains_compile_iteratively() {
    let r = on_small_stack(|| {
        let arena = Bump::new();
        // 1 + 1 + ... (100k): folds to one constant.
        let mut x = e(ExprKind::Int(1));
        for _ in 1..100_000 {
            let l = arena.alloc(x);
            x = e(ExprKind::Binary(
                BinOp::Add,
                l,
                arena.alloc(e(ExprKind::Int(1))),
            ));
        }
        let p = compile(&chunk_return(&arena, x), "=deep").unwrap();
        assert_eq!(p.constants, [Constant::Int(100_000)]);

        // a.b.b.b... (100k) and f()()()... (100k), through casts too.
        let mut x = e(ExprKind::Name("a"));
        for i in 0..100_000 {
            let obj = arena.alloc(x);
            x = if i % 2 == 0 {
                e(ExprKind::Index(obj, arena.alloc(e(ExprKind::Str(b"b")))))
            } else {
                e(ExprKind::NonNil(arena.alloc(e(ExprKind::Call(obj, &[])))))
            };
        }
        let p = compile(&chunk_return(&arena, x), "=deep").unwrap();
        p.code.len()
    });
    assert!(r > 100_000);
}

#[test]
fn deep_right_assoc_chains_hit_the_level_limit() {
    let msg = on_small_stack(|| {
        let arena = Bump::new();
        let mut x = e(ExprKind::Name("x"));
        for _ in 0..100_000 {
            let r = arena.alloc(x);
            x = e(ExprKind::Binary(
                BinOp::Concat,
                arena.alloc(e(ExprKind::Name("x"))),
                r,
            ));
        }
        compile(&chunk_return(&arena, x), "=deep")
            .unwrap_err()
            .to_string()
    });
    assert_eq!(
        msg,
        "deep:1: too many C levels (limit is 200) in main function"
    );
    let msg = on_small_stack(|| {
        let arena = Bump::new();
        let mut x = e(ExprKind::Name("x"));
        for i in 0..100_000 {
            let inner = arena.alloc(x);
            x = match i % 3 {
                0 => e(ExprKind::Unary(UnOp::Neg, inner)),
                1 => e(ExprKind::Paren(inner)),
                _ => e(ExprKind::Table(
                    arena.alloc_slice_copy(&[Field::Positional(*inner)]),
                )),
            };
        }
        compile(&chunk_return(&arena, x), "=deep")
            .unwrap_err()
            .to_string()
    });
    assert_eq!(
        msg,
        "deep:1: too many C levels (limit is 200) in main function"
    );
}

#[test]
fn deep_nesting_just_under_the_limit_fits_a_small_stack() {
    on_small_stack(|| {
        let arena = Bump::new();
        // 190 nested function bodies / tables / calls / parens mixed.
        let mut x = e(ExprKind::Name("x"));
        for i in 0..190 {
            let inner = arena.alloc(x);
            x = match i % 4 {
                0 => e(ExprKind::Paren(inner)),
                1 => e(ExprKind::Table(
                    arena.alloc_slice_copy(&[Field::Positional(*inner)]),
                )),
                2 => e(ExprKind::Call(
                    arena.alloc(e(ExprKind::Name("f"))),
                    arena.alloc_slice_copy(&[*inner]),
                )),
                _ => e(ExprKind::Binary(
                    BinOp::Pow,
                    arena.alloc(e(ExprKind::Int(2))),
                    inner,
                )),
            };
        }
        compile(&chunk_return(&arena, x), "=deep").unwrap();
    });
    {
        // 195 nested blocks and loops.
        let mut src = String::new();
        for i in 0..195 {
            src.push_str(
                [
                    "do ",
                    "while x do ",
                    "if x then ",
                    "for i = 1, 2 do ",
                    "repeat ",
                ][i % 5],
            );
        }
        for i in (0..195).rev() {
            src.push_str(if i % 5 == 4 { "until x " } else { "end " });
        }
        super::on_big_stack(|| {
            let arena = Bump::new();
            let block = wlua_parser::parse(&arena, src.as_bytes(), "=deep").unwrap();
            on_small_stack(|| compile(&block, "=deep").unwrap());
        });
    }
    {
        // Nested functions: each level is a statement plus an expression.
        let mut src = String::new();
        for _ in 0..98 {
            src.push_str("return function() ");
        }
        for _ in 0..98 {
            src.push_str("end ");
        }
        super::on_big_stack(|| {
            let arena = Bump::new();
            let block = wlua_parser::parse(&arena, src.as_bytes(), "=deep").unwrap();
            on_small_stack(|| compile(&block, "=deep").unwrap());
        });
    }
}

#[test]
fn huge_constructor_uses_setlist_extraarg() {
    let arena = Bump::new();
    let fields: Vec<Field> = (0..100_000)
        .map(|i| Field::Positional(e(ExprKind::Int(i))))
        .collect();
    let t = e(ExprKind::Table(arena.alloc_slice_copy(&fields)));
    let p = compile(&chunk_return(&arena, t), "=big").unwrap();
    let setlists: Vec<_> = p
        .code
        .iter()
        .filter(|i| i.op() == OpCode::SetList)
        .collect();
    assert_eq!(setlists.len(), 2000);
    // Batches past 511 keep C = 0 and put the batch number in EXTRAARG.
    let pos = p
        .code
        .iter()
        .rposition(|i| i.op() == OpCode::SetList)
        .unwrap();
    assert_eq!(p.code[pos].c(), 0);
    assert_eq!(p.code[pos + 1].op(), OpCode::ExtraArg);
    assert_eq!(p.code[pos + 1].ax_arg(), 2000);
    assert_eq!(p.code[pos].b(), 50);
}

#[test]
fn many_constants_use_loadkx() {
    let arena = Bump::new();
    let n = 262_200;
    let fields: Vec<Field> = (0..n)
        .map(|i| Field::Positional(e(ExprKind::Int(i))))
        .collect();
    let t = e(ExprKind::Table(arena.alloc_slice_copy(&fields)));
    let p = compile(&chunk_return(&arena, t), "=big").unwrap();
    assert_eq!(p.constants.len(), n as usize);
    let kx = p
        .code
        .iter()
        .position(|i| i.op() == OpCode::LoadKx)
        .unwrap();
    assert_eq!(p.code[kx + 1].op(), OpCode::ExtraArg);
    assert_eq!(p.code[kx + 1].ax_arg(), 262_144);
}

#[test]
fn constants_past_rk_range_go_through_registers() {
    let mut src = String::from("local t = {");
    for i in 0..300 {
        src.push_str(&format!("'k{i}', "));
    }
    src.push_str("}\nt.z = t.k299");
    let c = code(&src);
    let tail: Vec<&str> = c.lines().rev().take(5).collect();
    // Key and value constants beyond index 255 are loaded with LOADK.
    assert_eq!(
        tail,
        [
            "RETURN 0 1",
            "SETTABLE 0 1 2",
            "GETTABLE 2 0 2",
            "LOADK 2 -300",
            "LOADK 1 -301"
        ]
    );
}

#[test]
fn type_annotations_casts_and_assertions_generate_no_code() {
    let pairs = [
        ("local x: number = 1 return x", "local x = 1 return x"),
        (
            "local function f<T>(a: T, ...: number): T return a end",
            "local function f(a, ...) return a end",
        ),
        // A type declaration is a local holding its run-time value
        // (typedesc.rs): `_ENV.types.define(description, referenced types)`.
        (
            "type Id = string local y = 2",
            "local Id = _ENV.types.define('2:Id0;ps') local y = 2",
        ),
        (
            "export type P<A> = {a: A} x = 1",
            "local P = _ENV.types.define('1:P1;1:AR1;1:a0g0;') x = 1",
        ),
        (
            "type Q = {p: P, m: mod.T?} type R = R",
            "local Q = _ENV.types.define('1:Q0;R2;1:p0r0;0;1:m0?r1;0;', P, mod.T) \
             local R = _ENV.types.define('1:R0;@0;')",
        ),
        ("local a = (b :: any).c", "local a = (b).c"),
        ("local a = b as number", "local a = b"),
        ("local a = b!.c", "local a = b.c"),
        (
            "function Obj:m(x: T): () self.x = x end",
            "function Obj:m(x) self.x = x end",
        ),
        // A cast keeps a call open (all results); parentheses truncate.
        ("local a, b = f() :: any", "local a, b = f()"),
        ("return f() :: any", "return f()"),
        ("return (f() :: any)", "return (f())"),
        ("g(f()!)", "g(f())"),
    ];
    for (typed, plain) in pairs {
        let t = compile_src(typed).unwrap_or_else(|e| panic!("{typed}: {e}"));
        let p = compile_src(plain).unwrap();
        assert_eq!(
            super::listing::listing(&t),
            super::listing::listing(&p),
            "{typed} vs {plain}"
        );
    }
}

/// Compile speed on a large generated program (`--ignored`; run in release:
/// `cargo test --release -p wlua-compiler compile_speed -- --ignored --nocapture`).
#[test]
#[ignore]
fn compile_speed() {
    let mut src = String::new();
    for seed in 0..400 {
        let prog = super::fuzz::program(seed);
        if wlua_parser::parse(&Bump::new(), prog.as_bytes(), "=p").is_ok() {
            src.push_str("do\n");
            src.push_str(&prog);
            src.push_str("\nend\n");
        }
    }
    if let Ok(path) = std::env::var("WLUA_SPEED_DUMP") {
        std::fs::write(path, &src).unwrap();
    }
    let arena = Bump::new();
    let t0 = std::time::Instant::now();
    let block = parse_for_speed(&arena, &src);
    let t1 = std::time::Instant::now();
    let reps: u32 = std::env::var("WLUA_SPEED_REPS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let mut p = compile(&block, "=speed").unwrap();
    for _ in 1..reps {
        p = compile(&block, "=speed").unwrap();
    }
    let t2 = std::time::Instant::now();
    eprintln!(
        "{} KB: parse {:?}, compile {:?} ({} instructions)",
        src.len() / 1024,
        t1 - t0,
        (t2 - t1) / reps,
        p.code.len()
    );
}

fn parse_for_speed<'a>(arena: &'a Bump, src: &str) -> Block<'a> {
    match wlua_parser::parse(arena, src.as_bytes(), "=speed") {
        Ok(b) => b,
        Err(e) => panic!("{e}"),
    }
}
