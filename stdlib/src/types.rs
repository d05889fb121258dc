//! Types as run-time values (spec/types.md §5, docs/types-runtime.md).
//!
//! A `type` declaration compiles to `types.define(desc, refs...)`
//! (wlua_compiler::typedesc; `types.declare`/`types.complete` for a type
//! named before its statement): this file parses the description into a
//! [`Ty`] tree, wraps it in a userdata whose metatable (`META`) makes it
//! callable (`T(v)` validates or raises), gives it `:is`, the reflection
//! methods and `:json_schema()`. The `types` global holds the primitive
//! types (`types.string`, `types.integer`, ...), which are also the
//! capitalised globals (`String`, base.rs), so the `string` and `table`
//! libraries keep their names. `typeof` is here too: the global gives a
//! value's type; `types.static_typeof` is what `typeof(x)` of an
//! annotated `x` compiles to.
//!
//! Every type is one Lua value: [`new_type`] interns by [`key_into`]
//! (structure, and the definition for aliases), so equal types are equal
//! table keys.
//!
//! Trees are plain Rust (`Arc`), hold no Lua value, and are shared between
//! every type value built from them. A named alias is a [`Ctx`]: its
//! definition plus the type arguments it was instantiated with; inside a
//! definition's body `Param(i)` and `Rec(args)` (the alias itself) are
//! resolved against the innermost `Ctx` while validating.
//!
//! Validation recurses over the data with a depth limit ([`MAX_DEPTH`],
//! a clear error rather than a Rust stack overflow) and assumes success for
//! a (table, type node, context) triple it is already checking, so cyclic
//! data against recursive types terminates.

use regex::bytes::Regex;
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, LazyLock, Mutex, OnceLock, Weak};
use wlua_vm::gc::Gc;
use wlua_vm::lazy::{TValue, Template};
use wlua_vm::table::Table;
use wlua_vm::{LuaError, NResult, NativeFn, Ret, Vals, Value, Vm, rets};

/// Registry key of the metatable of type values.
pub const META_KEY: &str = "wlua.type";

/// Registry key of the weak-valued table from a type's identity ([`key`])
/// to its value: equal types are one Lua value, so they are equal table
/// keys (`handlers[typeof(v)]` finds `handlers[Number]`).
const INTERN_KEY: &str = "wlua.types.intern";

/// How deeply nested the validated data (and type nesting) may be.
pub const MAX_DEPTH: usize = 200;

/// How many nested validation steps (data levels times the type nodes
/// between them, `type A = A` included) run before giving up: bounds
/// the Rust stack.
const MAX_STEPS: usize = 2000;

/// How many validation steps one `T(v)` may take in all: unions and map
/// keys retried against shared or cyclic data can otherwise take
/// exponential time (a pathological type, not a realistic one).
const MAX_WORK: usize = 1_000_000;

pub type T = Arc<Ty>;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Prim {
    Nil,
    Boolean,
    Number,
    Integer,
    String,
    Any,
    Unknown,
    Never,
    Error,
    Table,
    Function,
    Thread,
    Userdata,
}

const PRIM_NAMES: &[(Prim, &str, u8)] = &[
    (Prim::Nil, "nil", b'n'),
    (Prim::Boolean, "boolean", b'b'),
    (Prim::Number, "number", b'N'),
    (Prim::Integer, "integer", b'i'),
    (Prim::String, "string", b's'),
    (Prim::Any, "any", b'a'),
    (Prim::Unknown, "unknown", b'u'),
    (Prim::Never, "never", b'v'),
    (Prim::Error, "error", b'e'),
    (Prim::Table, "table", b't'),
    (Prim::Function, "function", b'f'),
    (Prim::Thread, "thread", b'T'),
    (Prim::Userdata, "userdata", b'U'),
];

impl Prim {
    fn name(self) -> &'static str {
        PRIM_NAMES
            .iter()
            .find(|p| p.0 == self)
            .map(|p| p.1)
            .unwrap_or("?")
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Lit {
    Str(Vec<u8>),
    Int(i64),
    Float(f64),
    Bool(bool),
}

#[derive(Debug)]
pub struct Field {
    pub name: String,
    pub optional: bool,
    pub ty: T,
}

#[derive(Debug, Clone)]
pub enum Check {
    Min(f64),
    Max(f64),
    MinLen(i64),
    MaxLen(i64),
    /// `@pattern(re)`: compiled once, when the declaration runs.
    Pattern(Regex),
}

#[derive(Debug)]
pub enum Ty {
    Prim(Prim),
    Lit(Lit),
    Optional(T),
    Union(Vec<T>),
    Inter(Vec<T>),
    Array(T),
    Map(T, T),
    Record(Vec<Field>),
    Function(Vec<T>, Vec<T>),
    Named(Arc<Ctx>),
    /// The enclosing definition's parameter.
    Param(usize),
    /// The enclosing definition itself, with these arguments.
    Rec(Vec<T>),
    Validated(T, Vec<Check>),
}

#[derive(Debug)]
pub struct Def {
    pub name: String,
    pub params: Vec<String>,
    /// Empty between `types.declare` (a name used before its `type`
    /// statement, for mutual recursion) and `types.complete`.
    body: OnceLock<T>,
    /// Identity of this definition in [`key`]s (unique in the runtime).
    id: u64,
}

static NEXT_DEF: AtomicU64 = AtomicU64::new(1);

impl Def {
    fn new(name: String, params: Vec<String>, body: Option<T>) -> Def {
        let cell = OnceLock::new();
        if let Some(b) = body {
            let _ = cell.set(b);
        }
        Def {
            name,
            params,
            body: cell,
            id: NEXT_DEF.fetch_add(1, Ordering::Relaxed),
        }
    }

    /// The definition's body; `None` while declared but not yet defined.
    pub fn body(&self) -> Option<&T> {
        self.body.get()
    }
}

/// A definition with its arguments. `open` when an argument mentions the
/// enclosing definition's parameters (it must be closed before use).
#[derive(Debug)]
pub struct Ctx {
    pub def: Arc<Def>,
    pub args: Vec<T>,
    pub open: bool,
}

fn is_open(t: &Ty) -> bool {
    match t {
        Ty::Param(_) | Ty::Rec(_) => true,
        Ty::Prim(_) | Ty::Lit(_) => false,
        Ty::Optional(x) | Ty::Array(x) | Ty::Validated(x, _) => is_open(x),
        Ty::Union(xs) | Ty::Inter(xs) => xs.iter().any(|x| is_open(x)),
        Ty::Map(k, v) => is_open(k) || is_open(v),
        Ty::Record(fs) => fs.iter().any(|f| is_open(&f.ty)),
        Ty::Function(ps, rs) => ps.iter().chain(rs).any(|x| is_open(x)),
        Ty::Named(c) => c.open,
    }
}

/// Replaces the parameters and self-references of `ctx`'s definition in
/// `t` (bounded by the type's nesting, which the parser limits).
fn close(t: &T, ctx: Option<&Arc<Ctx>>) -> T {
    if !is_open(t) {
        return t.clone();
    }
    let Some(c) = ctx else {
        return Arc::new(Ty::Prim(Prim::Any));
    };
    let cl = |x: &T| close(x, ctx);
    Arc::new(match &**t {
        Ty::Param(i) => {
            return c
                .args
                .get(*i)
                .cloned()
                .unwrap_or_else(|| Arc::new(Ty::Prim(Prim::Any)));
        }
        Ty::Rec(args) => return Arc::new(Ty::Named(rec_ctx(c, args))),
        Ty::Prim(p) => Ty::Prim(*p),
        Ty::Lit(l) => Ty::Lit(l.clone()),
        Ty::Optional(x) => Ty::Optional(cl(x)),
        Ty::Array(x) => Ty::Array(cl(x)),
        Ty::Validated(x, checks) => Ty::Validated(cl(x), checks.clone()),
        Ty::Union(xs) => Ty::Union(xs.iter().map(cl).collect()),
        Ty::Inter(xs) => Ty::Inter(xs.iter().map(cl).collect()),
        Ty::Map(k, v) => Ty::Map(cl(k), cl(v)),
        Ty::Record(fs) => Ty::Record(
            fs.iter()
                .map(|f| Field {
                    name: f.name.clone(),
                    optional: f.optional,
                    ty: cl(&f.ty),
                })
                .collect(),
        ),
        Ty::Function(ps, rs) => {
            Ty::Function(ps.iter().map(cl).collect(), rs.iter().map(cl).collect())
        }
        Ty::Named(n) => Ty::Named(close_ctx(n, ctx)),
    })
}

/// A named type's context with its arguments closed over `ctx` (itself
/// when nothing in it is open).
fn close_ctx(c: &Arc<Ctx>, ctx: Option<&Arc<Ctx>>) -> Arc<Ctx> {
    if !c.open {
        return c.clone();
    }
    Arc::new(Ctx {
        def: c.def.clone(),
        args: c.args.iter().map(|a| close(a, ctx)).collect(),
        open: false,
    })
}

/// The context for `Rec(args)` inside `c`: `c` itself when the arguments
/// are its own parameters in order (so cycle detection sees one context).
fn rec_ctx(c: &Arc<Ctx>, args: &[T]) -> Arc<Ctx> {
    let identity = args.len() == c.def.params.len()
        && args
            .iter()
            .enumerate()
            .all(|(i, a)| matches!(**a, Ty::Param(j) if i == j));
    if identity || (args.is_empty() && c.def.params.is_empty()) {
        return c.clone();
    }
    Arc::new(Ctx {
        def: c.def.clone(),
        args: args.iter().map(|a| close(a, Some(c))).collect(),
        open: false,
    })
}

// ----- parsing the compiler's description ----------------------------------

struct Parser<'s> {
    s: &'s [u8],
    pos: usize,
    refs: &'s [Value],
    nparams: usize,
    depth: usize,
}

type PResult<X> = Result<X, String>;

