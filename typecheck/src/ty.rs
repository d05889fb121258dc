//! The checker's types: what `Ty` can be, how unions are normalised, and how
//! types print in messages (`number?`, `{name: string, age?: integer}`).
//!
//! Types are immutable values shared through `Rc`; narrowing builds new ones.
//! Subtyping lives in subtype.rs; resolving annotations into `Ty` in infer.rs.

use std::fmt;
use std::rc::Rc;

#[derive(Clone, Debug, PartialEq)]
pub enum Ty {
    Nil,
    Boolean,
    Number,
    Integer,
    String,
    /// Gradual opt-out: assignable to and from everything.
    Any,
    /// Safe top: everything is assignable to it, it to nothing concrete.
    Unknown,
    Never,
    /// Coarse types matching `type()` results (spec/types.md 3.1, Proposed).
    Table,
    Function,
    Thread,
    Userdata,
    /// Error values (the second result of the `value, err` idiom).
    Error,
    LitStr(Rc<[u8]>),
    LitInt(i64),
    LitFloat(f64),
    LitBool(bool),
    /// Always flattened, deduplicated and with at least two members.
    Union(Rc<[Ty]>),
    Intersection(Rc<[Ty]>),
    Array(Rc<Ty>),
    Map(Rc<Ty>, Rc<Ty>),
    Record(Rc<Record>),
    /// An interface: a native object (userdata) described by its methods
    /// (`io.File`, `channel.Channel`), from builtins.rs.
    Object(Rc<Object>),
    Func(Rc<FnTy>),
    /// A type parameter inside the generic function or alias declaring it.
    Generic(Rc<GenericTy>),
    /// A reference to a recursive alias, expanded on demand.
    Alias(Rc<str>, u32),
    /// A type with run-time validators (`number @min(0)`). It appears only
    /// where a value meets an expectation (an annotation, a parameter, a
    /// record field, an array element, a union member): subtyping sees the
    /// inner type, literals are checked against the validators, and what
    /// is read from such a place is `bare()`. Never wraps a union or nil.
    Checked(Rc<Checked>),
}

#[derive(Debug, PartialEq)]
pub struct Checked {
    pub ty: Ty,
    pub checks: Vec<Check>,
}

/// One validator with constant arguments (spec/types.md 5.4).
#[derive(Clone, Debug, PartialEq)]
pub enum Check {
    Min(Num),
    Max(Num),
    MinLen(i64),
    MaxLen(i64),
    /// `@pattern(re)`: RE2 syntax, unanchored unless it anchors itself.
    Pattern(Rc<str>),
}

/// A numeric constant as Lua keeps it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Num {
    Int(i64),
    Float(f64),
}

impl Num {
    /// `self < other` with Lua's mixed integer/float comparison.
    pub fn lt(self, other: Num) -> bool {
        match (self, other) {
            (Num::Int(a), Num::Int(b)) => a < b,
            (a, b) => a.as_f64() < b.as_f64(),
        }
    }

    pub fn as_f64(self) -> f64 {
        match self {
            Num::Int(i) => i as f64,
            Num::Float(f) => f,
        }
    }
}

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Num::Int(i) => write!(f, "{i}"),
            Num::Float(x) => write!(f, "{x:?}"),
        }
    }
}

impl fmt::Display for Check {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Check::Min(n) => write!(f, "@min({n})"),
            Check::Max(n) => write!(f, "@max({n})"),
            Check::MinLen(n) => write!(f, "@min_len({n})"),
            Check::MaxLen(n) => write!(f, "@max_len({n})"),
            Check::Pattern(p) => write!(f, "@pattern({})", Ty::LitStr(Rc::from(p.as_bytes()))),
        }
    }
}

#[derive(Debug, PartialEq)]
pub struct Record {
    pub fields: Vec<Field>,
    /// The alias name it was declared under, for messages.
    pub name: Option<Rc<str>>,
    /// The metatable's variable (checker's id) for `setmetatable(t, Class)`
    /// results: missing fields are looked up in the class table when it has
    /// `__index`, so method calls on instances are checked.
    pub meta: Option<usize>,
}

