//! Parser tests. Expected error messages come from the reference
//! (`luac5.3 -p`), see ref_errors.rs and gen_ref_errors.py.

use super::*;
use crate::ast::*;

mod fuzz;
mod ref_errors;
mod sexpr;

/// Times the parse fell back to a generic message (diagnoser disagreed).
pub static FALLBACKS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

use sexpr::sexpr;

fn parse_ok(src: &str) -> String {
    let arena = Bump::new();
    match parse(&arena, src.as_bytes(), "@t.lua") {
        Ok(b) => sexpr(&b),
        Err(e) => panic!("{src:?}: {e}"),
    }
}

fn parse_err(src: &str) -> String {
    let arena = Bump::new();
    match parse(&arena, src.as_bytes(), "@t.lua") {
        Ok(b) => panic!("{src:?} parsed: {}", sexpr(&b)),
        Err(e) => e.to_string(),
    }
}

/// The expression of `return <src>`.
fn expr(src: &str) -> String {
    let s = parse_ok(&format!("return {src}"));
    s.strip_prefix("(return ")
        .and_then(|s| s.strip_suffix(')'))
        .unwrap_or(&s)
        .to_string()
}

#[test]
fn errors_match_the_reference() {
    let mut failures = vec![];
    for (src, want) in ref_errors::REF_ERRORS {
        let arena = Bump::new();
        let got = match parse(&arena, src, "@t.lua") {
            Ok(_) => Vec::new(),
            Err(e) => e.to_bytes(),
        };
        if &got[..] != *want {
            failures.push(format!(
                "{:?}\n   want {:?}\n   got  {:?}",
                String::from_utf8_lossy(src),
                String::from_utf8_lossy(want),
                String::from_utf8_lossy(&got)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[allow(clippy::type_complexity)]
mod ref_nesting;

fn nest(p: &(&str, &str, &str, &str, &str, usize, [&str; 3]), n: usize) -> String {
    let (pre, head, core, tail, suf, _, _) = *p;
    let mut s = String::from(pre);
    if head.starts_with("::") {
        let parts: Vec<String> = (0..n).map(|i| format!("{head}{i}{core}")).collect();
        s.push_str(&parts.join(" "));
    } else {
        s.push_str(&head.repeat(n));
        s.push_str(core);
        s.push_str(&tail.repeat(n));
    }
    s.push_str(suf);
    s
}

#[test]
fn nesting_limits_match_the_reference() {
    let mut failures = vec![];
    for p in ref_nesting::REF_NESTING {
        let limit = p.5;
        for (i, n) in [limit - 1, limit, limit + 1, 1000].into_iter().enumerate() {
            let src = nest(p, n);
            let arena = Bump::new();
            let got = match parse(&arena, src.as_bytes(), "@t.lua") {
                Ok(_) => String::new(),
                Err(e) => e.to_string(),
            };
            let want = if i == 0 { "" } else { p.6[i - 1] };
            if got != want {
                failures.push(format!(
                    "{:?} x{n}: want {want:?} got {got:?}",
                    (p.0, p.1, p.2, p.3, p.4)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[allow(clippy::type_complexity)]
mod ref_locals;

/// Builds a source from `ref_locals` segments: each text repeated, `#`
/// standing for the repetition's index.
fn segments(segs: &[(&str, usize)]) -> String {
    let mut s = String::new();
    for &(text, n) in segs {
        for i in 1..=n {
            if text.contains('#') {
                s.push_str(&text.replace('#', &i.to_string()));
            } else {
                s.push_str(text);
            }
        }
    }
    s
}

#[test]
fn local_and_upvalue_limits_match_the_reference() {
    let mut failures = vec![];
    for (segs, plain, bad) in ref_locals::REF_LOCALS {
        let src = segments(segs);
        let parse_msg = |src: &str| {
            let arena = Bump::new();
            match parse(&arena, src.as_bytes(), "@t.lua") {
                Ok(_) => String::new(),
                Err(e) => e.to_string(),
            }
        };
        // Followed by a syntax error, the diagnoser decides: the reference
        // reports whichever comes first.
        let got = parse_msg(&format!("{src}{}", ref_locals::BAD));
        if got != *bad {
            failures.push(format!("{segs:?} + BAD:\n   want {bad:?}\n   got  {got:?}"));
        }
        // As is, a limit the parser lets through is the compiler's to
        // report (the nesting walk did not call the diagnoser).
        let got = parse_msg(&src);
        let compilers = got.is_empty()
            && (plain.contains("too many local variables") || plain.contains("too many upvalues"));
        if got != *plain && !compilers {
            failures.push(format!("{segs:?}:\n   want {plain:?}\n   got  {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The typed dialect declares an annotated local or parameter after its
/// type, as the compiler does (its limit message is near the token after
/// the type).
#[test]
fn typed_locals_count_after_their_types() {
    let names: Vec<String> = (0..199).map(|i| format!("a{i}")).collect();
    let names = &names[..];
    let src = format!(
        "local {}\nlocal x: number, y: string = 1 1",
        names.join(", ")
    );
    assert_eq!(
        parse_err(&src),
        "t.lua:2: too many local variables (limit is 200) in main function near '='"
    );
    let src = format!(
        "local function f({}, x: number, y: {{string}}) end 1",
        names.join(", ")
    );
    assert_eq!(
        parse_err(&src),
        "t.lua:1: too many local variables (limit is 200) in function at line 1 near ')'"
    );
    // Names in types are not variables: no upvalues for them.
    let mut src = String::from("local t = 1\n");
    src.push_str(&format!("local {}\n", names[..198].join(", ")));
    src.push_str("local function g()\n");
    let b: Vec<String> = (0..57).map(|i| format!("b{i}")).collect();
    src.push_str(&format!("local {}\n", b.join(", ")));
    src.push_str("return function(): typeof(t) return 0");
    // 255 upvalues, and one more if `t` counted.
    for n in names[..198].iter().chain(&b) {
        src.push_str(&format!(" + {n}"));
    }
    src.push_str(" end\nend x");
    assert_eq!(parse_err(&src), "t.lua:6: syntax error near <eof>");
}

#[test]
fn precedence_follows_lua_5_3() {
    let cases = [
        ("1 + 2 * 3", "(+ 1 (* 2 3))"),
        ("1 * 2 + 3", "(+ (* 1 2) 3)"),
        ("1 - 2 - 3", "(- (- 1 2) 3)"),
        ("2 ^ 3 ^ 2", "(^ 2 (^ 3 2))"),
        ("-x ^ 2", "(neg (^ x 2))"),
        ("2 ^ -3", "(^ 2 (neg 3))"),
        ("2 ^ -3 ^ 2", "(^ 2 (neg (^ 3 2)))"),
        ("- - x", "(neg (neg x))"),
        ("not a == b", "(== (not a) b)"),
        ("a .. b .. c", "(.. a (.. b c))"),
        ("a + b .. c + d", "(.. (+ a b) (+ c d))"),
        ("a .. b == c", "(== (.. a b) c)"),
        ("a << b .. c", "(<< a (.. b c))"),
        ("a & b << c", "(& a (<< b c))"),
        ("a ~ b & c", "(~ a (& b c))"),
        ("a | b ~ c", "(| a (~ b c))"),
        ("a < b | c", "(< a (| b c))"),
        ("a and b < c", "(and a (< b c))"),
        ("a or b and c", "(or a (and b c))"),
        ("a or b or c", "(or (or a b) c)"),
        ("a < b < c", "(< (< a b) c)"),
        ("a == b ~= c", "(~= (== a b) c)"),
        ("a <= b >= c > d", "(> (>= (<= a b) c) d)"),
        ("a // b % c / d", "(/ (% (// a b) c) d)"),
        ("#t + 1", "(+ (len t) 1)"),
        ("~a ~ ~b", "(~ (bnot a) (bnot b))"),
        ("a >> b >> c", "(>> (>> a b) c)"),
        ("-2 ^ 2", "(neg (^ 2 2))"),
        ("not not true", "(not (not true))"),
        ("#'abc' .. 'd'", "(.. (len \"abc\") \"d\")"),
        ("1 .. 2 .. 3", "(.. 1 (.. 2 3))"),
        ("(1 + 2) * 3", "(* (paren (+ 1 2)) 3)"),
        ("a.b.c", "(index (index a \"b\") \"c\")"),
        ("a[b][c]", "(index (index a b) c)"),
        ("f(a)(b)", "(call (call f a) b)"),
        ("a.b:c(d)", "(method (index a \"b\") c d)"),
        ("f'x'", "(call f \"x\")"),
        ("f[[x]]", "(call f \"x\")"),
        ("f{1}", "(call f (table 1))"),
        ("a.b:c'x'", "(method (index a \"b\") c \"x\")"),
        ("f{}{}", "(call (call f (table)) (table))"),
        ("-a.b", "(neg (index a \"b\"))"),
        ("-f(x)^2", "(neg (^ (call f x) 2))"),
        ("...", "..."),
        (
            "nil, true, false, 1, 1.5, 0x10, 'a'",
            "nil true false 1 1.5 16 \"a\"",
        ),
        ("function(a, ...) end", "(fn (a ...) ())"),
        ("{1, x = 2, [3] = 4; 5,}", "(table 1 x=2 [3]=4 5)"),
        ("{f()}", "(table (call f))"),
        ("type(x)", "(call type x)"),
        ("typeof(x)", "(call typeof x)"),
    ];
    for (src, want) in cases {
        assert_eq!(expr(src), want, "{src}");
    }
}

#[test]
fn a_call_continues_on_the_next_line() {
    assert_eq!(parse_ok("f\n(g)"), "(call f g)");
    assert_eq!(
        parse_ok("local a = b\n(f)()"),
        "(local (a) ((call (call b f))))"
    );
    assert_eq!(parse_ok("a = b (f)()"), "(= (a) ((call (call b f))))");
    assert_eq!(parse_ok("a = b\n'x'"), "(= (a) ((call b \"x\")))");
    assert_eq!(parse_ok("a = b\n{x}"), "(= (a) ((call b (table x))))");
    assert_eq!(parse_ok("f()\n(g)()"), "(call (call (call f) g))");
    assert_eq!(parse_ok("return f\n(g)"), "(return (call f g))");
    // A neutral statement before `(` makes it a new statement.
    assert_eq!(parse_ok("do end (f)()"), "(do ()) (call (paren f))");
    assert_eq!(parse_ok("x = 1; (f)()"), "(= (x) (1)) (call (paren f))");
    assert_eq!(parse_ok("local x (f)()"), "(local (x)) (call (paren f))");
    assert_eq!(parse_ok("goto l (f)()"), "(goto l) (call (paren f))");
    assert_eq!(parse_ok("::l:: (f)()"), "(label l) (call (paren f))");
    assert_eq!(parse_ok("(f)() (g)()"), "(call (call (call (paren f)) g))");
    assert_eq!(parse_ok("(t).x = 1"), "(= ((index (paren t) \"x\")) (1))");
    assert_eq!(
        parse_ok("a, (b).c = 1, 2"),
        "(= (a (index (paren b) \"c\")) (1 2))"
    );
    assert_eq!(
        parse_ok("repeat until x (f)()"),
        "(repeat () (call (call x f)))"
    );
}

#[test]
fn statements_have_their_shapes() {
    let cases = [
        ("local a, b = 1", "(local (a b) (1))"),
        ("local a", "(local (a))"),
        (
            "a, b.c, d[1] = 1, 2",
            "(= (a (index b \"c\") (index d 1)) (1 2))",
        ),
        ("while x do break end", "(while x ((break)))"),
        ("repeat local y until y", "(repeat ((local (y))) y)"),
        (
            "if a then b() elseif c then d() else e() end",
            "(if a ((call b)) c ((call d)) else ((call e)))",
        ),
        ("if a then end", "(if a ())"),
        ("for i = 1, 10 do end", "(for i 1 10 ())"),
        ("for i = 1, 10, 2 do end", "(for i 1 10 2 ())"),
        (
            "for k, v in pairs(t) do end",
            "(forin (k v) ((call pairs t)) ())",
        ),
        ("function a.b.c:m(x) end", "(function a.b.c:m (x) ())"),
        (
            "function f(...) return ... end",
            "(function f (...) ((return ...)))",
        ),
        ("local function f() end", "(localfunction f () ())"),
        (
            "goto continue ::continue::",
            "(goto continue) (label continue)",
        ),
        ("x = 1 ::continue::", "(= (x) (1)) (label continue)"),
        (";;; f() ;;", "(call f)"),
        ("return", "(return)"),
        ("return;", "(return)"),
        ("return 1, 2;", "(return 1 2)"),
        ("do return end", "(do ((return)))"),
        (
            "local type = type x = type(y)",
            "(local (type) (type)) (= (x) ((call type y)))",
        ),
        ("local type x = 1", "(local (type)) (= (x) (1))"),
        ("x = type y = 1", "(= (x) (type)) (= (y) (1))"),
        ("type.x = 1", "(= ((index type \"x\")) (1))"),
        (
            "local as = 1 f(as) as = 2",
            "(local (as) (1)) (call f as) (= (as) (2))",
        ),
        (
            "local export = 1 export = 2",
            "(local (export) (1)) (= (export) (2))",
        ),
        (
            "t = {type = 1, as = 2, typeof = 3}",
            "(= (t) ((table type=1 as=2 typeof=3)))",
        ),
        (
            "local typeof = 1 function typeof() end",
            "(local (typeof) (1)) (function typeof () ())",
        ),
    ];
    for (src, want) in cases {
        assert_eq!(parse_ok(src), want, "{src}");
    }
}

#[test]
fn typed_dialect_parses() {
    let cases = [
        ("local x: number = 1", "(local (x:number) (1))"),
        (
            "local f: function? = nil",
            "(local (f:(opt function)) (nil))",
        ),
        (
            "local a: string, b, c: T? = 1",
            "(local (a:string b c:(opt T)) (1))",
        ),
        (
            "local function f(a: string, b: number?): boolean end",
            "(localfunction f (a:string b:(opt number)) ->(boolean) ())",
        ),
        (
            "function f(): (string, integer) end",
            "(function f () ->(string integer) ())",
        ),
        (
            "function f(...: number): number end",
            "(function f (...:number) ->(number) ())",
        ),
        ("function f(): () end", "(function f () ->() ())"),
        (
            "local g = function(x: number): number return x end",
            "(local (g) ((fn (x:number) ->(number) ((return x)))))",
        ),
        (
            "local function first<T>(xs: {T}): T? end",
            "(localfunction first<T> (xs:(array T)) ->((opt T)) ())",
        ),
        (
            "local function label<T: Named>(x: T): string end",
            "(localfunction label<T:Named> (x:T) ->(string) ())",
        ),
        (
            "function Obj:m<T, U: Box<T>>(x: T) end",
            "(function Obj:m<T U:Box<T>> (x:T) ())",
        ),
        ("type Id = string", "(type Id string)"),
        (
            "type Pair<A, B> = {left: A, right: B}",
            "(type Pair<A B> (record left:A right:B))",
        ),
        ("export type Id = string", "(export-type Id string)"),
        (
            "type R = {a: number, b?: string; c: {number}}",
            "(type R (record a:number b?:string c:(array number)))",
        ),
        (
            "type M = {[string]: boolean}",
            "(type M (map string boolean))",
        ),
        ("type E = {}", "(type E (record))"),
        (
            "type S = \"pending\" | \"active\"",
            "(type S (union \"pending\" \"active\"))",
        ),
        (
            "type S =\n  | \"a\"\n  | \"b\"",
            "(type S (union \"a\" \"b\"))",
        ),
        ("type U = | number", "(type U number)"),
        (
            "type I = {name: string} & {age: number}",
            "(type I (inter (record name:string) (record age:number)))",
        ),
        (
            "type L = true | false | nil | 1 | -2 | 1.5",
            "(type L (union true false nil 1 -2 1.5))",
        ),
        (
            "type F = (number, string) -> boolean",
            "(type F (fntype (number string) (boolean)))",
        ),
        (
            "type F = (a: number, ...string) -> (boolean, string)",
            "(type F (fntype (a:number ...string) (boolean string)))",
        ),
        (
            "type F = (...: number) -> ...string",
            "(type F (fntype ( ...number) ( ...string)))",
        ),
        ("type F = () -> ()", "(type F (fntype () ()))"),
        ("type F = <T>(T) -> T", "(type F (fntype<T> (T) (T)))"),
        (
            "type F = (number) -> (number) -> number",
            "(type F (fntype (number) ((fntype (number) (number)))))",
        ),
        (
            "type F = ((number) -> number)?",
            "(type F (opt (fntype (number) (number))))",
        ),
        ("type P = (number)", "(type P number)"),
        ("type G = Box<Box<T>>", "(type G Box<Box<T>>)"),
        (
            "type G = Map<string, Box<Box<T>>>",
            "(type G Map<string Box<Box<T>>>)",
        ),
        ("type G = A<B<C<D>>>", "(type G A<B<C<D>>>)"),
        ("type G = A<B<C<D<E>>>>", "(type G A<B<C<D<E>>>>)"),
        ("type G<T: Box<U>> = T", "(type G<T:Box<U>> T)"),
        ("type Q = mod.Name", "(type Q mod.Name)"),
        ("type Q = mod.Name<number>", "(type Q mod.Name<number>)"),
        (
            "type V = {years: number @min(0) @max(130)}",
            "(type V (record years:(valid number @min(0) @max(130))))",
        ),
        (
            "local pct: {number @min(0) @max(100)} = {10, 90}",
            "(local (pct:(array (valid number @min(0) @max(100)))) ((table 10 90)))",
        ),
        (
            "local key: integer @min(1) | string @min_len(1) = 5",
            "(local (key:(union (valid integer @min(1)) (valid string @min_len(1)))) (5))",
        ),
        ("type T = typeof(x)", "(type T (typeof x))"),
        (
            "local z = (u :: {[string]: boolean}).verbose",
            "(local (z) ((index (paren (cast u (map string boolean))) \"verbose\")))",
        ),
        ("local z = u as number", "(local (z) ((cast u number)))"),
        (
            "local z = u :: number as string",
            "(local (z) ((cast (cast u number) string)))",
        ),
        (
            "local z = u :: {number} :: string",
            "(local (z) ((cast (cast u (array number)) string)))",
        ),
        (
            "local z = a + b :: number",
            "(local (z) ((cast (+ a b) number)))",
        ),
        ("f(x :: T, y as U)", "(call f (cast x T) (cast y U))"),
        (
            "print(user!.name)",
            "(call print (index (! user) \"name\"))",
        ),
        (
            "print((user!).name)",
            "(call print (index (paren (! user)) \"name\"))",
        ),
        ("local n = f()!", "(local (n) ((! (call f))))"),
        (
            "local t: {T?} = {}",
            "(local (t:(array (opt T))) ((table)))",
        ),
        (
            "local t: {a?: T?} = {}",
            "(local (t:(record a?:(opt T))) ((table)))",
        ),
        (
            "if type(x) == \"table\" then end",
            "(if (== (call type x) \"table\") ())",
        ),
        (
            "local x: number\n(f)()",
            "(local (x:number)) (call (paren f))",
        ),
        ("type A = B\n(f)()", "(type A B) (call (paren f))"),
        (
            "function f(): T\n(g)() end",
            "(function f () ->(T) ((call (paren g))))",
        ),
        ("x = y as {number}", "(= (x) ((cast y (array number))))"),
        ("::type:: goto type", "(label type) (goto type)"),
    ];
    for (src, want) in cases {
        assert_eq!(parse_ok(src), want, "{src}");
    }
}

#[test]
fn typed_dialect_errors_are_errors() {
    for src in [
        "local x: = 1",
        "type = 1 + ",
        "type X = ",
        "type X = (a, b)",
        "type X = (a: number)",
        "type X = A | (B, C)",
        "local x: (A, B) = 1",
        "function f(): ...number end",
        "function f(): (a: number) end",
        "local x: {a: } = 1",
        "local x: A< = 1",
        "local x: A<B = 1",
        "x = y :: ",
        "x = y as",
        "type F = (A) -> ",
        "type X<> = A",
        "local x: number @min = 1",
        "export x = 1",
    ] {
        let e = parse_err(src);
        assert!(e.starts_with("t.lua:"), "{src}: {e}");
    }
    assert_eq!(parse_err("local x: = 1"), "t.lua:1: type expected near '='");
    assert_eq!(
        parse_err("type X = (a, b)"),
        "t.lua:1: '->' expected near <eof>"
    );
    assert_eq!(
        parse_err("local x: A<B = 1"),
        "t.lua:1: '>' expected near '='"
    );
}

fn first_expr<'a>(b: &Block<'a>) -> &'a Expr<'a> {
    match b.stats[0].kind {
        StatKind::Local { exprs, .. } | StatKind::Assign { exprs, .. } => &exprs[0],
        StatKind::Call(e) => e,
        ref k => panic!("{k:?}"),
    }
}

#[test]
fn lines_follow_the_conventions_of_ast_rs() {
    let arena = Bump::new();
    // Binary: the operator's line; call: where the called expression starts;
    // index: the `.` / `[` line.
    let src = "x = a\n+\nb";
    let b = parse(&arena, src.as_bytes(), "=t").unwrap();
    let e = first_expr(&b);
    assert_eq!(e.line, 2);
    assert_eq!(b.stats[0].line, 1);
    let src = "local y = f\n.g\n[1]\n:m\n(2)";
    let b = parse(&arena, src.as_bytes(), "=t").unwrap();
    let e = first_expr(&b);
    let ExprKind::MethodCall(obj, "m", _) = e.kind else {
        panic!("{e:?}")
    };
    assert_eq!(e.line, 1);
    assert_eq!(obj.line, 3);
    let ExprKind::Index(inner, _) = obj.kind else {
        panic!()
    };
    assert_eq!(inner.line, 2);
    let src = "\n\nf\n(\n1\n)";
    let b = parse(&arena, src.as_bytes(), "=t").unwrap();
    assert_eq!(first_expr(&b).line, 3);
    assert_eq!(b.stats[0].line, 3);
    assert_eq!(b.stats[0].span, Span { start: 2, end: 9 });
    // Unary: the operator's line.
    let b = parse(&arena, b"x =\n-\n\n1", "=t").unwrap();
    assert_eq!(first_expr(&b).line, 2);
}

#[test]
fn function_and_block_lines_are_the_references() {
    let arena = Bump::new();
    let src = "local f = function\n(a)\nreturn a\nend\nlocal function g\n()\nend\nfunction h()\n\nend\n\n";
    let b = parse(&arena, src.as_bytes(), "=t").unwrap();
    let StatKind::Local { exprs, .. } = b.stats[0].kind else {
        panic!()
    };
    let ExprKind::Function(f) = exprs[0].kind else {
        panic!()
    };
    // linedefined is the line of `(` for function expressions and local
    // functions (luac -l prints <t:2,4> and <t:6,7>), of `function` for
    // function statements.
    assert_eq!(
        (exprs[0].line, f.line, f.end_line, f.body.end_line),
        (1, 2, 4, 4)
    );
    let StatKind::LocalFunction { func, .. } = b.stats[1].kind else {
        panic!()
    };
    assert_eq!((func.line, func.end_line), (6, 7));
    let StatKind::Function { func, .. } = b.stats[2].kind else {
        panic!()
    };
    assert_eq!((func.line, func.end_line), (8, 10));
    // The main block ends at the end of input.
    assert_eq!(b.end_line, 12);
    let src = "if a then\nx()\nelseif b then\ny()\nelse\nz()\nend\nwhile c do\nend\nrepeat\nlocal q\nuntil q\nfor i = 1, 2 do\n\nend";
    let b = parse(&arena, src.as_bytes(), "=t").unwrap();
    let StatKind::If { arms, else_body } = b.stats[0].kind else {
        panic!()
    };
    assert_eq!((arms[0].line, arms[0].body.end_line), (1, 3));
    assert_eq!((arms[1].line, arms[1].body.end_line), (3, 5));
    assert_eq!(else_body.unwrap().end_line, 7);
    let StatKind::While { ref body, .. } = b.stats[1].kind else {
        panic!()
    };
    assert_eq!((b.stats[1].line, body.end_line), (8, 9));
    let StatKind::Repeat { ref body, .. } = b.stats[2].kind else {
        panic!()
    };
    assert_eq!(body.end_line, 12);
    let StatKind::NumFor { ref body, var, .. } = b.stats[3].kind else {
        panic!()
    };
    assert_eq!((body.end_line, var.line), (15, 13));
    let b = parse(&arena, b"do return 1 end", "=t").unwrap();
    let StatKind::Do(ref inner) = b.stats[0].kind else {
        panic!()
    };
    assert_eq!(inner.ret.unwrap().line, 1);
}

#[test]
fn spans_cover_their_source() {
    let arena = Bump::new();
    let src = "local x = foo.bar(1, 'two') + 3";
    let b = parse(&arena, src.as_bytes(), "=t").unwrap();
    let e = first_expr(&b);
    assert_eq!(
        &src[e.span.start as usize..e.span.end as usize],
        "foo.bar(1, 'two') + 3"
    );
    let ExprKind::Binary(_, call, three) = e.kind else {
        panic!()
    };
    assert_eq!(
        &src[call.span.start as usize..call.span.end as usize],
        "foo.bar(1, 'two')"
    );
    assert_eq!(
        &src[three.span.start as usize..three.span.end as usize],
        "3"
    );
    let StatKind::Local { names, .. } = b.stats[0].kind else {
        panic!()
    };
    assert_eq!(
        &src[names[0].span.start as usize..names[0].span.end as usize],
        "x"
    );
}

#[test]
fn errors_expose_line_message_and_span() {
    let arena = Bump::new();
    let e = parse(&arena, b"x = 1\ny = = 2", "@t.lua").unwrap_err();
    assert_eq!(e.chunk, "t.lua");
    assert_eq!(e.line, 2);
    assert_eq!(e.message, "unexpected symbol near '='");
    assert_eq!(e.span, Span { start: 10, end: 11 });
    assert_eq!(e.to_string(), "t.lua:2: unexpected symbol near '='");
    let e = parse(&arena, b"x = = 1", "=stdin").unwrap_err();
    assert_eq!(e.to_string(), "stdin:1: unexpected symbol near '='");
    let e = parse(&arena, b"x = = 1", "x = = 1").unwrap_err();
    assert_eq!(
        e.to_string(),
        "[string \"x = = 1\"]:1: unexpected symbol near '='"
    );
    // Non-UTF-8 near text is exact in the bytes.
    let e = parse(&arena, b"x = 1 '\xff'", "=t").unwrap_err();
    assert_eq!(e.message_bytes(), b"unexpected symbol near ''\xff''");
    assert_eq!(e.to_bytes(), b"t:1: unexpected symbol near ''\xff''");
    // A string chunk does not skip a `#` line, a file does.
    assert!(parse(&arena, b"#!/bin/lua\nreturn 1", "=(load)").is_err());
    assert!(parse(&arena, b"#!/bin/lua\nreturn 1", "@f.lua").is_ok());
}

#[test]
fn long_flat_inputs_parse_without_deep_recursion() {
    let arena = Bump::new();
    let n = 100_000;
    for src in [
        format!("x = a{}", ".a".repeat(n)),
        format!("x = a{}", " + a".repeat(n)),
        format!("x = a{}", " and a".repeat(n)),
        format!("x = f{}", "()".repeat(n)),
        format!("x = a{}", ":m()".repeat(n)),
        format!("x = a{}", "[1]".repeat(n)),
        format!("x = {{{}}}", "1,".repeat(n)),
        format!("x = \"{}\"", "a".repeat(10_000_000)),
        format!("x = [[{}]]", "a\n".repeat(1_000_000)),
        "x = 1\n".repeat(n),
        format!("if a then{} end", " elseif a then".repeat(n)),
    ] {
        let b = parse(&arena, src.as_bytes(), "=t");
        assert!(b.is_ok(), "{}", &src[..40]);
    }
}

#[test]
fn deep_inputs_fail_cleanly() {
    let n = 100_000;
    let cases = [
        (
            format!("x = {}1{}", "(".repeat(n), ")".repeat(n)),
            "t:1: too many C levels (limit is 200) in main function near '('",
        ),
        (
            format!("x = {}", "(".repeat(n)),
            "t:1: too many C levels (limit is 200) in main function near '('",
        ),
        (
            format!("x = {}", "{".repeat(n)),
            "t:1: too many C levels (limit is 200) in main function near '{'",
        ),
        (
            "do ".repeat(n).to_string(),
            "t:1: too many C levels (limit is 200) in main function near 'do'",
        ),
        (
            format!("x = {}1", "not ".repeat(n)),
            "t:1: too many C levels (limit is 200) in main function near 'not'",
        ),
        (
            format!("x = {}1", "- ".repeat(n)),
            "t:1: too many C levels (limit is 200) in main function near '-'",
        ),
        (
            format!("x = {}a", "a .. ".repeat(n)),
            "t:1: too many C levels (limit is 200) in main function near 'a'",
        ),
        (
            format!("x = {}a", "a ^ ".repeat(n)),
            "t:1: too many C levels (limit is 200) in main function near 'a'",
        ),
        (
            format!("a{} = 1", ", a".repeat(n)),
            "t:1: too many C levels (limit is 200) in main function near ','",
        ),
        (
            format!("x = {}", "function() return ".repeat(n)),
            "t:1: too many C levels (limit is 200) in function at line 1 near 'function'",
        ),
        (
            format!("local x: {}number", "{".repeat(n)),
            "t:1: too many C levels (limit is 200) in main function near '{'",
        ),
        (
            format!("{}{}", "for i = 1, 1 do ".repeat(n), "end ".repeat(n)),
            "t:1: too many local variables (limit is 200) in main function near '='",
        ),
        (
            "for k, v in pairs(t) do ".repeat(n),
            "t:1: too many local variables (limit is 200) in main function near ','",
        ),
        (
            "while x do local a ".repeat(n),
            "t:1: too many C levels (limit is 200) in main function near 'x'",
        ),
        (
            "local function f(a, b) local c ".repeat(n),
            "t:1: too many C levels (limit is 200) in function at line 1 near 'local'",
        ),
    ];
    for (src, want) in cases {
        let arena = Bump::new();
        let e = parse(&arena, src.as_bytes(), "=t").unwrap_err();
        assert_eq!(e.to_string(), want, "{}", &src[..30]);
    }
}

/// Parsing speed on a generated program (not asserted). Run with
/// `cargo test --release -p wlua-parser -- --ignored parse_speed --nocapture`.
#[test]
#[ignore]
fn parse_speed() {
    let mut g = fuzz::Gen::new(5, false);
    let mut src = std::env::var("PARSE_BENCH_FILE")
        .map(|f| std::fs::read_to_string(f).unwrap())
        .unwrap_or_default();
    while src.len() < 20_000_000 {
        src.push_str("do ");
        src.push_str(&g.program());
        src.push_str(" end\n");
        src.push_str("local function f(a, b)\n  local t = {x = 1, y = 2, [3] = 'z'}\n  for i = 1, #a do\n    if a[i] ~= nil and t.x > 0 then t.y = t.y + a[i] * 2 elseif b then b(i) end\n  end\n  return t, 'done' .. tostring(b)\nend\n");
    }
    let bytes = src.len() as f64;
    for _ in 0..3 {
        let lex_start = std::time::Instant::now();
        let mut lx = wlua_lexer::Lexer::new(src.as_bytes());
        let mut n = 0usize;
        while lx.next_token().unwrap().token != wlua_lexer::Token::Eof {
            n += 1;
        }
        let lex_t = lex_start.elapsed().as_secs_f64();
        let arena = Bump::new();
        let start = std::time::Instant::now();
        let mut ts = tokens::TokStream::new(wlua_lexer::Lexer::new(src.as_bytes()), &arena);
        let cx = actions::Cx::new(&arena);
        let block = grammar::ChunkParser::new()
            .parse(&arena, &cx, tokens::LalrIter { ts: &mut ts })
            .unwrap();
        let lalr_t = start.elapsed().as_secs_f64();
        let ok = check::tree_ok(&block, 1);
        let walk_t = start.elapsed().as_secs_f64() - lalr_t;
        println!("lalr {:.2}s walk {:.2}s walk ok {ok}", lalr_t, walk_t);
        let arena = Bump::new();
        let start = std::time::Instant::now();
        parse(&arena, src.as_bytes(), "=bench").unwrap();
        let t = start.elapsed().as_secs_f64();
        println!(
            "{:.1} MB, {n} tokens: lex {:.1} MB/s, parse {:.1} MB/s ({:.0} ns/token), arena {:.1} MB",
            bytes / 1e6,
            bytes / 1e6 / lex_t,
            bytes / 1e6 / t,
            t * 1e9 / n as f64,
            arena.allocated_bytes() as f64 / 1e6
        );
    }
}

#[test]
#[ignore]
fn print_node_sizes() {
    use std::mem::size_of;
    println!(
        "Expr {} Stat {} Block {} Type {} Field {} FuncBody {} Pack {} Bin {} Suf {}",
        size_of::<Expr>(),
        size_of::<Stat>(),
        size_of::<Block>(),
        size_of::<Type>(),
        size_of::<Field>(),
        size_of::<FuncBody>(),
        size_of::<actions::Pack>(),
        size_of::<actions::Bin>(),
        size_of::<actions::Suf>()
    );
    let mut g = fuzz::Gen::new(5, false);
    let mut src = String::new();
    while src.len() < 2_000_000 {
        src.push_str("do ");
        src.push_str(&g.program());
        src.push_str(" end\n");
    }
    let arena = Bump::new();
    parse(&arena, src.as_bytes(), "=x").unwrap();
    println!("src {} arena {}", src.len(), arena.allocated_bytes());
}

/// The diagnoser recurses (as lparser.c does) but never past the nesting
/// limit: it must fit in a modest stack even in a debug build.
#[test]
fn diagnoser_fits_in_a_small_stack() {
    let n = 20_000;
    let sources = [
        format!("x = {}1{}", "(".repeat(n), ")".repeat(n)),
        format!("x = {}", "function() return ".repeat(n)),
        format!("x = {}", "{f(".repeat(n)),
        "if x then ".repeat(n).to_string(),
        format!("x = {}1", "- ".repeat(n)),
        format!("x = {}a", "a .. ".repeat(n)),
        format!("local x: {}", "{".repeat(n)),
        format!("local x: {}", "(".repeat(n)),
        format!("x = {}", "a[".repeat(n)),
        "local function f(a) local b ".repeat(n),
        "repeat local a ".repeat(n),
        "while x do local a ".repeat(n),
    ];
    for src in sources {
        let h = std::thread::Builder::new()
            .stack_size(512 * 1024)
            .spawn(move || {
                let arena = Bump::new();
                parse(&arena, src.as_bytes(), "=t").unwrap_err().to_string()
            })
            .unwrap();
        let msg = h.join().expect("stack overflow in the diagnoser");
        assert!(msg.contains("C levels"), "{msg}");
    }
}