impl Parser<'_> {
    fn byte(&mut self) -> PResult<u8> {
        let b = *self.s.get(self.pos).ok_or("truncated type description")?;
        self.pos += 1;
        Ok(b)
    }
    fn until(&mut self, end: u8) -> PResult<&[u8]> {
        let start = self.pos;
        while self.byte()? != end {}
        Ok(&self.s[start..self.pos - 1])
    }
    fn int(&mut self) -> PResult<i64> {
        let b = self.until(b';')?;
        std::str::from_utf8(b)
            .ok()
            .and_then(|x| x.parse().ok())
            .ok_or_else(|| "bad number in type description".to_string())
    }
    fn count(&mut self) -> PResult<usize> {
        let n = self.int()?;
        if n < 0 || n as usize > self.s.len() {
            return Err("bad count in type description".into());
        }
        Ok(n as usize)
    }
    fn bytes(&mut self) -> PResult<Vec<u8>> {
        let b = self.until(b':')?;
        let n: usize = std::str::from_utf8(b)
            .ok()
            .and_then(|x| x.parse().ok())
            .ok_or("bad length in type description")?;
        let end = self
            .pos
            .checked_add(n)
            .filter(|e| *e <= self.s.len())
            .ok_or("truncated type description")?;
        let out = self.s[self.pos..end].to_vec();
        self.pos = end;
        Ok(out)
    }
    fn string(&mut self) -> PResult<String> {
        Ok(String::from_utf8_lossy(&self.bytes()?).into_owned())
    }
    fn lit(&mut self, tag: u8) -> PResult<Lit> {
        Ok(match tag {
            b'S' => Lit::Str(self.bytes()?),
            b'I' => Lit::Int(self.int()?),
            b'F' => {
                let b = self.until(b';')?;
                Lit::Float(
                    std::str::from_utf8(b)
                        .ok()
                        .and_then(|x| x.parse().ok())
                        .ok_or("bad float in type description")?,
                )
            }
            b'B' => Lit::Bool(self.byte()? == b'1'),
            b'x' => return Err(self.string()?),
            _ => return Err("bad literal in type description".into()),
        })
    }
    fn list(&mut self) -> PResult<Vec<T>> {
        let n = self.count()?;
        (0..n).map(|_| self.ty()).collect()
    }
    fn ty(&mut self) -> PResult<T> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err("type description nested too deeply".into());
        }
        let t = self.ty_inner();
        self.depth -= 1;
        t
    }
    fn ty_inner(&mut self) -> PResult<T> {
        let tag = self.byte()?;
        Ok(Arc::new(match tag {
            b'p' => {
                let c = self.byte()?;
                Ty::Prim(
                    PRIM_NAMES
                        .iter()
                        .find(|p| p.2 == c)
                        .ok_or("bad primitive in type description")?
                        .0,
                )
            }
            b'S' | b'I' | b'F' | b'B' => Ty::Lit(self.lit(tag)?),
            b'?' => Ty::Optional(self.ty()?),
            b'|' => Ty::Union(self.list()?),
            b'&' => Ty::Inter(self.list()?),
            b'[' => Ty::Array(self.ty()?),
            b'M' => {
                let k = self.ty()?;
                Ty::Map(k, self.ty()?)
            }
            b'R' => {
                let n = self.count()?;
                let mut fs = Vec::new();
                for _ in 0..n {
                    let name = self.string()?;
                    let optional = self.byte()? == b'1';
                    fs.push(Field {
                        name,
                        optional,
                        ty: self.ty()?,
                    });
                }
                Ty::Record(fs)
            }
            b'L' => {
                let ps = self.list()?;
                Ty::Function(ps, self.list()?)
            }
            b'g' => {
                let i = self.count()?;
                if i >= self.nparams {
                    return Err("bad parameter in type description".into());
                }
                Ty::Param(i)
            }
            b'@' => Ty::Rec(self.list()?),
            b'r' => {
                let i = self.count()?;
                let args = self.list()?;
                let v = self.refs.get(i).cloned().unwrap_or(Value::Nil);
                let Some(t) = type_of_value(&v) else {
                    return Err(format!(
                        "reference #{} is not a type (got {})",
                        i + 1,
                        v.type_name()
                    ));
                };
                if args.is_empty() {
                    return Ok(t);
                }
                let Ty::Named(c) = &*t else {
                    return Err(format!("{} takes no type arguments", spell(&t)));
                };
                if c.def.params.len() != args.len() {
                    return Err(format!(
                        "{} expects {} type argument(s), got {}",
                        c.def.name,
                        c.def.params.len(),
                        args.len()
                    ));
                }
                let open = args.iter().any(|a| is_open(a));
                Ty::Named(Arc::new(Ctx {
                    def: c.def.clone(),
                    args,
                    open,
                }))
            }
            b'V' => {
                let n = self.count()?;
                let mut checks = Vec::new();
                for _ in 0..n {
                    let name = self.string()?;
                    let nargs = self.count()?;
                    let mut args = Vec::new();
                    for _ in 0..nargs {
                        let tag = self.byte()?;
                        args.push(self.lit(tag)?);
                    }
                    let num = |i: usize| match args.get(i) {
                        Some(Lit::Int(x)) => Some(*x as f64),
                        Some(Lit::Float(x)) => Some(*x),
                        _ => None,
                    };
                    let bad = || format!("bad arguments to @{name}");
                    if args.len() != 1 {
                        return Err(bad());
                    }
                    checks.push(match name.as_str() {
                        "min" => Check::Min(num(0).ok_or_else(bad)?),
                        "max" => Check::Max(num(0).ok_or_else(bad)?),
                        "min_len" => Check::MinLen(num(0).ok_or_else(bad)? as i64),
                        "max_len" => Check::MaxLen(num(0).ok_or_else(bad)? as i64),
                        "pattern" => match &args[0] {
                            Lit::Str(re) => Check::Pattern(compile_pattern(re)?),
                            _ => return Err(bad()),
                        },
                        _ => return Err(format!("unsupported validator @{name}")),
                    });
                }
                Ty::Validated(self.ty()?, checks)
            }
            b'x' => return Err(self.string()?),
            _ => return Err("bad type description".into()),
        }))
    }
}

/// `@pattern(re)`: RE2 syntax (the `regex` crate), unanchored unless the
/// pattern anchors itself. A bad pattern is reported by the declaration,
/// with the crate's one-line reason (its full message draws a caret).
fn compile_pattern(re: &[u8]) -> PResult<Regex> {
    let src = std::str::from_utf8(re).map_err(|_| "@pattern: the pattern is not UTF-8")?;
    Regex::new(src).map_err(|e| {
        let text = e.to_string();
        let reason = text
            .lines()
            .rev()
            .find_map(|l| l.strip_prefix("error: "))
            .unwrap_or(text.lines().last().unwrap_or(""))
            .trim();
        format!("@pattern({}): {reason}", lit_spell(&Lit::Str(re.to_vec())))
    })
}

/// A parsed description: name, parameter names, body.
struct Parsed {
    name: String,
    params: Vec<String>,
    body: T,
}

fn parse_desc(desc: &[u8], refs: &[Value]) -> PResult<Parsed> {
    let mut p = Parser {
        s: desc,
        pos: 0,
        refs,
        nparams: 0,
        depth: 0,
    };
    let name = p.string()?;
    let n = p.count()?;
    let params = (0..n).map(|_| p.string()).collect::<PResult<Vec<_>>>()?;
    p.nparams = params.len();
    let label = if name.is_empty() {
        // The static type of a `typeof`.
        "typeof: ".to_string()
    } else {
        format!("type {name}: ")
    };
    let body = p.ty().map_err(|e| format!("{label}{e}"))?;
    if p.pos != desc.len() {
        return Err(format!("{label}trailing bytes in type description"));
    }
    Ok(Parsed { name, params, body })
}

// ----- type values ----------------------------------------------------------

/// The payload of a type value.
pub struct TypeVal(pub T);

pub fn type_of_value(v: &Value) -> Option<T> {
    match v {
        Value::UserData(u) => u.get().data.downcast_ref::<TypeVal>().map(|t| t.0.clone()),
        _ => None,
    }
}

fn meta(vm: &mut Vm) -> Gc<Table> {
    match vm.raw_get_str(vm.registry, META_KEY) {
        Value::Table(t) => t,
        _ => vm.lib_table(&META),
    }
}

/// The weak-valued intern table ([`INTERN_KEY`]).
fn intern_table(vm: &mut Vm) -> Gc<Table> {
    if let Value::Table(t) = vm.raw_get_str(vm.registry, INTERN_KEY) {
        return t;
    }
    let t = vm.new_table();
    let mt = vm.new_table();
    let mode = vm.new_str("v");
    vm.raw_set_str(mt, "__mode", mode);
    vm.set_metatable(&Value::Table(t), Some(mt));
    let reg = vm.registry;
    vm.raw_set_str(reg, INTERN_KEY, Value::Table(t));
    t
}

/// The Lua value of type `t`: the same value for every type with the
/// same [`key`], so equal types are equal table keys.
pub fn new_type(vm: &mut Vm, t: T) -> Value {
    let mut k = Vec::new();
    key_into(&t, &mut k);
    let tab = intern_table(vm);
    let ks = vm.new_str_owned(k);
    let old = tab.get().get(ks);
    if type_of_value(&old).is_some() {
        return old;
    }
    let m = meta(vm);
    let v = vm.new_userdata(Box::new(TypeVal(t)), Some(m));
    // A string key is never nil or NaN.
    let _ = tab.get_mut().set(ks, v);
    v
}