/// A native object's type. Its methods are functions whose first
/// parameter is the object itself (`Self` in builtins.rs), so `ch:send(v)`
/// is checked as a call of `send(ch, v)`. Objects are nominal: two are
/// the same type when their names are (builtins.rs declares each once).
#[derive(Debug)]
pub struct Object {
    /// The qualified name users write in annotations (`time.Duration`).
    pub name: Rc<str>,
    pub methods: Vec<Field>,
    /// Other names may exist at run time (a type value's record fields):
    /// only the listed methods are typed, the rest read as `any`. A
    /// closed object has exactly its methods: calling another fails.
    pub open: bool,
}

impl PartialEq for Object {
    fn eq(&self, other: &Object) -> bool {
        self.name == other.name
    }
}

impl Object {
    pub fn method(&self, name: &str) -> Option<&Ty> {
        self.methods
            .iter()
            .find(|m| &*m.name == name)
            .map(|m| &m.ty)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    pub name: Rc<str>,
    pub ty: Ty,
    pub optional: bool,
}

#[derive(Debug, PartialEq)]
pub struct FnTy {
    pub generics: Vec<Rc<GenericTy>>,
    pub params: Vec<Ty>,
    /// Parameter names, for messages (`argument #2 'age'`); may be shorter.
    pub names: Vec<Rc<str>>,
    pub variadic: Option<Ty>,
    pub rets: Vec<Ty>,
    pub ret_variadic: Option<Ty>,
    /// Every parameter and the returns come from annotations (or a built-in
    /// signature): calls are checked strictly. Inferred functions are lax.
    pub annotated: bool,
    /// Arity is checked only for annotated functions with all params typed.
    pub check_arity: bool,
    /// A standard-library signature: arguments convert as natives convert
    /// them, and extra arguments are ignored.
    pub builtin: bool,
}

#[derive(Debug, PartialEq)]
pub struct GenericTy {
    pub name: Rc<str>,
    /// Distinguishes `T` of different declarations.
    pub id: u32,
    pub bound: Option<Ty>,
}

impl Ty {
    pub fn optional(t: Ty) -> Ty {
        union(vec![t, Ty::Nil])
    }

    pub fn record(fields: Vec<Field>) -> Ty {
        Ty::Record(Rc::new(Record {
            fields,
            name: None,
            meta: None,
        }))
    }

    /// `t` with validators `checks`: a union gets them on each non-nil
    /// member (`number? @min(0)` is `(number @min(0))?`, so it stays
    /// optional), nested validators merge.
    pub fn checked(t: Ty, checks: Vec<Check>) -> Ty {
        if checks.is_empty() {
            return t;
        }
        match t {
            Ty::Union(ms) => union(
                ms.iter()
                    .map(|m| match m {
                        Ty::Nil => Ty::Nil,
                        m => Ty::checked(m.clone(), checks.clone()),
                    })
                    .collect(),
            ),
            Ty::Nil => Ty::Nil,
            Ty::Checked(c) => {
                let mut all = c.checks.clone();
                all.extend(checks);
                Ty::Checked(Rc::new(Checked {
                    ty: c.ty.clone(),
                    checks: all,
                }))
            }
            t => Ty::Checked(Rc::new(Checked { ty: t, checks })),
        }
    }

    /// The type without validators at the top and on union members: what
    /// a value read from a validated place has.
    pub fn bare(&self) -> Ty {
        match self {
            Ty::Checked(c) => c.ty.bare(),
            Ty::Union(ms) if ms.iter().any(|m| matches!(m, Ty::Checked(_))) => {
                union(ms.iter().map(Ty::bare).collect())
            }
            t => t.clone(),
        }
    }

    pub fn members(&self) -> &[Ty] {
        match self {
            Ty::Union(m) => m,
            t => std::slice::from_ref(t),
        }
    }

    pub fn is_any(&self) -> bool {
        matches!(self, Ty::Any)
    }

    /// May the value be nil (or is the type uninformative about it)?
    pub fn has_nil(&self) -> bool {
        self.members().iter().any(|m| matches!(m, Ty::Nil))
    }

