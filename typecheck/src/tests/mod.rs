//! Checker tests on inline sources: each names the failure it guards.

use crate::{Checked, check_source};

/// `line: CODE message` for each diagnostic.
fn check(src: &str) -> Vec<String> {
    match check_source(src.as_bytes(), "@t.lua") {
        Checked::Syntax(e) => vec![format!("syntax: {e}")],
        Checked::Types(ds) => ds
            .iter()
            .map(|d| {
                let (l, _) = crate::diag::line_col(src, d.span.start);
                format!("{l}: {} {}", d.code, d.message)
            })
            .collect(),
    }
}

fn clean(src: &str) {
    let d = check(src);
    assert!(d.is_empty(), "expected no diagnostics, got {d:#?}");
}

fn one(src: &str, want: &str) {
    let d = check(src);
    assert_eq!(d, vec![want.to_string()], "source:\n{src}");
}

#[test]
fn smoke() {
    clean("local x: number = 1\nprint(x)");
}

#[test]
fn annotated_local_initialisers_are_checked() {
    one(
        "local n: integer = 1.5",
        "1: E0001 local 'n': expected integer, got number",
    );
    one(
        "local s: string = 1",
        "1: E0001 local 's': expected string, got integer",
    );
    clean("local n: number = 1\nlocal m: integer = 1 // 1\nlocal f: number = 1 / 2");
    one(
        "local n: integer = 1 / 2",
        "1: E0001 local 'n': expected integer, got number",
    );
    clean("local b: boolean = 1 < 2\nlocal s: string = 'a' .. 1");
}

#[test]
fn non_nullable_by_default() {
    one(
        "local n: number = nil",
        "1: E0001 local 'n': expected number, got nil",
    );
    clean("local n: number? = nil");
    one(
        "local function f(x: number?): number\n  return x + 1\nend",
        "2: E0005 arithmetic on a value of type number?: it may be nil",
    );
}

#[test]
fn narrowing_by_truthiness_nil_checks_and_type() {
    clean("local function f(x: number?): number\n  if x then return x + 1 end\n  return 0\nend");
    clean(
        "local function f(x: number?): number\n  if x ~= nil then return x + 1 end\n  return 0\nend",
    );
    clean(
        "local function f(x: number?): number\n  if x == nil then return 0 end\n  return x + 1\nend",
    );
    clean("local function f(x: number?): number\n  if not x then return 0 end\n  return x\nend");
    clean(
        "local function f(x: number | string): number\n  if type(x) == 'string' then return #x end\n  return x\nend",
    );
    one(
        "local function f(x: number | string): number\n  if type(x) == 'string' then return x end\n  return x\nend",
        "2: E0004 return value: expected number, got string",
    );
    clean("local function f(x: number?): number\n  assert(x)\n  return x\nend");
    clean("local function f(x: number?): number\n  if not x then error('no') end\n  return x\nend");
    clean(
        "local function f(x: string?, y: string?): string\n  if x and y then return x .. y end\n  return ''\nend",
    );
}

#[test]
fn narrowing_of_field_paths_is_invalidated_by_assignment() {
    clean(
        "local function f(c: {port: integer?}): integer\n  if c.port then return c.port end\n  return 80\nend",
    );
    one(
        "local function f(c: {port: integer?}): integer\n  if c.port then\n    c.port = nil\n    return c.port\n  end\n  return 80\nend",
        "4: E0004 return value: expected integer, got nil",
    );
}