/// The identity of a type: structure for anonymous types, the definition
/// (and its arguments) for aliases. Two types with the same key are the
/// same type, so they share one Lua value. Finite: a tree of `Arc`s,
/// recursion goes through definitions, which are not expanded.
fn key_into(t: &Ty, out: &mut Vec<u8>) {
    let num = |out: &mut Vec<u8>, n: u64| {
        out.extend_from_slice(n.to_string().as_bytes());
        out.push(b';');
    };
    let bytes = |out: &mut Vec<u8>, b: &[u8]| {
        out.extend_from_slice(b.len().to_string().as_bytes());
        out.push(b':');
        out.extend_from_slice(b);
    };
    let list = |out: &mut Vec<u8>, xs: &[T]| {
        out.extend_from_slice(xs.len().to_string().as_bytes());
        out.push(b';');
        for x in xs {
            key_into(x, out);
        }
    };
    match t {
        Ty::Prim(p) => {
            out.push(b'p');
            out.push(PRIM_NAMES.iter().find(|x| x.0 == *p).map_or(b'?', |x| x.2));
        }
        Ty::Lit(l) => match l {
            Lit::Str(b) => {
                out.push(b'S');
                bytes(out, b);
            }
            Lit::Int(i) => {
                out.push(b'I');
                out.extend_from_slice(i.to_string().as_bytes());
                out.push(b';');
            }
            Lit::Float(f) => {
                out.push(b'F');
                // -0.0 and 0.0 are one literal (they compare equal).
                num(out, if *f == 0.0 { 0 } else { f.to_bits() });
            }
            Lit::Bool(b) => out.extend_from_slice(if *b { b"B1" } else { b"B0" }),
        },
        Ty::Optional(x) => {
            out.push(b'?');
            key_into(x, out);
        }
        Ty::Union(xs) => {
            out.push(b'|');
            list(out, xs);
        }
        Ty::Inter(xs) => {
            out.push(b'&');
            list(out, xs);
        }
        Ty::Array(x) => {
            out.push(b'[');
            key_into(x, out);
        }
        Ty::Map(k, v) => {
            out.push(b'M');
            key_into(k, out);
            key_into(v, out);
        }
        Ty::Record(fs) => {
            out.push(b'R');
            num(out, fs.len() as u64);
            for f in fs {
                bytes(out, f.name.as_bytes());
                out.push(if f.optional { b'1' } else { b'0' });
                key_into(&f.ty, out);
            }
        }
        Ty::Function(ps, rs) => {
            out.push(b'L');
            list(out, ps);
            list(out, rs);
        }
        Ty::Named(c) => {
            out.push(b'N');
            num(out, c.def.id);
            list(out, &c.args);
        }
        Ty::Param(i) => {
            out.push(b'g');
            num(out, *i as u64);
        }
        Ty::Rec(args) => {
            out.push(b'@');
            list(out, args);
        }
        Ty::Validated(x, checks) => {
            out.push(b'V');
            num(out, checks.len() as u64);
            for c in checks {
                match c {
                    Check::Min(m) => {
                        out.push(b'<');
                        num(out, m.to_bits());
                    }
                    Check::Max(m) => {
                        out.push(b'>');
                        num(out, m.to_bits());
                    }
                    Check::MinLen(m) => {
                        out.push(b'l');
                        num(out, *m as u64);
                    }
                    Check::MaxLen(m) => {
                        out.push(b'L');
                        num(out, *m as u64);
                    }
                    Check::Pattern(re) => {
                        out.push(b'~');
                        bytes(out, re.as_str().as_bytes());
                    }
                }
            }
            key_into(x, out);
        }
    }
}

fn key(t: &Ty) -> Vec<u8> {
    let mut k = Vec::new();
    key_into(t, &mut k);
    k
}

/// How deeply `t` nests, counting up to `limit` (type values built by
/// `T:of` from other type values must stay as shallow as declarations).
fn nesting(t: &Ty, limit: usize) -> usize {
    if limit == 0 {
        return 1;
    }
    let sub =
        |xs: &mut dyn Iterator<Item = &T>| xs.map(|x| nesting(x, limit - 1)).max().unwrap_or(0);
    1 + match t {
        Ty::Prim(_) | Ty::Lit(_) | Ty::Param(_) => 0,
        Ty::Optional(x) | Ty::Array(x) | Ty::Validated(x, _) => nesting(x, limit - 1),
        Ty::Union(xs) | Ty::Inter(xs) | Ty::Rec(xs) => sub(&mut xs.iter()),
        Ty::Map(k, v) => sub(&mut [k, v].into_iter()),
        Ty::Record(fs) => sub(&mut fs.iter().map(|f| &f.ty)),
        Ty::Function(ps, rs) => sub(&mut ps.iter().chain(rs)),
        Ty::Named(c) => sub(&mut c.args.iter()),
    }
}

/// The `i`-th argument as a type (any type value, defined or not).
fn check_type(args: &Vals, i: usize) -> Result<T, LuaError> {
    let v = args.get(i).cloned().unwrap_or(Value::Nil);
    type_of_value(&v).ok_or_else(|| LuaError::type_arg(i + 1, "type", &v))
}

/// The `i`-th argument as a usable type: a name declared ahead of its
/// `type` statement (mutual recursion) cannot be used until it has run.
fn check_ready(args: &Vals, i: usize) -> Result<T, LuaError> {
    let t = check_type(args, i)?;
    if let Ty::Named(c) = &*t
        && c.def.body().is_none()
    {
        return Err(LuaError::msg(pending_msg(&c.def)));
    }
    Ok(t)
}

fn pending_msg(d: &Def) -> String {
    format!("type {} is used before its declaration has run", d.name)
}

/// Looks through named aliases (instantiating generic ones) to the
/// structure, for reflection. A declared but undefined alias stays itself.
fn resolve(t: &T) -> T {
    let mut t = t.clone();
    for _ in 0..MAX_DEPTH {
        let Ty::Named(c) = &*t else { return t };
        let c = c.clone();
        let Some(body) = c.def.body() else { return t };
        t = close(body, Some(&c));
        if let Ty::Validated(inner, _) = &*t
            && matches!(**inner, Ty::Named(_))
        {
            t = inner.clone();
        }
    }
    t
}

/// The canonical spelling (`T:name()`, messages).
pub fn spell(t: &T) -> String {
    let mut s = String::new();
    spell_into(t, &mut s, 0);
    s
}

fn spell_into(t: &T, s: &mut String, depth: usize) {
    if depth > 20 {
        s.push_str("...");
        return;
    }
    let d = depth + 1;
    let join = |s: &mut String, xs: &[T], sep: &str| {
        for (i, x) in xs.iter().enumerate() {
            if i > 0 {
                s.push_str(sep);
            }
            let paren = matches!(**x, Ty::Union(_) | Ty::Inter(_) | Ty::Function(..));
            if paren {
                s.push('(');
            }
            spell_into(x, s, d);
            if paren {
                s.push(')');
            }
        }
    };
    match &**t {
        Ty::Prim(p) => s.push_str(p.name()),
        Ty::Lit(l) => s.push_str(&lit_spell(l)),
        Ty::Optional(x) => {
            let paren = matches!(**x, Ty::Union(_) | Ty::Inter(_) | Ty::Function(..));
            if paren {
                s.push('(');
            }
            spell_into(x, s, d);
            if paren {
                s.push(')');
            }
            s.push('?');
        }
        Ty::Union(xs) => join(s, xs, " | "),
        Ty::Inter(xs) => join(s, xs, " & "),
        Ty::Array(x) => {
            s.push('{');
            spell_into(x, s, d);
            s.push('}');
        }
        Ty::Map(k, v) => {
            s.push_str("{[");
            spell_into(k, s, d);
            s.push_str("]: ");
            spell_into(v, s, d);
            s.push('}');
        }
        Ty::Record(fs) => {
            s.push('{');
            for (i, f) in fs.iter().enumerate() {
                if i > 0 {
                    s.push_str(", ");
                }
                s.push_str(&f.name);
                if f.optional {
                    s.push('?');
                }
                s.push_str(": ");
                spell_into(&f.ty, s, d);
            }
            s.push('}');
        }
        Ty::Function(ps, rs) => {
            s.push('(');
            join(s, ps, ", ");
            s.push_str(") -> ");
            if rs.len() == 1 {
                spell_into(&rs[0], s, d);
            } else {
                s.push('(');
                join(s, rs, ", ");
                s.push(')');
            }
        }
        Ty::Named(c) => {
            s.push_str(&c.def.name);
            // A generic alias not instantiated has `any` arguments: `Box`.
            let bare = c.args.iter().all(|a| matches!(**a, Ty::Prim(Prim::Any)));
            if !bare && !c.open {
                s.push('<');
                join(s, &c.args, ", ");
                s.push('>');
            }
        }
        Ty::Param(i) => {
            let _ = write!(s, "T{}", i + 1);
        }
        Ty::Rec(_) => s.push_str("<self>"),
        Ty::Validated(x, checks) => {
            spell_into(x, s, d);
            for c in checks {
                let _ = match c {
                    Check::Min(x) => write!(s, " @min({})", num_str(*x)),
                    Check::Max(x) => write!(s, " @max({})", num_str(*x)),
                    Check::MinLen(x) => write!(s, " @min_len({x})"),
                    Check::MaxLen(x) => write!(s, " @max_len({x})"),
                    Check::Pattern(re) => write!(
                        s,
                        " @pattern({})",
                        lit_spell(&Lit::Str(re.as_str().as_bytes().to_vec()))
                    ),
                };
            }
        }
    }
}

fn num_str(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

fn lit_spell(l: &Lit) -> String {
    match l {
        Lit::Str(b) => format!("{:?}", String::from_utf8_lossy(b)),
        Lit::Int(i) => i.to_string(),
        Lit::Float(f) => format!("{f:?}"),
        Lit::Bool(b) => b.to_string(),
    }
}

fn kind(t: &Ty) -> &'static str {
    match t {
        Ty::Prim(p) => p.name(),
        Ty::Lit(_) => "literal",
        Ty::Optional(_) => "optional",
        Ty::Union(_) => "union",
        Ty::Inter(_) => "intersection",
        Ty::Array(_) => "array",
        Ty::Map(..) => "map",
        Ty::Record(_) => "record",
        Ty::Function(..) => "function",
        Ty::Param(_) | Ty::Rec(_) => "any",
        Ty::Named(_) => "named",
        Ty::Validated(x, _) => kind(x),
    }
}

// ----- validation -----------------------------------------------------------

#[derive(Clone)]
enum Seg {
    Field(String),
    Index(i64),
    Key(String),
}

/// How many violations one validation reports in the error's details.
const MAX_DETAILS: usize = 100;

#[derive(Clone)]
struct Fail {
    path: Vec<Seg>,
    msg: String,
    /// The two halves of an `expected X, got Y` message, for the details.
    expected: Option<String>,
    got: Option<String>,
    /// Already in `Validator::all` (a container below noted it).
    recorded: bool,
    /// A literal did not match (a union prefers other members' failures:
    /// in a tagged union the member whose tag matched says what is wrong).
    lit: bool,
    /// The value had the member's type but failed its validator: a union
    /// reports this member rather than "expected A | B".
    check: bool,
    /// A limit was hit: no other union member can do better.
    fatal: bool,
}