    /// The type without its nil (and, with `falsy`, without `false`).
    pub fn truthy(&self) -> Ty {
        let ms: Vec<Ty> = self
            .members()
            .iter()
            .filter_map(|m| match m {
                Ty::Nil | Ty::LitBool(false) => None,
                Ty::Boolean => Some(Ty::LitBool(true)),
                m => Some(m.clone()),
            })
            .collect();
        union(ms)
    }

    pub fn non_nil(&self) -> Ty {
        union(
            self.members()
                .iter()
                .filter(|m| !matches!(m, Ty::Nil))
                .cloned()
                .collect(),
        )
    }

    /// The part of the type that is falsy: nil and false.
    pub fn falsy(&self) -> Ty {
        let mut ms = Vec::new();
        for m in self.members() {
            match m {
                Ty::Nil => ms.push(Ty::Nil),
                Ty::LitBool(false) | Ty::Boolean => ms.push(Ty::LitBool(false)),
                Ty::Any | Ty::Unknown => {
                    ms.push(Ty::Nil);
                    ms.push(Ty::LitBool(false));
                }
                _ => {}
            }
        }
        union(ms)
    }

    pub fn is_never(&self) -> bool {
        matches!(self, Ty::Never)
    }

    /// Literal types widened to their base (`"a"` to string, `1` to integer):
    /// what an unannotated local or an array element gets from a literal.
    pub fn widen(&self) -> Ty {
        match self {
            Ty::LitStr(_) => Ty::String,
            Ty::LitInt(_) => Ty::Integer,
            Ty::LitFloat(_) => Ty::Number,
            Ty::LitBool(_) => Ty::Boolean,
            Ty::Union(ms) => union(ms.iter().map(Ty::widen).collect()),
            t => t.clone(),
        }
    }

    /// The `type()` name of values of this (non-union) type, when fixed.
    pub fn tag(&self) -> Option<&'static str> {
        Some(match self {
            Ty::Nil => "nil",
            Ty::Boolean | Ty::LitBool(_) => "boolean",
            Ty::Number | Ty::Integer | Ty::LitInt(_) | Ty::LitFloat(_) => "number",
            Ty::String | Ty::LitStr(_) => "string",
            Ty::Table | Ty::Array(_) | Ty::Map(..) | Ty::Record(_) => "table",
            Ty::Function | Ty::Func(_) => "function",
            Ty::Thread => "thread",
            Ty::Userdata | Ty::Object(_) => "userdata",
            Ty::Checked(c) => return c.ty.tag(),
            _ => return None,
        })
    }

    pub fn func(params: Vec<Ty>, rets: Vec<Ty>) -> Ty {
        Ty::Func(Rc::new(FnTy {
            generics: vec![],
            params,
            names: vec![],
            variadic: None,
            rets,
            ret_variadic: None,
            annotated: true,
            check_arity: true,
            builtin: false,
        }))
    }
}

/// Builds a normalised union: nested unions flattened, duplicates and
/// members absorbed by a wider one dropped (`1 | integer` is `integer`,
/// `integer | number` is `number`), `never` dropped, `any` absorbs all.
pub fn union(parts: Vec<Ty>) -> Ty {
    let mut flat: Vec<Ty> = Vec::with_capacity(parts.len());
    for p in parts {
        match p {
            Ty::Union(ms) => {
                for m in ms.iter() {
                    push_member(&mut flat, m.clone());
                }
            }
            Ty::Never => {}
            p => push_member(&mut flat, p),
        }
    }
    if flat.iter().any(Ty::is_any) {
        return Ty::Any;
    }
    if flat.iter().any(|t| matches!(t, Ty::Unknown)) {
        return Ty::Unknown;
    }
    match flat.len() {
        0 => Ty::Never,
        1 => flat.pop().unwrap_or(Ty::Never),
        _ => {
            // nil last, so `A | B | nil` prints as `(A | B)?`.
            flat.sort_by_key(|t| matches!(t, Ty::Nil));
            Ty::Union(flat.into())
        }
    }
}