#[test]
fn tagged_unions_narrow_on_their_discriminant() {
    let src = "type Shape = {kind: \"circle\", r: number} | {kind: \"rect\", w: number, h: number}
local function area(s: Shape): number
  if s.kind == \"circle\" then
    return s.r * s.r
  end
  return s.w * s.h
end
area({kind = \"rect\", w = 2, h = 3})";
    clean(src);
    let d = check(&format!("{src}\narea({{kind = \"square\", w = 2}})"));
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(
        d[0].starts_with(
            "9: E0002 argument #1 of 'area': field 'kind': \"square\" matches no member"
        ),
        "{d:?}"
    );
}

#[test]
fn calls_are_checked_against_signatures() {
    let f = "local function f(a: integer, b: string) end\n";
    one(
        &format!("{f}f(1, 2)"),
        "2: E0002 argument #2 of 'f': expected string, got integer",
    );
    one(
        &format!("{f}f(1)"),
        "2: E0003 missing argument #2 'b' to 'f': expected string",
    );
    one(
        &format!("{f}f(1, 'x', 3)"),
        "2: E0003 too many arguments to 'f': expected at most 2, got 3",
    );
    clean(&format!("{f}f(1, 'x')"));
    // Optional trailing parameters may be left out.
    clean("local function g(a: integer, b: string?) end\ng(1)");
}

#[test]
fn record_fields_are_named_in_messages() {
    let u = "type User = {name: string, age?: integer}\n";
    one(
        &format!("{u}local x: User = {{name = 'a', age = 'x'}}"),
        "2: E0001 field 'age': expected integer, got string",
    );
    one(
        &format!("{u}local x: User = {{age = 3}}"),
        "2: E0001 missing field 'name' (expected string)",
    );
    clean(&format!("{u}local x: User = {{name = 'a', extra = true}}"));
    one(
        &format!("{u}local function greet(u: User) end\nlocal v = {{name = 1}}\ngreet(v)"),
        "4: E0002 argument #1 of 'greet': field 'name': expected string, got integer",
    );
    one(
        &format!("{u}local function f(u: User): string return u.nme end"),
        "2: E0006 field 'nme' does not exist on User",
    );
}

#[test]
fn standard_library_signatures() {
    one(
        "local s: string = string.rep('a', 'b')",
        "1: E0002 argument #2 of 'string.rep': expected integer, got string",
    );
    one(
        "local n: integer = math.floor(true) + #'abc'",
        "1: E0002 argument #1 of 'math.floor': expected number | string, got boolean",
    );
    clean(
        "local n: integer = math.floor(2.5)\nlocal s: string = ('x'):upper()\nprint(tostring(1), tonumber('2'))",
    );
    one(
        "local n: number = tonumber('2')",
        "1: E0005 local 'n': expected number, got number?",
    );
    one(
        "string.format()",
        "1: E0003 missing argument #1 to 'string.format': expected string | number",
    );
    clean("for i, v in ipairs({1, 2}) do local n: integer = v + i end");
    clean(
        "local t: {[string]: integer} = {}\nfor k, v in pairs(t) do local s: string = k; local n: integer = v end",
    );
}

#[test]
fn generics_are_inferred_from_arguments() {
    let id = "local function id<T>(x: T): T return x end\n";
    clean(&format!("{id}local n: integer = id(1)"));
    one(
        &format!("{id}local n: string = id(1)"),
        "2: E0001 local 'n': expected string, got integer",
    );
    let map = "local function map<T, U>(xs: {T}, f: (T) -> U): {U}\n  local out = {}\n  for i, x in ipairs(xs) do out[i] = f(x) end\n  return out\nend\n";
    clean(&format!(
        "{map}local r: {{string}} = map({{1, 2}}, function(x) return tostring(x) end)"
    ));
    one(
        &format!("{map}local r: {{integer}} = map({{1, 2}}, function(x) return tostring(x) end)"),
        "6: E0001 local 'r': array element: expected integer, got string",
    );
    let largest = "local function largest<T: {size: number}>(a: T, b: T): T\n  if a.size >= b.size then return a end\n  return b\nend\n";
    clean(&format!(
        "{largest}largest({{size = 1, id = 'x'}}, {{size = 2, id = 'y'}})"
    ));
    one(
        &format!("{largest}largest({{id = 'x'}}, {{id = 'y'}})"),
        "5: E0009 type argument T of 'largest': missing field 'size'",
    );
}

#[test]
fn returns_are_checked() {
    one(
        "local function f(): integer return 'x' end",
        "1: E0004 return value: expected integer, got string",
    );
    one(
        "local function f(): (integer, string) return 1 end",
        "1: E0004 missing return value #2: expected string",
    );
    one(
        "local function f(): integer return 1, 2 end",
        "1: E0004 too many return values: expected 1, got 2",
    );
    one(
        "local function f(x: boolean): integer\n  if x then return 1 end\nend",
        "3: E0010 function can reach its end without returning (integer)",
    );
    clean("local function f(): never error('x') end");
    // Inferred returns flow to callers.
    one(
        "local function f() return 'x' end\nlocal n: integer = f()",
        "2: E0001 local 'n': expected integer, got string",
    );
}

#[test]
fn unannotated_code_reports_only_certain_failures() {
    clean("local x = nil\nif math.random() > 0.5 then x = 'a' end\nprint(x:upper())");
    clean("local t = {}\nt.x = 1\nprint(t.y)\nlocal function f(a, b) return a + b end\nf('1', 2)");
    clean("local s = '10'\nprint(s + 1)");
    one(
        "local n = nil\nprint(n.x)",
        "2: E0007 attempt to index a nil value",
    );
    one(
        "local b = true\nprint(b + 1)",
        "2: E0007 attempt to perform arithmetic on a boolean value",
    );
    one(
        "local x = 5\nx()",
        "2: E0007 attempt to call a number value ('x')",
    );
    one(
        "local M = {}\nfunction M.f(a: integer) end\nM.f('x')",
        "3: E0002 argument #1 of 'M.f': expected integer, got string",
    );
}

#[test]
fn unknown_must_be_narrowed_and_casts_are_trusted() {
    one(
        "local u: unknown = {}\nlocal t: table = u",
        "2: E0001 local 't': expected table, got unknown (narrow unknown values before use)",
    );
    clean("local u: unknown = {}\nif type(u) == 'table' then local t: table = u end");
    clean("local u: unknown = {}\nlocal z = (u :: {[string]: boolean}).verbose");
    clean("local a: any = 1\nlocal s: string = a");
}

#[test]
fn value_err_idiom() {
    let src = "local function parse(s: string): (integer?, string?)
  local n = math.tointeger(tonumber(s))
  if n == nil then return nil, 'not a port' end
  return n, nil
end
local p, err = parse('8080')
";
    one(
        &format!("{src}local q: integer = p"),
        "7: E0005 local 'q': expected integer, got integer?",
    );
    clean(&format!(
        "{src}if not p then return end\nlocal r: integer = p"
    ));
}

#[test]
fn aliases_generic_aliases_and_unknown_types() {
    clean(
        "type Pair<A, B> = {left: A, right: B}\nlocal p: Pair<integer, string> = {left = 1, right = 'x'}",
    );
    one(
        "type Pair<A, B> = {left: A, right: B}\nlocal p: Pair<integer, string> = {left = 1, right = 2}",
        "2: E0001 field 'right': expected string, got integer",
    );
    one("local x: Foo = 1", "1: E0008 unknown type 'Foo'");
    one(
        "type Box<T> = {v: T}\nlocal b: Box = {v = 1}",
        "2: E0009 type 'Box' takes 1 type argument(s), got 0",
    );
    clean(
        "type List = {value: integer, next: List?}\nlocal l: List = {value = 1, next = {value = 2}}",
    );
    clean("type N = {a: number} & {b: string}\nlocal x: N = {a = 1, b = 'x'}");
}

#[test]
fn loops_forget_narrowings_of_what_they_assign() {
    clean("local x: integer? = 1\nwhile x do\n  x = nil\nend");
    one(
        "local x: integer? = 1\nwhile true do\n  local y: integer = x\n  x = nil\nend",
        "3: E0005 local 'y': expected integer, got integer?",
    );
}

#[test]
fn pathological_input_is_located_not_a_crash() {
    let mut src = String::from("local x = 1");
    for _ in 0..5000 {
        src.push_str(" + 1");
    }
    let d = check(&src);
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(d[0].starts_with("1: E0011"), "{d:?}");
    let src = format!("local x = {}1{}", "(".repeat(150), ")".repeat(150));
    clean(&src);
}

#[test]
fn annotations_of_every_form_parse_and_check() {
    clean(
        "type Id = string
type F = (number, string) -> boolean
type G = (...number) -> (string, integer)
type M = {[string]: boolean}
type R = {name: string, age?: integer}
type O = number? | false | 1 | -2.5 | 'lit'
type I = {a: number} & {b: string}
export type E = {x: Id}
local a: integer, b: string = 1, 's'
local function f<T>(xs: {T}, ...: number): T? return xs[1] end
local function g(): (string, integer) return 'a', 1 end
function h(x: number?): never error('x') end
local y = (a :: any)
local z = a as number
local q: typeof(a) = 3
local w: F = function(n, s) return n > 0 end
local u: G = function(...) return 'x', 1 end",
    );
}

#[test]
fn builtins_parse_and_resolve() {
    let mut c = crate::infer::Checker::new();
    c.load_builtins();
    assert_eq!(c.builtin_error, None);
}

#[test]
fn type_values_narrow_by_is_and_by_calling_them() {
    // integer inside number: the then branch is integer.
    clean(
        "local function f(x: number): integer\n  if types.integer:is(x) then return x end\n  return 0\nend",
    );
    // A recursive alias is not judged exactly: its members stay in the else branch.
    one(
        "type L = {next: L?}\nlocal function f(v: L | string): string\n  if L:is(v) then return 'l' end\n  return v\nend",
        "4: E0004 return value: expected string, got L | string",
    );
    // A type value reassigned is no longer one.
    one(
        "type P = {x: number}\nlocal Q = P\nQ = 1\nlocal function f(d: unknown)\n  if Q:is(d) then local p: P = d end\nend",
        "5: E0001 local 'p': expected P, got unknown (narrow unknown values before use)",
    );
    // `T(v)` of a value that can never be a T types the result as T without killing the flow.
    one(
        "type P = {x: number}\nlocal p = P(5)\nlocal n: number = p",
        "3: E0001 local 'n': expected number, got P",
    );
}

/// `line: CODE message` for each diagnostic, with the lint rules on.
fn lint(src: &str) -> Vec<String> {
    let opts = crate::Options { rules: true };
    match crate::check_source_with(src.as_bytes(), "@t.lua", opts) {
        Checked::Syntax(e) => vec![format!("syntax: {e}")],
        Checked::Types(ds) => ds
            .iter()
            .map(|d| {
                let (l, _) = crate::diag::line_col(src, d.span.start);
                assert_eq!(
                    d.severity == crate::Severity::Warning,
                    d.code.starts_with('W')
                );
                format!("{l}: {} {}", d.code, d.message)
            })
            .collect(),
    }
}

#[test]
fn lint_rules_report_only_when_asked() {
    let src = "local a = 1\nlocal function f(p) end\nf()";
    assert_eq!(check(src), Vec::<String>::new());
    assert_eq!(
        lint(src),
        vec![
            "1: W0004 unused local 'a'".to_string(),
            "2: W0005 unused parameter 'p'".to_string(),
        ]
    );
}

#[test]
fn lint_shadowing_names_the_line_and_ignores_method_self() {
    assert_eq!(
        lint("local x = 1\nprint(x)\ndo\n  local x = 2\n  print(x)\nend"),
        vec!["4: W0007 shadowing 'x' declared on line 1".to_string()]
    );
    // The implicit `self` of nested methods shadows nothing the program wrote.
    assert_eq!(
        lint(
            "local C = {}\nfunction C:a() local D = {}\n function D:b() return self end\n return D, self end\nreturn C"
        ),
        Vec::<String>::new()
    );
}