fn path_str(path: &[Seg]) -> String {
    let mut s = String::new();
    for seg in path {
        match seg {
            Seg::Field(n) => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(n);
            }
            Seg::Index(i) => {
                let _ = write!(s, "[{i}]");
            }
            Seg::Key(k) => {
                let _ = write!(s, "[{k}]");
            }
        }
    }
    s
}

fn got(v: &Value) -> &'static str {
    match v {
        Value::Float(_) => "float",
        Value::UserData(u) if crate::errors::error_data(v).is_some() => "error",
        _ => v.type_name(),
    }
}

fn lit_eq(l: &Lit, v: &Value) -> bool {
    match (l, v) {
        (Lit::Str(a), Value::Str(b)) => a.as_slice() == b.get().as_bytes(),
        (Lit::Int(a), Value::Int(b)) => a == b,
        (Lit::Int(a), Value::Float(b)) => (*a as f64) == *b,
        (Lit::Float(a), Value::Float(b)) => a == b,
        (Lit::Float(a), Value::Int(b)) => *a == (*b as f64),
        (Lit::Bool(a), Value::Bool(b)) => a == b,
        _ => false,
    }
}

fn show(v: &Value) -> String {
    match v {
        Value::Str(s) => format!("{:?}", String::from_utf8_lossy(s.get().as_bytes())),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => num_str(*f),
        Value::Bool(b) => b.to_string(),
        Value::Nil => "nil".into(),
        _ => got(v).to_string(),
    }
}

fn key_seg(k: &Value) -> Seg {
    match k {
        Value::Int(i) => Seg::Index(*i),
        Value::Str(s) => {
            let b = s.get().as_bytes();
            let ident = !b.is_empty()
                && !b[0].is_ascii_digit()
                && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'_');
            if ident {
                Seg::Field(String::from_utf8_lossy(b).into_owned())
            } else {
                Seg::Key(show(k))
            }
        }
        _ => Seg::Key(show(k)),
    }
}

struct Validator {
    path: Vec<Seg>,
    /// Go on past a failure to find every violation (not while trying
    /// union members, whose failures are not violations by themselves).
    collect: bool,
    /// The violations found, in the order of the data.
    all: Vec<Fail>,
    /// (table, type node, context) triples being checked: assumed to hold.
    active: HashSet<(usize, usize, usize)>,
    depth: usize,
    /// Tables entered (data depth).
    data_depth: usize,
    /// Steps taken so far (bounded by MAX_WORK).
    work: usize,
}

type VResult = Result<(), Fail>;

impl Validator {
    fn fail(&self, msg: String) -> Fail {
        Fail {
            path: self.path.clone(),
            msg,
            expected: None,
            got: None,
            recorded: false,
            lit: false,
            check: false,
            fatal: false,
        }
    }

    /// `expected <what>, got <found>`.
    fn mismatch(&self, what: String, found: String) -> Fail {
        let mut f = self.fail(format!("expected {what}, got {found}"));
        f.expected = Some(what);
        f.got = Some(found);
        f
    }

    fn expected(&self, what: &str, v: &Value) -> Fail {
        self.mismatch(what.to_string(), got(v).to_string())
    }

    /// The outcome of one part of a container (a field, an element, an
    /// entry). Collecting, a failure is noted and the container goes on
    /// (`first` remembers what it will return); otherwise, or on a limit,
    /// it stops.
    fn part(&mut self, first: &mut Option<Fail>, r: VResult) -> VResult {
        let Err(mut f) = r else { return Ok(()) };
        if !self.collect {
            return Err(f);
        }
        if !f.recorded {
            f.recorded = true;
            self.all.push(f.clone());
        }
        if f.fatal || self.all.len() >= MAX_DETAILS {
            return Err(f);
        }
        first.get_or_insert(f);
        Ok(())
    }

    fn check(&mut self, v: &Value, t: &T, ctx: Option<&Arc<Ctx>>) -> VResult {
        self.work += 1;
        if self.work > MAX_WORK {
            let mut f = self.fail(format!(
                "validation too complex (more than {MAX_WORK} steps)"
            ));
            f.fatal = true;
            return Err(f);
        }
        self.depth += 1;
        if self.depth > MAX_STEPS {
            self.depth -= 1;
            let mut f = self.fail("type recursion too deep".to_string());
            f.fatal = true;
            return Err(f);
        }
        let r = self.check_inner(v, t, ctx);
        self.depth -= 1;
        r
    }

    fn check_inner(&mut self, v: &Value, t: &T, ctx: Option<&Arc<Ctx>>) -> VResult {
        match &**t {
            Ty::Prim(p) => {
                let ok = match p {
                    Prim::Nil => v.is_nil(),
                    Prim::Boolean => matches!(v, Value::Bool(_)),
                    Prim::Number => matches!(v, Value::Int(_) | Value::Float(_)),
                    Prim::Integer => matches!(v, Value::Int(_)),
                    Prim::String => matches!(v, Value::Str(_)),
                    Prim::Any | Prim::Unknown => true,
                    Prim::Never => false,
                    Prim::Error => crate::errors::error_data(v).is_some(),
                    Prim::Table => matches!(v, Value::Table(_)),
                    Prim::Function => {
                        matches!(v, Value::LuaFn(_) | Value::Native(_) | Value::LightFn(_))
                    }
                    Prim::Thread => matches!(v, Value::Thread(_)),
                    Prim::Userdata => matches!(v, Value::UserData(_) | Value::LightUserData(_)),
                };
                if ok {
                    Ok(())
                } else {
                    Err(self.expected(p.name(), v))
                }
            }
            Ty::Lit(l) => {
                if lit_eq(l, v) {
                    Ok(())
                } else {
                    let mut f = self.mismatch(lit_spell(l), show(v));
                    f.lit = true;
                    Err(f)
                }
            }
            Ty::Optional(x) => {
                if v.is_nil() {
                    Ok(())
                } else {
                    self.check(v, x, ctx)
                }
            }
            Ty::Union(xs) => {
                // Members are tried, not validated: their failures are
                // not violations.
                let collect = std::mem::replace(&mut self.collect, false);
                let r = self.check_union(v, t, xs, ctx);
                self.collect = collect;
                r
            }
            Ty::Inter(xs) => {
                for x in xs {
                    self.check(v, x, ctx)?;
                }
                Ok(())
            }
            Ty::Array(elem) => {
                let Value::Table(tab) = v else {
                    return Err(self.expected("array", v));
                };
                self.inside(*tab, t, ctx, |me| me.check_array(*tab, elem, ctx))
            }
            Ty::Map(k, val) => {
                let Value::Table(tab) = v else {
                    return Err(self.expected("map", v));
                };
                self.inside(*tab, t, ctx, |me| me.check_map(*tab, k, val, ctx))
            }
            Ty::Record(fs) => {
                let Value::Table(tab) = v else {
                    return Err(self.expected("record", v));
                };
                self.inside(*tab, t, ctx, |me| me.check_record(*tab, fs, ctx))
            }
            Ty::Function(..) => {
                if matches!(v, Value::LuaFn(_) | Value::Native(_) | Value::LightFn(_)) {
                    Ok(())
                } else {
                    Err(self.expected("function", v))
                }
            }
            Ty::Named(c) => {
                let c = close_ctx(c, ctx);
                let Some(body) = c.def.body().cloned() else {
                    let mut f = self.fail(pending_msg(&c.def));
                    f.fatal = true;
                    return Err(f);
                };
                self.check(v, &body, Some(&c))
            }
            Ty::Param(i) => match ctx.and_then(|c| c.args.get(*i)).cloned() {
                Some(a) => self.check(v, &a, None),
                None => Ok(()),
            },
            Ty::Rec(args) => match ctx {
                Some(c) => {
                    let c2 = rec_ctx(c, args);
                    let Some(body) = c2.def.body().cloned() else {
                        let mut f = self.fail(pending_msg(&c2.def));
                        f.fatal = true;
                        return Err(f);
                    };
                    self.check(v, &body, Some(&c2))
                }
                None => Ok(()),
            },
            Ty::Validated(x, checks) => {
                self.check(v, x, ctx)?;
                for c in checks {
                    self.run_check(v, c).map_err(|mut f| {
                        f.check = true;
                        f
                    })?;
                }
                Ok(())
            }
        }
    }

    fn check_union(&mut self, v: &Value, t: &T, xs: &[T], ctx: Option<&Arc<Ctx>>) -> VResult {
        let base = self.path.len();
        let mut deepest: Option<Fail> = None;
        for x in xs {
            match self.check(v, x, ctx) {
                Ok(()) => return Ok(()),
                Err(f) if f.fatal => return Err(f),
                Err(f) => {
                    let score = |f: &Fail| (!f.lit, f.path.len(), f.check);
                    if (f.path.len() > base || f.check)
                        && deepest.as_ref().is_none_or(|d| score(&f) > score(d))
                    {
                        deepest = Some(f);
                    }
                }
            }
        }
        if let Some(f) = deepest {
            return Err(f);
        }
        let all_lit = xs.iter().all(|x| matches!(**x, Ty::Lit(_)));
        let spelled = spell(&close(t, ctx));
        if all_lit {
            Err(self.mismatch(spelled, show(v)))
        } else {
            Err(self.expected(&spelled, v))
        }
    }

    fn run_check(&self, v: &Value, c: &Check) -> VResult {
        let num = match v {
            Value::Int(i) => Some(*i as f64),
            Value::Float(f) => Some(*f),
            _ => None,
        };
        let len = match v {
            Value::Str(s) => Some(s.get().as_bytes().len() as i64),
            Value::Table(t) => Some(t.get().len()),
            _ => None,
        };
        match c {
            Check::Min(m) => match num {
                Some(n) if n < *m => Err(self.mismatch(format!(">= {}", num_str(*m)), show(v))),
                _ => Ok(()),
            },
            Check::Max(m) => match num {
                Some(n) if n > *m => Err(self.mismatch(format!("<= {}", num_str(*m)), show(v))),
                _ => Ok(()),
            },
            Check::MinLen(m) => match len {
                Some(n) if n < *m => {
                    Err(self.mismatch(format!("length >= {m}"), format!("length {n}")))
                }
                _ => Ok(()),
            },
            Check::MaxLen(m) => match len {
                Some(n) if n > *m => {
                    Err(self.mismatch(format!("length <= {m}"), format!("length {n}")))
                }
                _ => Ok(()),
            },
            Check::Pattern(re) => match v {
                Value::Str(s) if !re.is_match(s.get().as_bytes()) => {
                    Err(self.mismatch(format!("a match of /{}/", re.as_str()), show(v)))
                }
                _ => Ok(()),
            },
        }
    }