/// Is `a` absorbed by `b` in a union (a literal by its base, integer by number)?
fn absorbed(a: &Ty, b: &Ty) -> bool {
    if a == b {
        return true;
    }
    matches!(
        (a, b),
        (Ty::LitStr(_), Ty::String)
            | (Ty::LitInt(_) | Ty::LitFloat(_), Ty::Number)
            | (Ty::LitInt(_), Ty::Integer)
            | (Ty::Integer, Ty::Number)
            | (Ty::LitBool(_), Ty::Boolean)
    )
}

fn push_member(flat: &mut Vec<Ty>, t: Ty) {
    // Large literal unions are common (enums): only the wide members need
    // the quadratic absorption check both ways.
    if flat.iter().any(|f| absorbed(&t, f)) {
        return;
    }
    flat.retain(|f| !absorbed(f, &t));
    if let Ty::LitBool(b) = t
        && let Some(i) = flat.iter().position(|f| *f == Ty::LitBool(!b))
    {
        flat.remove(i);
        flat.push(Ty::Boolean);
        return;
    }
    flat.push(t);
}

/// Writes a byte string as a Lua literal for messages.
fn quote(f: &mut fmt::Formatter<'_>, s: &[u8]) -> fmt::Result {
    write!(f, "\"")?;
    for c in String::from_utf8_lossy(s).chars() {
        match c {
            '"' => write!(f, "\\\"")?,
            '\\' => write!(f, "\\\\")?,
            '\n' => write!(f, "\\n")?,
            c => write!(f, "{c}")?,
        }
    }
    write!(f, "\"")
}

/// Deep types print cut short: messages stay readable and printing a
/// pathological type cannot recurse without bound.
const PRINT_DEPTH: u32 = 6;

struct Show<'t>(&'t Ty, u32);

impl fmt::Display for Ty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Show(self, 0).fmt(f)
    }
}