    fn key(tab: Gc<Table>, t: &T, ctx: Option<&Arc<Ctx>>) -> (usize, usize, usize) {
        (
            tab.addr(),
            Arc::as_ptr(t) as usize,
            ctx.map_or(0, |c| Arc::as_ptr(c) as usize),
        )
    }

    /// False when the triple is already being checked (assume it holds).
    fn enter(&mut self, tab: Gc<Table>, t: &T, ctx: Option<&Arc<Ctx>>) -> Result<bool, Fail> {
        if self.data_depth >= MAX_DEPTH {
            let mut f = self.fail(format!("nested too deeply (more than {MAX_DEPTH} levels)"));
            f.fatal = true;
            return Err(f);
        }
        self.data_depth += 1;
        let fresh = self.active.insert(Self::key(tab, t, ctx));
        if !fresh {
            self.data_depth -= 1;
        }
        Ok(fresh)
    }

    /// Runs `check` on a table entered for type `t` (depth and cycle
    /// bookkeeping around it); a (table, type) pair already being checked
    /// passes.
    fn inside(
        &mut self,
        tab: Gc<Table>,
        t: &T,
        ctx: Option<&Arc<Ctx>>,
        check: impl FnOnce(&mut Self) -> VResult,
    ) -> VResult {
        if !self.enter(tab, t, ctx)? {
            return Ok(());
        }
        let r = check(self);
        self.leave(tab, t, ctx);
        r
    }

    fn leave(&mut self, tab: Gc<Table>, t: &T, ctx: Option<&Arc<Ctx>>) {
        self.data_depth -= 1;
        self.active.remove(&Self::key(tab, t, ctx));
    }

    fn check_array(&mut self, tab: Gc<Table>, elem: &T, ctx: Option<&Arc<Ctx>>) -> VResult {
        let n = tab.get().len();
        let entries: Vec<(Value, Value)> = tab.get().iter_all().collect();
        for (k, _) in &entries {
            let in_seq = matches!(k, Value::Int(i) if *i >= 1 && *i <= n);
            if !in_seq {
                return Err(self.mismatch("array".into(), format!("table with key {}", show(k))));
            }
        }
        let mut first = None;
        for i in 1..=n {
            let v = tab.get().get_int(i);
            self.path.push(Seg::Index(i));
            let r = self.check(&v, elem, ctx);
            self.path.pop();
            self.part(&mut first, r)?;
        }
        first.map_or(Ok(()), Err)
    }

    fn check_map(&mut self, tab: Gc<Table>, k: &T, val: &T, ctx: Option<&Arc<Ctx>>) -> VResult {
        let mut entries: Vec<(Value, Value)> = tab.get().iter_all().collect();
        // Report the same failure every run: order keys by their spelling.
        entries.sort_by_cached_key(|(k, _)| path_str(&[key_seg(k)]));
        let mut first = None;
        for (key, v) in &entries {
            // A key is one violation, whatever its type is made of.
            let collect = std::mem::replace(&mut self.collect, false);
            let r = self.check(key, k, ctx);
            self.collect = collect;
            if let Err(f) = r {
                let keyed = Err(Fail {
                    msg: format!("key {}: {}", show(key), f.msg),
                    ..f
                });
                self.part(&mut first, keyed)?;
                continue;
            }
            self.path.push(key_seg(key));
            let r = self.check(v, val, ctx);
            self.path.pop();
            self.part(&mut first, r)?;
        }
        first.map_or(Ok(()), Err)
    }

    fn check_record(&mut self, tab: Gc<Table>, fs: &[Field], ctx: Option<&Arc<Ctx>>) -> VResult {
        let mut first = None;
        for f in fs {
            let key_s = tab.get().iter_all().find(
                |(k, _)| matches!(k, Value::Str(s) if s.get().as_bytes() == f.name.as_bytes()),
            );
            let v = key_s.map(|(_, v)| v).unwrap_or(Value::Nil);
            if v.is_nil() && f.optional {
                continue;
            }
            self.path.push(Seg::Field(f.name.clone()));
            let r = self.check(&v, &f.ty, ctx);
            self.path.pop();
            self.part(&mut first, r)?;
        }
        first.map_or(Ok(()), Err)
    }
}

/// One way the data does not conform (`err:details()` entries).
pub struct Violation {
    /// `items[2].quantity`; empty for the value itself.
    pub path: String,
    /// What failed: `expected integer, got string`.
    pub message: String,
    pub expected: Option<String>,
    pub got: Option<String>,
}

impl Violation {
    /// `path: message` (just the message at the root).
    pub fn text(&self) -> String {
        if self.path.is_empty() {
            self.message.clone()
        } else {
            format!("{}: {}", self.path, self.message)
        }
    }
}

/// Validates `v` against `t`: `Ok`, or the violations found (the first
/// one in the data's order first; at most [`MAX_DETAILS`]).
pub fn validate(v: &Value, t: &T) -> Result<(), Vec<Violation>> {
    let mut val = Validator {
        path: Vec::new(),
        collect: true,
        all: Vec::new(),
        active: HashSet::new(),
        depth: 0,
        data_depth: 0,
        work: 0,
    };
    let Err(f) = val.check(v, t, None) else {
        return Ok(());
    };
    let fails = if val.all.is_empty() { vec![f] } else { val.all };
    Err(fails
        .into_iter()
        .map(|f| Violation {
            path: path_str(&f.path),
            message: f.msg,
            expected: f.expected,
            got: f.got,
        })
        .collect())
}

// ----- the Lua API -----------------------------------------------------------

/// The `errors.INVALID` value for failed validation: the first
/// violation is the message, all of them the details
/// (`{path =, message =, expected =, got =}` each).
fn invalid(vm: &mut Vm, vs: &[Violation]) -> Value {
    let details = vm.new_table_sized(vs.len(), 0);
    for (i, v) in vs.iter().enumerate() {
        let e = vm.new_table_sized(0, 4);
        let path = vm.new_str(&v.path);
        vm.raw_set_str(e, "path", path);
        let message = vm.new_str(&v.message);
        vm.raw_set_str(e, "message", message);
        for (k, x) in [("expected", &v.expected), ("got", &v.got)] {
            if let Some(x) = x {
                let x = vm.new_str(x);
                vm.raw_set_str(e, k, x);
            }
        }
        details.get_mut().set_int(i as i64 + 1, Value::Table(e));
    }
    let msg = vs.first().map(Violation::text).unwrap_or_default();
    crate::errors::make_error(
        vm,
        wlua_sched::error_value::ErrorData {
            message: msg,
            kind: "INVALID".to_string(),
            retryable: None,
            stack: None,
        },
        Some(details),
        None,
    )
}

fn str_arg(args: &Vals, i: usize) -> Result<Vec<u8>, LuaError> {
    match args.get(i) {
        Some(Value::Str(s)) => Ok(s.get().as_bytes().to_vec()),
        other => Err(LuaError::type_arg(
            i + 1,
            "string",
            other.unwrap_or(&Value::Nil),
        )),
    }
}

/// Types already built from a description and the identities of the
/// types it references: running a `type` statement again (in a function
/// called twice, a module loaded by two requirers) gives the same type,
/// and `typeof` does not parse and compile (`@pattern`) every time.
struct Built {
    map: HashMap<Vec<u8>, Weak<Ty>>,
    /// Dead entries are dropped when the map reaches this size.
    prune_at: usize,
}

static BUILT: LazyLock<Mutex<Built>> = LazyLock::new(|| {
    Mutex::new(Built {
        map: HashMap::new(),
        prune_at: 1024,
    })
});

/// The type a description stands for: an alias (`Named`) when it has a
/// name, the bare type when the name is empty (`typeof`'s static types).
fn build(desc: &[u8], refs: &[Value]) -> Result<T, LuaError> {
    let mut ck = Vec::with_capacity(desc.len() + 8 * refs.len() + 8);
    ck.extend_from_slice(desc.len().to_string().as_bytes());
    ck.push(b':');
    ck.extend_from_slice(desc);
    let mut cacheable = true;
    for r in refs {
        match type_of_value(r) {
            Some(t) => key_into(&t, &mut ck),
            None => cacheable = false,
        }
    }
    let lock = || BUILT.lock().unwrap_or_else(|e| e.into_inner());
    if cacheable && let Some(t) = lock().map.get(&ck).and_then(Weak::upgrade) {
        return Ok(t);
    }
    let p = parse_desc(desc, refs).map_err(LuaError::msg)?;
    let t = if p.name.is_empty() && p.params.is_empty() {
        p.body
    } else {
        let n = p.params.len();
        let def = Arc::new(Def::new(p.name, p.params, Some(p.body)));
        Arc::new(Ty::Named(Arc::new(Ctx {
            args: (0..n).map(|_| Arc::new(Ty::Prim(Prim::Any))).collect(),
            def,
            open: false,
        })))
    };
    if cacheable {
        let mut b = lock();
        b.map.insert(ck, Arc::downgrade(&t));
        if b.map.len() >= b.prune_at {
            b.map.retain(|_, w| w.strong_count() > 0);
            b.prune_at = (b.map.len() * 2).max(1024);
        }
    }
    Ok(t)
}

/// `types.define(desc, refs...)`: what a `type` statement compiles to.
fn define(vm: &mut Vm, args: Vals) -> NResult {
    let desc = str_arg(&args, 0)?;
    let t = build(&desc, args.get(1..).unwrap_or(&[]))?;
    rets![new_type(vm, t)]
}

/// `types.declare(name, params...)`: a type whose `type` statement comes
/// later in the block; an earlier declaration mentions it (mutual
/// recursion). The compiler emits it before that earlier declaration and
/// completes it with `types.complete` where the statement is.
fn declare(vm: &mut Vm, args: Vals) -> NResult {
    let name = String::from_utf8_lossy(&str_arg(&args, 0)?).into_owned();
    let params = (1..args.len())
        .map(|i| str_arg(&args, i).map(|p| String::from_utf8_lossy(&p).into_owned()))
        .collect::<Result<Vec<_>, _>>()?;
    let n = params.len();
    let def = Arc::new(Def::new(name, params, None));
    let t = Arc::new(Ty::Named(Arc::new(Ctx {
        args: (0..n).map(|_| Arc::new(Ty::Prim(Prim::Any))).collect(),
        def,
        open: false,
    })));
    rets![new_type(vm, t)]
}

/// `types.complete(T, desc, refs...)`: gives the type made by
/// `types.declare` its definition; returns `T`.
fn complete(_vm: &mut Vm, args: Vals) -> NResult {
    let t = check_type(&args, 0)?;
    let desc = str_arg(&args, 1)?;
    let Ty::Named(c) = &*t else {
        return Err(LuaError::msg(format!(
            "{} was not declared ahead",
            spell(&t)
        )));
    };
    let p = parse_desc(&desc, args.get(2..).unwrap_or(&[])).map_err(LuaError::msg)?;
    if p.name != c.def.name || p.params != c.def.params {
        return Err(LuaError::msg(format!(
            "type {}: does not match its declaration ahead",
            p.name
        )));
    }
    if c.def.body.set(p.body).is_err() {
        return Err(LuaError::msg(format!("type {} is already defined", p.name)));
    }
    rets![args[0]]
}

/// The type `typeof` gives a value at run time (spec §5.6): `Integer` for
/// an integer and `Number` for a float (as `math.type` tells them apart),
/// `Error` for an `errors` value, else the primitive named by `type()`.
pub fn dynamic_prim(v: &Value) -> Prim {
    match v {
        Value::Nil => Prim::Nil,
        Value::Bool(_) => Prim::Boolean,
        Value::Int(_) => Prim::Integer,
        Value::Float(_) => Prim::Number,
        Value::Str(_) => Prim::String,
        Value::Table(_) => Prim::Table,
        Value::LuaFn(_) | Value::Native(_) | Value::LightFn(_) => Prim::Function,
        Value::Thread(_) => Prim::Thread,
        Value::UserData(_) if crate::errors::error_data(v).is_some() => Prim::Error,
        Value::UserData(_) | Value::LightUserData(_) => Prim::Userdata,
    }
}

/// The global `typeof(v)` (also `types.typeof`): the dynamic type of `v`.
/// Where the compiler knows `v`'s declared type it calls
/// `types.static_typeof` instead.
pub fn typeof_fn(vm: &mut Vm, args: Vals) -> NResult {
    let v = args.first().copied().unwrap_or(Value::Nil);
    rets![prim(vm, dynamic_prim(&v))]
}

fn is_builtin_typeof(f: &Value) -> bool {
    matches!(f, Value::LightFn(p) if std::ptr::fn_addr_eq(*p, typeof_fn as NativeFn))
}

/// `types.static_typeof(f, v, desc, refs...)`: what `typeof(v)` compiles
/// to when `v` has a declared type (an annotated local or parameter, a
/// cast). `f` is the global `typeof` at the call: the built-in one gives
/// the type `desc` describes; a program's own `typeof` is called as `f(v)`,
/// exactly as the plain call would have.
fn static_typeof(vm: &mut Vm, args: Vals) -> NResult {
    let f = args.first().copied().unwrap_or(Value::Nil);
    let v = args.get(1).copied().unwrap_or(Value::Nil);
    if !is_builtin_typeof(&f) {
        let callable = matches!(f, Value::LuaFn(_) | Value::Native(_) | Value::LightFn(_))
            || vm.meta_field(&f, "__call").is_some();
        if !callable {
            // As the plain call would have said.
            return Err(LuaError::msg(format!(
                "attempt to call a {} value (global 'typeof')",
                vm.type_name_meta(&f)
            )));
        }
        return Ok(Ret::TailCall {
            func: f,
            args: Vals::from_slice(&[v]),
        });
    }
    let desc = str_arg(&args, 2)?;
    let t = build(&desc, args.get(3..).unwrap_or(&[]))?;
    rets![new_type(vm, t)]
}

/// `G:of(A, B...)`: the generic alias `G` instantiated, as `G<A, B>` is
/// in a type (`Box<integer>(v)` in an expression is Lua's comparison).
fn of_fn(vm: &mut Vm, args: Vals) -> NResult {
    let t = check_ready(&args, 0)?;
    let def = match &*t {
        Ty::Named(c) if !c.def.params.is_empty() => c.def.clone(),
        _ => {
            return Err(LuaError::msg(format!(
                "{} is not a generic type",
                spell(&t)
            )));
        }
    };
    let n = args.len().saturating_sub(1);
    if n != def.params.len() {
        return Err(LuaError::msg(format!(
            "{} expects {} type argument(s), got {n}",
            def.name,
            def.params.len()
        )));
    }
    let targs = (1..args.len())
        .map(|i| check_type(&args, i))
        .collect::<Result<Vec<_>, _>>()?;
    if targs.iter().any(|a| nesting(a, MAX_DEPTH) >= MAX_DEPTH) {
        return Err(LuaError::msg("type nested too deeply"));
    }
    let r = Arc::new(Ty::Named(Arc::new(Ctx {
        def,
        args: targs,
        open: false,
    })));
    rets![new_type(vm, r)]
}

fn call(vm: &mut Vm, args: Vals) -> NResult {
    let t = check_ready(&args, 0)?;
    let v = args.get(1).cloned().unwrap_or(Value::Nil);
    match validate(&v, &t) {
        Ok(()) => rets![v],
        Err(vs) => Err(LuaError::Value(invalid(vm, &vs))),
    }
}

fn is(vm: &mut Vm, args: Vals) -> NResult {
    let t = check_ready(&args, 0)?;
    let v = args.get(1).cloned().unwrap_or(Value::Nil);
    match validate(&v, &t) {
        Ok(()) => rets![v, Value::Nil],
        Err(vs) => {
            let e = invalid(vm, &vs);
            rets![Value::Nil, e]
        }
    }
}

fn kind_fn(vm: &mut Vm, args: Vals) -> NResult {
    let t = resolve(&check_ready(&args, 0)?);
    let k = kind(&t);
    rets![vm.new_str(k)]
}

fn name_fn(vm: &mut Vm, args: Vals) -> NResult {
    let t = check_type(&args, 0)?;
    rets![vm.new_str(spell(&t))]
}

fn tostring_fn(vm: &mut Vm, args: Vals) -> NResult {
    let t = check_type(&args, 0)?;
    if let Ty::Lit(Lit::Str(b)) = &*t {
        return rets![vm.new_str(b)];
    }
    rets![vm.new_str(spell(&t))]
}

fn eq_fn(_vm: &mut Vm, args: Vals) -> NResult {
    let a = check_type(&args, 0)?;
    let b = check_type(&args, 1)?;
    rets![Value::Bool(Arc::ptr_eq(&a, &b) || key(&a) == key(&b))]
}

/// State of one subtype test.
#[derive(Default)]
struct Sub {
    steps: usize,
    assumed: HashSet<(String, String)>,
}

/// `a <: b` as spec/types.md §3.3 describes it, for `A <= B`. Fields are
/// compared covariantly (run-time values have no mutability). Aliases are
/// unfolded up to a depth, past which a recursive pair is assumed to hold;
/// `work` bounds the total and remembers the alias pairs being compared.
fn subtype(a: &T, b: &T, depth: usize, work: &mut Sub) -> bool {
    work.steps += 1;
    if work.steps > 100_000 {
        return false;
    }
    if depth > 64 {
        return true;
    }
    if Arc::ptr_eq(a, b) {
        return true;
    }
    // A pair of aliases already being compared holds (coinduction).
    if matches!(**a, Ty::Named(_)) || matches!(**b, Ty::Named(_)) {
        let key = (spell(a), spell(b));
        if !work.assumed.insert(key.clone()) {
            return true;
        }
        let r = subtype_unfolded(a, b, depth, work);
        if !r {
            // The assumption was wrong: later visits must not rely on it.
            work.assumed.remove(&key);
        }
        return r;
    }
    subtype_unfolded(a, b, depth, work)
}

fn subtype_unfolded(a: &T, b: &T, depth: usize, work: &mut Sub) -> bool {
    let d = depth + 1;
    let (a, b) = (resolve(a), resolve(b));
    let (a, b) = (strip_checks(&a), strip_checks(&b));
    if spell(&a) == spell(&b) {
        return true;
    }
    match (&*a, &*b) {
        (_, Ty::Prim(Prim::Any | Prim::Unknown)) => true,
        (Ty::Prim(Prim::Never), _) => true,
        (Ty::Union(xs), _) => xs.iter().all(|x| subtype(x, &b, d, work)),
        (Ty::Inter(xs), _) if !matches!(*b, Ty::Inter(_)) => {
            xs.iter().any(|x| subtype(x, &b, d, work))
        }
        (_, Ty::Inter(ys)) => ys.iter().all(|y| subtype(&a, y, d, work)),
        (_, Ty::Optional(y)) => match &*a {
            Ty::Prim(Prim::Nil) => true,
            Ty::Optional(x) => subtype(x, y, d, work),
            _ => subtype(&a, y, d, work),
        },
        (_, Ty::Union(ys)) => ys.iter().any(|y| subtype(&a, y, d, work)),
        (Ty::Prim(Prim::Integer), Ty::Prim(Prim::Number)) => true,
        (Ty::Lit(l), Ty::Prim(p)) => matches!(
            (l, p),
            (Lit::Str(_), Prim::String)
                | (Lit::Int(_), Prim::Integer | Prim::Number)
                | (Lit::Float(_), Prim::Number)
                | (Lit::Bool(_), Prim::Boolean)
        ),
        (Ty::Array(_) | Ty::Map(..) | Ty::Record(_), Ty::Prim(Prim::Table)) => true,
        (Ty::Function(..), Ty::Prim(Prim::Function)) => true,
        (Ty::Array(x), Ty::Array(y)) => subtype(x, y, d, work),
        (Ty::Array(x), Ty::Map(k, v)) => {
            subtype(&Arc::new(Ty::Prim(Prim::Integer)), k, d, work) && subtype(x, v, d, work)
        }
        (Ty::Map(k1, v1), Ty::Map(k2, v2)) => subtype(k1, k2, d, work) && subtype(v1, v2, d, work),
        (Ty::Record(_), Ty::Record(gs)) => {
            let fs = record_fields(&a);
            gs.iter()
                .all(|g| match fs.iter().find(|(n, _)| *n == g.name) {
                    Some((_, ft)) => {
                        subtype(ft, &g.ty, d, work)
                            || (g.optional
                                && subtype(ft, &Arc::new(Ty::Optional(g.ty.clone())), d, work))
                    }
                    None => g.optional,
                })
        }
        (Ty::Function(p1, r1), Ty::Function(p2, r2)) => {
            p1.len() == p2.len()
                && r1.len() == r2.len()
                && p1.iter().zip(p2).all(|(x, y)| subtype(y, x, d, work))
                && r1.iter().zip(r2).all(|(x, y)| subtype(x, y, d, work))
        }
        _ => false,
    }
}