impl fmt::Display for Show<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.1 + 1;
        if d > PRINT_DEPTH {
            return write!(f, "...");
        }
        match self.0 {
            Ty::Nil => write!(f, "nil"),
            Ty::Boolean => write!(f, "boolean"),
            Ty::Number => write!(f, "number"),
            Ty::Integer => write!(f, "integer"),
            Ty::String => write!(f, "string"),
            Ty::Any => write!(f, "any"),
            Ty::Unknown => write!(f, "unknown"),
            Ty::Never => write!(f, "never"),
            Ty::Table => write!(f, "table"),
            Ty::Function => write!(f, "function"),
            Ty::Thread => write!(f, "thread"),
            Ty::Userdata => write!(f, "userdata"),
            Ty::Error => write!(f, "error"),
            Ty::LitStr(s) => quote(f, s),
            Ty::LitInt(i) => write!(f, "{i}"),
            Ty::LitFloat(x) => write!(f, "{x:?}"),
            Ty::LitBool(b) => write!(f, "{b}"),
            Ty::Union(ms) => {
                let nil = ms.iter().any(|m| matches!(m, Ty::Nil));
                let rest: Vec<&Ty> = ms.iter().filter(|m| !matches!(m, Ty::Nil)).collect();
                if nil && rest.len() == 1 {
                    let paren = matches!(rest[0], Ty::Func(_) | Ty::Intersection(_));
                    if paren {
                        write!(f, "({})?", Show(rest[0], d))
                    } else {
                        write!(f, "{}?", Show(rest[0], d))
                    }
                } else {
                    for (i, m) in ms.iter().enumerate() {
                        if i > 0 {
                            write!(f, " | ")?;
                        }
                        if matches!(m, Ty::Func(_)) {
                            write!(f, "({})", Show(m, d))?;
                        } else {
                            write!(f, "{}", Show(m, d))?;
                        }
                    }
                    Ok(())
                }
            }
            Ty::Intersection(ms) => {
                for (i, m) in ms.iter().enumerate() {
                    if i > 0 {
                        write!(f, " & ")?;
                    }
                    write!(f, "{}", Show(m, d))?;
                }
                Ok(())
            }
            Ty::Array(t) => write!(f, "{{{}}}", Show(t, d)),
            Ty::Map(k, v) => write!(f, "{{[{}]: {}}}", Show(k, d), Show(v, d)),
            Ty::Record(r) => {
                if let Some(n) = &r.name {
                    return write!(f, "{n}");
                }
                write!(f, "{{")?;
                for (i, fl) in r.fields.iter().enumerate() {
                    if i > 0 {
                        write!(f, ", ")?;
                    }
                    if i >= 8 {
                        write!(f, "...")?;
                        break;
                    }
                    let q = if fl.optional { "?" } else { "" };
                    write!(f, "{}{}: {}", fl.name, q, Show(&fl.ty, d))?;
                }
                write!(f, "}}")
            }
            Ty::Func(ft) => {
                if !ft.generics.is_empty() {
                    write!(f, "<")?;
                    for (i, g) in ft.generics.iter().enumerate() {
                        if i > 0 {
                            write!(f, ", ")?;
                        }
                        write!(f, "{}", g.name)?;
                    }
                    write!(f, ">")?;
                }
                write!(f, "(")?;
                for (i, p) in ft.params.iter().enumerate() {
                    if i > 0 {
                        write!(f, ", ")?;
                    }
                    write!(f, "{}", Show(p, d))?;
                }
                if let Some(v) = &ft.variadic {
                    if !ft.params.is_empty() {
                        write!(f, ", ")?;
                    }
                    write!(f, "...{}", Show(v, d))?;
                }
                write!(f, ") -> ")?;
                if ft.rets.len() == 1 && ft.ret_variadic.is_none() {
                    return write!(f, "{}", Show(&ft.rets[0], d));
                }
                write!(f, "(")?;
                for (i, r) in ft.rets.iter().enumerate() {
                    if i > 0 {
                        write!(f, ", ")?;
                    }
                    write!(f, "{}", Show(r, d))?;
                }
                if let Some(v) = &ft.ret_variadic {
                    if !ft.rets.is_empty() {
                        write!(f, ", ")?;
                    }
                    write!(f, "...{}", Show(v, d))?;
                }
                write!(f, ")")
            }
            Ty::Object(o) => write!(f, "{}", o.name),
            Ty::Generic(g) => write!(f, "{}", g.name),
            Ty::Alias(n, _) => write!(f, "{n}"),
            // Messages are about types; validators are named on their own.
            Ty::Checked(c) => Show(&c.ty, d).fmt(f),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unions_absorb_literals_and_integer() {
        let u = union(vec![Ty::LitInt(1), Ty::Integer, Ty::Nil]);
        assert_eq!(u.to_string(), "integer?");
        let u = union(vec![Ty::Integer, Ty::Number]);
        assert_eq!(u, Ty::Number);
        let u = union(vec![Ty::LitBool(true), Ty::LitBool(false)]);
        assert_eq!(u, Ty::Boolean);
        assert_eq!(union(vec![Ty::String, Ty::Any]), Ty::Any);
        assert_eq!(union(vec![]), Ty::Never);
    }

    #[test]
    fn truthy_removes_nil_and_false() {
        let u = union(vec![Ty::String, Ty::Nil, Ty::LitBool(false)]);
        assert_eq!(u.truthy(), Ty::String);
        assert_eq!(Ty::Boolean.truthy(), Ty::LitBool(true));
    }

    #[test]
    fn validators_go_on_the_members_of_an_optional_and_bare_drops_them() {
        let t = Ty::checked(Ty::optional(Ty::Number), vec![Check::Min(Num::Int(0))]);
        assert!(t.has_nil(), "{t:?}");
        assert_eq!(t.to_string(), "number?");
        assert_eq!(t.bare(), Ty::optional(Ty::Number));
        let twice = Ty::checked(t.non_nil(), vec![Check::Max(Num::Int(9))]);
        let Ty::Checked(c) = &twice else {
            panic!("{twice:?}")
        };
        assert_eq!(c.checks.len(), 2);
        assert_eq!(c.ty, Ty::Number);
    }
}