fn strip_checks(t: &T) -> T {
    match &**t {
        Ty::Validated(x, _) => resolve(x),
        _ => t.clone(),
    }
}

fn le_fn(_vm: &mut Vm, args: Vals) -> NResult {
    let a = check_type(&args, 0)?;
    let b = check_type(&args, 1)?;
    rets![Value::Bool(subtype(&a, &b, 0, &mut Sub::default()))]
}

fn lt_fn(_vm: &mut Vm, args: Vals) -> NResult {
    let a = check_type(&args, 0)?;
    let b = check_type(&args, 1)?;
    let eq = spell(&resolve(&a)) == spell(&resolve(&b));
    rets![Value::Bool(
        !eq && subtype(&a, &b, 0, &mut Sub::default()) && !subtype(&b, &a, 0, &mut Sub::default())
    )]
}

/// A record's fields (looking through aliases and intersections of records).
fn record_fields(t: &T) -> Vec<(String, T)> {
    record_fields_at(t, &mut Vec::new())
}

/// `seen`: the definitions being expanded, so `type A = A & A` (whose
/// members resolve to itself) ends.
fn record_fields_at(t: &T, seen: &mut Vec<usize>) -> Vec<(String, T)> {
    if let Ty::Named(c) = &**t {
        let id = Arc::as_ptr(&c.def) as usize;
        if seen.contains(&id) || seen.len() > MAX_DEPTH {
            return Vec::new();
        }
        seen.push(id);
    }
    let t = resolve(t);
    let mut out = Vec::new();
    match &*t {
        Ty::Record(fs) => {
            for f in fs {
                let ty = if f.optional && !matches!(*f.ty, Ty::Optional(_)) {
                    Arc::new(Ty::Optional(f.ty.clone()))
                } else {
                    f.ty.clone()
                };
                out.push((f.name.clone(), ty));
            }
        }
        Ty::Inter(xs) => {
            for x in xs {
                for (n, ty) in record_fields_at(x, seen) {
                    if !out.iter().any(|(m, _)| *m == n) {
                        out.push((n, ty));
                    }
                }
            }
        }
        Ty::Validated(x, _) => out = record_fields_at(x, seen),
        _ => {}
    }
    out
}

fn field_fn(vm: &mut Vm, args: Vals) -> NResult {
    let t = check_ready(&args, 0)?;
    let name = match args.get(1) {
        Some(Value::Str(s)) => s.get().to_str_lossy().into_owned(),
        _ => return rets![Value::Nil],
    };
    match record_fields(&t).into_iter().find(|(n, _)| *n == name) {
        Some((_, ft)) => rets![new_type(vm, ft)],
        None => rets![Value::Nil],
    }
}

fn fields_next(vm: &mut Vm, args: Vals) -> NResult {
    let t = check_ready(&args, 0)?;
    let fs = record_fields(&t);
    let pos = match args.get(1) {
        Some(Value::Str(s)) => {
            let prev = s.get().to_str_lossy().into_owned();
            fs.iter()
                .position(|(n, _)| *n == prev)
                .map_or(fs.len(), |i| i + 1)
        }
        _ => 0,
    };
    match fs.into_iter().nth(pos) {
        Some((n, ft)) => {
            let k = vm.new_str(n);
            rets![k, new_type(vm, ft)]
        }
        None => rets![Value::Nil],
    }
}

fn fields_fn(_vm: &mut Vm, args: Vals) -> NResult {
    let t = args.first().cloned().unwrap_or(Value::Nil);
    check_ready(&args, 0)?;
    rets![Value::LightFn(fields_next), t, Value::Nil]
}

fn members(t: &T) -> Vec<T> {
    match &*resolve(t) {
        Ty::Union(xs) => xs.clone(),
        Ty::Function(ps, _) => ps.clone(),
        _ => Vec::new(),
    }
}

/// The iterator `T:variants()` / `T:params()` return: a closure over the
/// type and a position (members may repeat, `(number, number) -> ()`, and
/// equal types are one value, so the previous member cannot say where
/// the iteration is).
fn members_next(vm: &mut Vm, _args: Vals) -> NResult {
    let Some(t) = type_of_value(&vm.native_upvalue(0)) else {
        return rets![Value::Nil];
    };
    let pos = match vm.native_upvalue(1) {
        Value::Int(i) => i as usize,
        _ => 0,
    };
    match members(&t).get(pos) {
        Some(x) => {
            vm.set_native_upvalue(1, Value::Int(pos as i64 + 1));
            rets![new_type(vm, x.clone())]
        }
        None => rets![Value::Nil],
    }
}

fn members_fn(vm: &mut Vm, args: Vals) -> NResult {
    let t = args.first().cloned().unwrap_or(Value::Nil);
    check_ready(&args, 0)?;
    rets![vm.new_native(members_next, vec![t, Value::Int(0)])]
}

fn part(vm: &mut Vm, args: &Vals, pick: fn(&Ty) -> Option<T>) -> NResult {
    let t = resolve(&check_ready(args, 0)?);
    match pick(&t) {
        Some(x) => rets![new_type(vm, x)],
        None => rets![Value::Nil],
    }
}

fn elem_fn(vm: &mut Vm, args: Vals) -> NResult {
    part(vm, &args, |t| match t {
        Ty::Array(x) => Some(x.clone()),
        _ => None,
    })
}
fn key_fn(vm: &mut Vm, args: Vals) -> NResult {
    part(vm, &args, |t| match t {
        Ty::Map(k, _) => Some(k.clone()),
        _ => None,
    })
}
fn val_fn(vm: &mut Vm, args: Vals) -> NResult {
    part(vm, &args, |t| match t {
        Ty::Map(_, v) => Some(v.clone()),
        _ => None,
    })
}
fn inner_fn(vm: &mut Vm, args: Vals) -> NResult {
    part(vm, &args, |t| match t {
        Ty::Optional(x) => Some(x.clone()),
        _ => None,
    })
}
fn ret_fn(vm: &mut Vm, args: Vals) -> NResult {
    part(vm, &args, |t| match t {
        Ty::Function(_, rs) => rs.first().cloned(),
        _ => None,
    })
}
fn value_fn(vm: &mut Vm, args: Vals) -> NResult {
    let t = resolve(&check_ready(&args, 0)?);
    match &*t {
        Ty::Lit(Lit::Str(b)) => rets![vm.new_str(b)],
        Ty::Lit(Lit::Int(i)) => rets![Value::Int(*i)],
        Ty::Lit(Lit::Float(f)) => rets![Value::Float(*f)],
        Ty::Lit(Lit::Bool(b)) => rets![Value::Bool(*b)],
        _ => rets![Value::Nil],
    }
}

/// `T.x`: a record's field type first, then the methods (spec §5.5).
fn index_fn(vm: &mut Vm, args: Vals) -> NResult {
    let t = check_type(&args, 0)?;
    let key = args.get(1).cloned().unwrap_or(Value::Nil);
    if let Value::Str(s) = &key {
        let name = s.get().to_str_lossy().into_owned();
        if let Some((_, ft)) = record_fields(&t).into_iter().find(|(n, _)| *n == name) {
            return rets![new_type(vm, ft)];
        }
    }
    let methods = vm.lib_table(&METHODS);
    let v = methods.get().get(key);
    rets![v]
}

// ----- JSON Schema -----------------------------------------------------------

struct Schema<'v> {
    vm: &'v mut Vm,
    defs: Gc<Table>,
    done: HashSet<String>,
    depth: usize,
}

impl Schema<'_> {
    fn set(&mut self, t: Gc<Table>, k: &str, v: Value) {
        self.vm.raw_set_str(t, k, v);
    }
    fn obj(&mut self, pairs: &[(&str, Value)]) -> Value {
        let t = self.vm.new_table();
        for (k, v) in pairs {
            self.set(t, k, *v);
        }
        Value::Table(t)
    }
    fn list(&mut self, xs: &[T], ctx: Option<&Arc<Ctx>>) -> Value {
        let t = self.vm.new_table();
        for (i, x) in xs.iter().enumerate() {
            let s = self.schema(x, ctx);
            t.get_mut().set_int(i as i64 + 1, s);
        }
        Value::Table(t)
    }
    fn lit(&mut self, l: &Lit) -> Value {
        match l {
            Lit::Str(b) => self.vm.new_str(b),
            Lit::Int(i) => Value::Int(*i),
            Lit::Float(f) => Value::Float(*f),
            Lit::Bool(b) => Value::Bool(*b),
        }
    }
    fn ty_str(&mut self, s: &str) -> Value {
        let v = self.vm.new_str(s);
        self.obj(&[("type", v)])
    }

    fn schema(&mut self, t: &T, ctx: Option<&Arc<Ctx>>) -> Value {
        self.depth += 1;
        let r = if self.depth > MAX_DEPTH {
            Value::Bool(true)
        } else {
            self.schema_inner(t, ctx)
        };
        self.depth -= 1;
        r
    }

    fn named(&mut self, c: &Arc<Ctx>) -> Value {
        let name = spell(&Arc::new(Ty::Named(c.clone())));
        if self.done.insert(name.clone()) {
            let s = match c.def.body().cloned() {
                Some(body) => self.schema(&body, Some(c)),
                None => Value::Bool(true),
            };
            let defs = self.defs;
            self.set(defs, &name, s);
        }
        let r = self.vm.new_str(format!("#/$defs/{name}"));
        self.obj(&[("$ref", r)])
    }

    fn schema_inner(&mut self, t: &T, ctx: Option<&Arc<Ctx>>) -> Value {
        match &**t {
            Ty::Prim(p) => match p {
                Prim::Nil => self.ty_str("null"),
                Prim::Boolean => self.ty_str("boolean"),
                Prim::Number => self.ty_str("number"),
                Prim::Integer => self.ty_str("integer"),
                Prim::String => self.ty_str("string"),
                Prim::Table => {
                    let a = self.vm.new_str("object");
                    let b = self.vm.new_str("array");
                    let l = self.vm.new_table();
                    l.get_mut().set_int(1, a);
                    l.get_mut().set_int(2, b);
                    self.obj(&[("type", Value::Table(l))])
                }
                Prim::Never => Value::Bool(false),
                _ => Value::Bool(true),
            },
            Ty::Lit(l) => {
                let v = self.lit(l);
                self.obj(&[("const", v)])
            }
            Ty::Optional(x) => {
                let inner = self.schema(x, ctx);
                let null = self.ty_str("null");
                let l = self.vm.new_table();
                l.get_mut().set_int(1, inner);
                l.get_mut().set_int(2, null);
                self.obj(&[("anyOf", Value::Table(l))])
            }
            Ty::Union(xs) => {
                if xs.iter().all(|x| matches!(**x, Ty::Lit(_))) {
                    let l = self.vm.new_table();
                    for (i, x) in xs.iter().enumerate() {
                        if let Ty::Lit(lit) = &**x {
                            let v = self.lit(lit);
                            l.get_mut().set_int(i as i64 + 1, v);
                        }
                    }
                    return self.obj(&[("enum", Value::Table(l))]);
                }
                let l = self.list(xs, ctx);
                self.obj(&[("anyOf", l)])
            }
            Ty::Inter(xs) => {
                let l = self.list(xs, ctx);
                self.obj(&[("allOf", l)])
            }
            Ty::Array(x) => {
                let items = self.schema(x, ctx);
                let ty = self.vm.new_str("array");
                self.obj(&[("type", ty), ("items", items)])
            }
            Ty::Map(k, v) => {
                let vs = self.schema(v, ctx);
                let ty = self.vm.new_str("object");
                let o = self.obj(&[("type", ty), ("additionalProperties", vs)]);
                let key = close(k, ctx);
                // Only the test looks through aliases: the schema of an
                // alias key is its `$ref` (inlining would not end for `A`
                // keyed by `A`).
                if !matches!(
                    *resolve(&key),
                    Ty::Prim(Prim::String) | Ty::Prim(Prim::Any) | Ty::Prim(Prim::Unknown)
                ) && let Value::Table(ot) = o
                {
                    let ks = self.schema(&key, None);
                    self.set(ot, "propertyNames", ks);
                }
                o
            }
            Ty::Record(fs) => {
                let props = self.vm.new_table();
                let req = self.vm.new_table();
                let mut n = 0;
                for f in fs {
                    let s = self.schema(&f.ty, ctx);
                    self.set(props, &f.name, s);
                    if !f.optional && !matches!(*f.ty, Ty::Optional(_)) {
                        n += 1;
                        let name = self.vm.new_str(&f.name);
                        req.get_mut().set_int(n, name);
                    }
                }
                let ty = self.vm.new_str("object");
                let o = self.obj(&[("type", ty), ("properties", Value::Table(props))]);
                if n > 0
                    && let Value::Table(ot) = o
                {
                    self.set(ot, "required", Value::Table(req));
                }
                o
            }
            Ty::Function(..) => {
                let c = self.vm.new_str("a function: not representable in JSON");
                self.obj(&[("$comment", c)])
            }
            Ty::Named(c) => {
                let c = close_ctx(c, ctx);
                self.named(&c)
            }
            Ty::Param(i) => match ctx.and_then(|c| c.args.get(*i)).cloned() {
                Some(a) => self.schema(&a, None),
                None => Value::Bool(true),
            },
            Ty::Rec(args) => match ctx {
                Some(c) => {
                    let c2 = rec_ctx(c, args);
                    self.named(&c2)
                }
                None => Value::Bool(true),
            },
            Ty::Validated(x, checks) => {
                let s = self.schema(x, ctx);
                let inner = resolve(&close(x, ctx));
                let is_str = matches!(*inner, Ty::Prim(Prim::String));
                if let Value::Table(st) = s {
                    for c in checks {
                        let (k, v) = match c {
                            Check::Min(m) => ("minimum", num_value(*m)),
                            Check::Max(m) => ("maximum", num_value(*m)),
                            Check::MinLen(m) => (
                                if is_str { "minLength" } else { "minItems" },
                                Value::Int(*m),
                            ),
                            Check::MaxLen(m) => (
                                if is_str { "maxLength" } else { "maxItems" },
                                Value::Int(*m),
                            ),
                            Check::Pattern(re) => ("pattern", self.vm.new_str(re.as_str())),
                        };
                        self.set(st, k, v);
                    }
                }
                s
            }
        }
    }
}

fn num_value(x: f64) -> Value {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        Value::Int(x as i64)
    } else {
        Value::Float(x)
    }
}

/// `T:json_schema()`: a JSON Schema (draft 2020-12) as a Lua table; named
/// aliases go to `$defs` and are referenced, so recursive types work.
fn json_schema_fn(vm: &mut Vm, args: Vals) -> NResult {
    let t = check_ready(&args, 0)?;
    let defs = vm.new_table();
    let mut s = Schema {
        vm,
        defs,
        done: HashSet::new(),
        depth: 0,
    };
    let root = match &*t {
        Ty::Named(c) => {
            let c = c.clone();
            s.named(&c)
        }
        _ => s.schema(&t, None),
    };
    let has_defs = s.defs.get().iter_all().next().is_some();
    // The root alias is inlined: `$ref` beside `$defs` keeps recursion working.
    let root = match root {
        Value::Table(r) => r,
        other => {
            let r = s.vm.new_table();
            if matches!(other, Value::Bool(false)) {
                let empty = s.vm.new_table();
                s.set(r, "not", Value::Table(empty));
            }
            r
        }
    };
    let url = s.vm.new_str("https://json-schema.org/draft/2020-12/schema");
    s.set(root, "$schema", url);
    if has_defs {
        s.set(root, "$defs", Value::Table(defs));
    }
    rets![Value::Table(root)]
}

// ----- templates -------------------------------------------------------------

/// The `types` global.
/// A template entry list ending with the methods of type values (the
/// `types` library offers them as functions too).
macro_rules! with_type_methods {
    ($($e:expr),* $(,)?) => {
        &[
            $($e,)*
            ("is", TValue::Fn(is)),
            ("kind", TValue::Fn(kind_fn)),
            ("name", TValue::Fn(name_fn)),
            ("fields", TValue::Fn(fields_fn)),
            ("field", TValue::Fn(field_fn)),
            ("elem", TValue::Fn(elem_fn)),
            ("key", TValue::Fn(key_fn)),
            ("val", TValue::Fn(val_fn)),
            ("inner", TValue::Fn(inner_fn)),
            ("variants", TValue::Fn(members_fn)),
            ("params", TValue::Fn(members_fn)),
            ("ret", TValue::Fn(ret_fn)),
            ("value", TValue::Fn(value_fn)),
            ("json_schema", TValue::Fn(json_schema_fn)),
            ("of", TValue::Fn(of_fn)),
        ]
    };
}

pub static LIB: Template = Template {
    name: "types",
    entries: with_type_methods![
        ("define", TValue::Fn(define)),
        ("nil", TValue::Build(|vm| prim(vm, Prim::Nil))),
        ("boolean", TValue::Build(|vm| prim(vm, Prim::Boolean))),
        ("number", TValue::Build(|vm| prim(vm, Prim::Number))),
        ("integer", TValue::Build(|vm| prim(vm, Prim::Integer))),
        ("string", TValue::Build(|vm| prim(vm, Prim::String))),
        ("any", TValue::Build(|vm| prim(vm, Prim::Any))),
        ("unknown", TValue::Build(|vm| prim(vm, Prim::Unknown))),
        ("never", TValue::Build(|vm| prim(vm, Prim::Never))),
        ("error", TValue::Build(|vm| prim(vm, Prim::Error))),
        ("table", TValue::Build(|vm| prim(vm, Prim::Table))),
        ("function", TValue::Build(|vm| prim(vm, Prim::Function))),
        ("thread", TValue::Build(|vm| prim(vm, Prim::Thread))),
        ("userdata", TValue::Build(|vm| prim(vm, Prim::Userdata))),
        ("validate", TValue::Fn(call)),
        ("is_type", TValue::Fn(is_type_fn)),
        ("typeof", TValue::Fn(typeof_fn)),
        ("static_typeof", TValue::Fn(static_typeof)),
        ("declare", TValue::Fn(declare)),
        ("complete", TValue::Fn(complete)),
        // Then the methods, for types whose record fields hide them
        // (`types.kind(T)` where `T.kind` is a field).
    ],
    init: None,
};

/// The value of a primitive type: `types.number`, the global `Number`
/// and `typeof(1.5)` are one value.
pub fn prim(vm: &mut Vm, p: Prim) -> Value {
    new_type(vm, Arc::new(Ty::Prim(p)))
}

fn is_type_fn(_vm: &mut Vm, args: Vals) -> NResult {
    rets![Value::Bool(args.first().and_then(type_of_value).is_some())]
}

/// The metatable of type values.
pub static META: Template = Template {
    name: "type metatable",
    entries: &[
        ("__index", TValue::Fn(index_fn)),
        ("__call", TValue::Fn(call)),
        ("__tostring", TValue::Fn(tostring_fn)),
        ("__eq", TValue::Fn(eq_fn)),
        ("__le", TValue::Fn(le_fn)),
        ("__lt", TValue::Fn(lt_fn)),
        ("__name", TValue::Str("type")),
    ],
    init: None,
};

/// The methods of type values (looked up after record fields).
pub static METHODS: Template = Template {
    name: "type methods",
    entries: with_type_methods![],
    init: None,
};
