//! The checker's types: what `Ty` can be, how unions are normalised, and how
//! types print in messages (`number?`, `{name: string, age?: integer}`).
//!
//! Types are immutable values shared through `Rc`; narrowing builds new ones.
//! Subtyping lives in subtype.rs; resolving annotations into `Ty` in infer.rs.
//!
//! Sizes are the user's: a union may have tens of thousands of literal
//! members and a type may share one subtree many times (`type T2 = {a:
//! T1, b: T1}`). So every type implements `Eq`, which lets `Rc`'s
//! equality answer from the pointer when both sides share an allocation
//! (the standard library specialises it for `Eq` contents); unions are
//! built with a hash of their members, wide unions answer literal
//! membership from a hash set, large records find fields through an
//! index, and printing stops after a few hundred characters.

use std::cell::OnceCell;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::rc::Rc;

use hashbrown::{HashMap, HashSet};

#[derive(Clone, Debug)]
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
    /// Always flattened, deduplicated and with at least two members
    /// (built by `union`).
    Union(Rc<Members>),
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
    /// A reference to an alias expanded on demand: a recursive one from
    /// inside its own body, or one named before its declaration (resolved
    /// when its statement is).
    Alias(Rc<AliasRef>),
    /// A type with run-time validators (`number @min(0)`). It appears only
    /// where a value meets an expectation (an annotation, a parameter, a
    /// record field, an array element, a union member): subtyping sees the
    /// inner type, literals are checked against the validators, and what
    /// is read from such a place is `bare()`. Never wraps a union or nil.
    Checked(Rc<Checked>),
}

/// Structural equality. Parts shared by pointer are equal at once; equal
/// pairs met again in one comparison are remembered (`eq_shared`), so
/// comparing two separately built copies of a type that reuses a subtree
/// costs its size, not its unfolding. Float literals come from source
/// numerals, never NaN, so equality is reflexive (`Eq`).
impl PartialEq for Ty {
    fn eq(&self, other: &Ty) -> bool {
        use Ty::*;
        match (self, other) {
            (Nil, Nil)
            | (Boolean, Boolean)
            | (Number, Number)
            | (Integer, Integer)
            | (String, String)
            | (Any, Any)
            | (Unknown, Unknown)
            | (Never, Never)
            | (Table, Table)
            | (Function, Function)
            | (Thread, Thread)
            | (Userdata, Userdata)
            | (Error, Error) => true,
            (LitStr(a), LitStr(b)) => a == b,
            (LitInt(a), LitInt(b)) => a == b,
            (LitFloat(a), LitFloat(b)) => a == b,
            (LitBool(a), LitBool(b)) => a == b,
            (Union(a), Union(b)) => shared(a, b),
            (Intersection(a), Intersection(b)) => shared(a, b),
            (Array(a), Array(b)) => shared(a, b),
            (Map(k, v), Map(k2, v2)) => shared(k, k2) && shared(v, v2),
            (Record(a), Record(b)) => shared(a, b),
            (Object(a), Object(b)) => a == b,
            (Func(a), Func(b)) => shared(a, b),
            (Generic(a), Generic(b)) => shared(a, b),
            (Alias(a), Alias(b)) => shared(a, b),
            (Checked(a), Checked(b)) => shared(a, b),
            _ => false,
        }
    }
}

fn shared<T: ?Sized + PartialEq>(a: &Rc<T>, b: &Rc<T>) -> bool {
    Rc::ptr_eq(a, b)
        || eq_shared(
            Rc::as_ptr(a) as *const () as usize,
            Rc::as_ptr(b) as *const () as usize,
            || **a == **b,
        )
}

/// Comparisons deeper than this remember their equal pairs.
const EQ_MEMO_AFTER: u32 = 64;

/// The state of the comparison under way on this thread: nesting, steps,
/// and the pairs of allocations found equal. Both sides are borrowed for
/// the whole comparison, so their addresses stay unique until it ends.
struct EqState {
    depth: u32,
    steps: u32,
    equal: HashSet<(usize, usize)>,
}

thread_local! {
    static EQ_STATE: std::cell::RefCell<EqState> = std::cell::RefCell::new(EqState {
        depth: 0,
        steps: 0,
        equal: HashSet::new(),
    });
}

fn eq_shared(p: usize, q: usize, compare: impl FnOnce() -> bool) -> bool {
    let known = EQ_STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.depth += 1;
        s.steps = s.steps.saturating_add(1);
        s.steps > EQ_MEMO_AFTER && s.equal.contains(&(p, q))
    });
    let r = known || compare();
    EQ_STATE.with(|s| {
        let mut s = s.borrow_mut();
        if r && s.steps > EQ_MEMO_AFTER {
            s.equal.insert((p, q));
        }
        s.depth -= 1;
        if s.depth == 0 {
            s.steps = 0;
            s.equal.clear();
        }
    });
    r
}

impl Eq for Ty {}
impl Eq for Checked {}
impl Eq for Check {}
impl Eq for Num {}
impl Eq for Record {}
impl Eq for Object {}
impl Eq for Field {}
impl Eq for FnTy {}
impl Eq for GenericTy {}

/// An alias applied to its type arguments (none for a plain alias).
#[derive(Debug, PartialEq, Eq)]
pub struct AliasRef {
    pub name: Rc<str>,
    /// The checker's alias id (`Aliases::expand`).
    pub id: u32,
    pub args: Vec<Ty>,
}

/// The members of a union, with the alias name it was declared under.
pub struct Members {
    tys: Box<[Ty]>,
    /// `type T = "a" | "b"`: messages say `T` (`T?` with nil added).
    pub name: Option<Rc<str>>,
    /// Literal members by value and the positions of the others, built on
    /// first use in wide unions.
    lits: OnceCell<(HashSet<LitKey>, Vec<usize>)>,
}

/// A literal type as a hashable key.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum LitKey {
    Str(Rc<[u8]>),
    Int(i64),
    Float(u64),
    Bool(bool),
}

impl LitKey {
    pub fn of(t: &Ty) -> Option<LitKey> {
        Some(match t {
            Ty::LitStr(s) => LitKey::Str(s.clone()),
            Ty::LitInt(i) => LitKey::Int(*i),
            Ty::LitFloat(f) => LitKey::Float(f.to_bits()),
            Ty::LitBool(b) => LitKey::Bool(*b),
            _ => return None,
        })
    }
}

/// Unions this wide answer literal membership from a hash set.
const WIDE: usize = 16;

impl Members {
    pub fn new(tys: Vec<Ty>, name: Option<Rc<str>>) -> Members {
        Members {
            tys: tys.into_boxed_slice(),
            name,
            lits: OnceCell::new(),
        }
    }

    /// For a wide union: is literal `t` one of the members (itself, not
    /// through a wider one), and which members are not literals? None
    /// when the union is narrow or `t` no literal: the caller scans it.
    pub fn literal_split(&self, t: &Ty) -> Option<(bool, impl Iterator<Item = &Ty>)> {
        if self.tys.len() < WIDE {
            return None;
        }
        let key = LitKey::of(t)?;
        let (set, others) = self.lits.get_or_init(|| {
            let mut set = HashSet::new();
            let mut others = Vec::new();
            for (i, m) in self.tys.iter().enumerate() {
                match LitKey::of(m) {
                    Some(k) => {
                        set.insert(k);
                    }
                    None => others.push(i),
                }
            }
            (set, others)
        });
        Some((set.contains(&key), others.iter().map(|&i| &self.tys[i])))
    }
}

impl Deref for Members {
    type Target = [Ty];
    fn deref(&self) -> &[Ty] {
        &self.tys
    }
}

impl PartialEq for Members {
    fn eq(&self, other: &Members) -> bool {
        self.tys == other.tys
    }
}
impl Eq for Members {}

impl fmt::Debug for Members {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.tys.iter()).finish()
    }
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

pub struct Record {
    pub fields: Vec<Field>,
    /// The alias name it was declared under, for messages.
    pub name: Option<Rc<str>>,
    /// The metatable's variable (checker's id) for `setmetatable(t, Class)`
    /// results: missing fields are looked up in the class table when it has
    /// `__index`, so method calls on instances are checked.
    pub meta: Option<usize>,
    /// Field positions by name, built on first use in wide records.
    index: OnceCell<HashMap<Rc<str>, usize>>,
}

impl Record {
    pub fn new(fields: Vec<Field>, name: Option<Rc<str>>, meta: Option<usize>) -> Record {
        Record {
            fields,
            name,
            meta,
            index: OnceCell::new(),
        }
    }

    /// The field called `name`.
    pub fn field(&self, name: &str) -> Option<&Field> {
        if self.fields.len() < WIDE {
            return self.fields.iter().find(|f| &*f.name == name);
        }
        let ix = self.index.get_or_init(|| {
            let mut m = HashMap::with_capacity(self.fields.len());
            for (i, f) in self.fields.iter().enumerate() {
                m.entry(f.name.clone()).or_insert(i);
            }
            m
        });
        ix.get(name).map(|&i| &self.fields[i])
    }
}

impl PartialEq for Record {
    fn eq(&self, other: &Record) -> bool {
        self.name == other.name && self.meta == other.meta && self.fields == other.fields
    }
}

impl fmt::Debug for Record {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Record")
            .field("fields", &self.fields)
            .field("name", &self.name)
            .field("meta", &self.meta)
            .finish()
    }
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
    /// The first two results are a value and an error of which exactly
    /// one is nil (`return v, nil` / `return nil, err`): testing either
    /// tells about the other (infer/pair.rs).
    pub err_pair: bool,
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
        Ty::Record(Rc::new(Record::new(fields, None, None)))
    }

    /// A reference to alias `id` applied to `args`.
    pub fn alias(name: Rc<str>, id: u32, args: Vec<Ty>) -> Ty {
        Ty::Alias(Rc::new(AliasRef { name, id, args }))
    }

    /// `t` as declared under alias `name`, for messages: a record or a
    /// union keeps the name; other types print as themselves.
    pub fn named(t: Ty, name: &str) -> Ty {
        match &t {
            Ty::Record(r) if r.name.is_none() => Ty::Record(Rc::new(Record::new(
                r.fields.clone(),
                Some(Rc::from(name)),
                r.meta,
            ))),
            Ty::Union(ms) if ms.name.is_none() => {
                Ty::Union(Rc::new(Members::new(ms.to_vec(), Some(Rc::from(name)))))
            }
            _ => t,
        }
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
        if !self
            .members()
            .iter()
            .any(|m| matches!(m, Ty::Nil | Ty::LitBool(false) | Ty::Boolean))
        {
            return self.clone();
        }
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
        if !self.has_nil() {
            return self.clone();
        }
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
            err_pair: false,
        }))
    }
}

/// Builds a normalised union: nested unions flattened, duplicates and
/// members absorbed by a wider one dropped (`1 | integer` is `integer`,
/// `integer | number` is `number`), `never` dropped, `any` absorbs all.
/// Near-linear: members are deduplicated through a hash, and absorption
/// looks only at which wide members exist. A union that adds nothing (or
/// only nil) to a named one keeps its name (`T`, `T?`).
pub fn union(parts: Vec<Ty>) -> Ty {
    if let Some(first) = parts.first()
        && parts[1..].iter().all(|p| p == first)
    {
        return first.clone();
    }
    let named = match parts.first() {
        Some(Ty::Union(ms)) if ms.name.is_some() => Some(ms.clone()),
        _ => None,
    };
    let mut flat: Vec<Ty> = Vec::with_capacity(parts.len());
    // Small unions are deduplicated by a scan; past `WIDE` members, by
    // a hash of each member.
    let mut seen: HashMap<u64, Vec<usize>> = HashMap::new();
    let mut push = |flat: &mut Vec<Ty>, t: &Ty| {
        if flat.len() < WIDE {
            if !flat.contains(t) {
                flat.push(t.clone());
            }
            return;
        }
        if seen.is_empty() {
            for (i, f) in flat.iter().enumerate() {
                seen.entry(hash_ty(f)).or_default().push(i);
            }
        }
        let bucket = seen.entry(hash_ty(t)).or_default();
        if bucket.iter().any(|&i| flat[i] == *t) {
            return;
        }
        bucket.push(flat.len());
        flat.push(t.clone());
    };
    for p in &parts {
        match p {
            Ty::Union(ms) => {
                for m in ms.iter() {
                    push(&mut flat, m);
                }
            }
            Ty::Never => {}
            Ty::Any => return Ty::Any,
            p => push(&mut flat, p),
        }
    }
    if flat.iter().any(|t| matches!(t, Ty::Unknown)) {
        return Ty::Unknown;
    }
    let has = |w: &Ty| flat.contains(w);
    let (string, number, integer, boolean) = (
        has(&Ty::String),
        has(&Ty::Number),
        has(&Ty::Integer),
        has(&Ty::Boolean),
    );
    // `true | false` is `boolean`, placed where the second one was.
    let both_bools = !boolean && has(&Ty::LitBool(true)) && has(&Ty::LitBool(false));
    let mut first_bool = true;
    let mut out: Vec<Ty> = Vec::with_capacity(flat.len());
    for t in flat {
        let keep = match &t {
            Ty::LitStr(_) => !string,
            Ty::LitInt(_) => !number && !integer,
            Ty::LitFloat(_) => !number,
            Ty::Integer => !number,
            Ty::LitBool(_) if both_bools => {
                if !std::mem::replace(&mut first_bool, false) {
                    out.push(Ty::Boolean);
                }
                false
            }
            Ty::LitBool(_) => !boolean,
            _ => true,
        };
        if keep {
            out.push(t);
        }
    }
    match out.len() {
        0 => Ty::Never,
        1 => out.pop().unwrap_or(Ty::Never),
        _ => {
            // nil last, so `A | B | nil` prints as `(A | B)?`.
            out.sort_by_key(|t| matches!(t, Ty::Nil));
            let name = named.and_then(|u| {
                let n = u.name.clone()?;
                if out.len() >= u.len() && out[..u.len()] == u[..] {
                    match &out[u.len()..] {
                        [] => Some(n),
                        [Ty::Nil] => Some(Rc::from(format!("{n}?"))),
                        _ => None,
                    }
                } else {
                    None
                }
            });
            Ty::Union(Rc::new(Members::new(out, name)))
        }
    }
}

/// How `map_ty` rebuilds records it changes.
#[derive(Clone, Copy)]
pub struct MapOpts {
    /// A changed record loses its alias name (a substituted generic body
    /// is no longer what the name says).
    pub drop_names: bool,
    /// Records lose their metatable link (it names a checker's local).
    pub clear_meta: bool,
}

/// Nesting `map_ty` descends; deeper parts are kept as they are.
const MAP_DEPTH: u32 = 200;

/// `t` with every part for which `leaf` answers replaced by the answer,
/// rebuilt only where something changed (unchanged parts keep their
/// allocation), and each shared part mapped once: linear in the size of
/// the type, however often it reuses a subtree.
pub fn map_ty(t: &Ty, leaf: &mut dyn FnMut(&Ty) -> Option<Ty>, opts: MapOpts) -> Ty {
    let mut memo: HashMap<usize, (Ty, Ty)> = HashMap::new();
    map_in(t, leaf, opts, &mut memo, 0)
}

fn map_in(
    t: &Ty,
    leaf: &mut dyn FnMut(&Ty) -> Option<Ty>,
    opts: MapOpts,
    memo: &mut HashMap<usize, (Ty, Ty)>,
    depth: u32,
) -> Ty {
    if let Some(r) = leaf(t) {
        return r;
    }
    if depth > MAP_DEPTH {
        return t.clone();
    }
    let key = match t {
        Ty::Record(r) => Some(Rc::as_ptr(r) as usize),
        Ty::Union(m) => Some(Rc::as_ptr(m) as usize),
        Ty::Func(f) => Some(Rc::as_ptr(f) as usize),
        Ty::Array(x) => Some(Rc::as_ptr(x) as usize),
        _ => None,
    };
    if let Some(k) = key
        && let Some((_, r)) = memo.get(&k)
    {
        return r.clone();
    }
    let d = depth + 1;
    let mut go = |x: &Ty, memo: &mut HashMap<usize, (Ty, Ty)>| map_in(x, leaf, opts, memo, d);
    let r = match t {
        Ty::Checked(c) => {
            let x = go(&c.ty, memo);
            if x == c.ty {
                t.clone()
            } else {
                Ty::checked(x, c.checks.clone())
            }
        }
        Ty::Union(ms) => {
            let xs: Vec<Ty> = ms.iter().map(|m| go(m, memo)).collect();
            if xs[..] == ms[..] {
                t.clone()
            } else {
                union(xs)
            }
        }
        Ty::Intersection(ms) => {
            let xs: Vec<Ty> = ms.iter().map(|m| go(m, memo)).collect();
            if xs[..] == ms[..] {
                t.clone()
            } else {
                Ty::Intersection(xs.into())
            }
        }
        Ty::Array(x) => {
            let y = go(x, memo);
            if y == **x {
                t.clone()
            } else {
                Ty::Array(Rc::new(y))
            }
        }
        Ty::Map(k, v) => {
            let (k2, v2) = (go(k, memo), go(v, memo));
            if k2 == **k && v2 == **v {
                t.clone()
            } else {
                Ty::Map(Rc::new(k2), Rc::new(v2))
            }
        }
        Ty::Record(r) => {
            let fields: Vec<Field> = r
                .fields
                .iter()
                .map(|f| Field {
                    name: f.name.clone(),
                    ty: go(&f.ty, memo),
                    optional: f.optional,
                })
                .collect();
            let same = fields == r.fields;
            if same && !(opts.clear_meta && r.meta.is_some()) {
                t.clone()
            } else {
                let name = if same || !opts.drop_names {
                    r.name.clone()
                } else {
                    None
                };
                let meta = if opts.clear_meta { None } else { r.meta };
                Ty::Record(Rc::new(Record::new(fields, name, meta)))
            }
        }
        Ty::Func(f) => {
            let params: Vec<Ty> = f.params.iter().map(|p| go(p, memo)).collect();
            let variadic = f.variadic.as_ref().map(|v| go(v, memo));
            let rets: Vec<Ty> = f.rets.iter().map(|r| go(r, memo)).collect();
            let ret_variadic = f.ret_variadic.as_ref().map(|v| go(v, memo));
            if params == f.params
                && variadic == f.variadic
                && rets == f.rets
                && ret_variadic == f.ret_variadic
            {
                t.clone()
            } else {
                Ty::Func(Rc::new(FnTy {
                    generics: f.generics.clone(),
                    params,
                    names: f.names.clone(),
                    variadic,
                    rets,
                    ret_variadic,
                    annotated: f.annotated,
                    check_arity: f.check_arity,
                    builtin: f.builtin,
                    err_pair: f.err_pair,
                }))
            }
        }
        Ty::Alias(a) => {
            let args: Vec<Ty> = a.args.iter().map(|x| go(x, memo)).collect();
            if args == a.args {
                t.clone()
            } else {
                Ty::alias(a.name.clone(), a.id, args)
            }
        }
        t => t.clone(),
    };
    if let Some(k) = key {
        memo.insert(k, (t.clone(), r.clone()));
    }
    r
}

/// A structural hash that agrees with `==` (equal types hash alike); it
/// looks a few levels deep, enough to tell union members apart.
pub fn hash_ty(t: &Ty) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    hash_into(t, &mut h, 3);
    h.finish()
}

fn hash_into(t: &Ty, h: &mut impl Hasher, depth: u32) {
    std::mem::discriminant(t).hash(h);
    if depth == 0 {
        return;
    }
    let d = depth - 1;
    match t {
        Ty::LitStr(s) => s.hash(h),
        Ty::LitInt(i) => i.hash(h),
        Ty::LitFloat(f) => f.to_bits().hash(h),
        Ty::LitBool(b) => b.hash(h),
        Ty::Union(ms) => {
            ms.len().hash(h);
            for m in ms.iter().take(4) {
                hash_into(m, h, d);
            }
        }
        Ty::Intersection(ms) => {
            ms.len().hash(h);
            for m in ms.iter().take(4) {
                hash_into(m, h, d);
            }
        }
        Ty::Array(x) => hash_into(x, h, d),
        Ty::Map(k, v) => {
            hash_into(k, h, d);
            hash_into(v, h, d);
        }
        Ty::Record(r) => {
            r.name.hash(h);
            r.fields.len().hash(h);
            for f in r.fields.iter().take(8) {
                f.name.hash(h);
                f.optional.hash(h);
                hash_into(&f.ty, h, d);
            }
        }
        Ty::Object(o) => o.name.hash(h),
        Ty::Func(f) => {
            f.params.len().hash(h);
            f.rets.len().hash(h);
        }
        Ty::Generic(g) => g.id.hash(h),
        Ty::Alias(a) => {
            a.id.hash(h);
            a.args.len().hash(h);
        }
        Ty::Checked(c) => hash_into(&c.ty, h, d),
        _ => {}
    }
}

/// Writes a byte string as a Lua literal for messages.
fn quote(w: &mut String, s: &[u8]) {
    w.push('"');
    for c in String::from_utf8_lossy(s).chars() {
        match c {
            '"' => w.push_str("\\\""),
            '\\' => w.push_str("\\\\"),
            '\n' => w.push_str("\\n"),
            c => w.push(c),
        }
    }
    w.push('"');
}

/// Deep types print cut short, wide unions by their first members and
/// their size, and no message grows past `PRINT_BUDGET` bytes: messages
/// stay readable, and printing a pathological type is bounded.
const PRINT_DEPTH: u32 = 6;
const PRINT_BUDGET: usize = 300;
/// Unions with more members print the first `UNION_SHOWN` and the count.
const UNION_FULL: usize = 16;
const UNION_SHOWN: usize = 3;

impl fmt::Display for Ty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        show(self, &mut out, 0);
        f.write_str(&out)
    }
}

/// Appends an alias name, cut at the budget (instantiation names nest:
/// `Box<Box<...>>`).
fn push_name(w: &mut String, n: &str) {
    let room = PRINT_BUDGET.saturating_sub(w.len());
    if n.len() <= room {
        w.push_str(n);
        return;
    }
    let mut cut = room;
    while !n.is_char_boundary(cut) {
        cut -= 1;
    }
    w.push_str(&n[..cut]);
    w.push_str("...");
}

/// Appends `t`'s spelling to `out`; past the budget, `...` ends it.
/// `a, b, ...c`: a parameter or result list with its variadic tail.
fn show_list(xs: &[Ty], tail: Option<&Ty>, w: &mut String, depth: u32) {
    for (i, x) in xs.iter().enumerate() {
        if i > 0 {
            w.push_str(", ");
        }
        show(x, w, depth);
    }
    if let Some(v) = tail {
        if !xs.is_empty() {
            w.push_str(", ");
        }
        w.push_str("...");
        show(v, w, depth);
    }
}

fn show(t: &Ty, out: &mut String, depth: u32) {
    use std::fmt::Write;
    if out.len() >= PRINT_BUDGET {
        if !out.ends_with("...") {
            out.push_str("...");
        }
        return;
    }
    let d = depth + 1;
    if d > PRINT_DEPTH {
        out.push_str("...");
        return;
    }
    let w = out;
    match t {
        Ty::Nil => w.push_str("nil"),
        Ty::Boolean => w.push_str("boolean"),
        Ty::Number => w.push_str("number"),
        Ty::Integer => w.push_str("integer"),
        Ty::String => w.push_str("string"),
        Ty::Any => w.push_str("any"),
        Ty::Unknown => w.push_str("unknown"),
        Ty::Never => w.push_str("never"),
        Ty::Table => w.push_str("table"),
        Ty::Function => w.push_str("function"),
        Ty::Thread => w.push_str("thread"),
        Ty::Userdata => w.push_str("userdata"),
        Ty::Error => w.push_str("error"),
        Ty::LitStr(s) => quote(w, s),
        Ty::LitInt(i) => {
            let _ = write!(w, "{i}");
        }
        Ty::LitFloat(x) => {
            let _ = write!(w, "{x:?}");
        }
        Ty::LitBool(b) => {
            let _ = write!(w, "{b}");
        }
        Ty::Union(ms) => {
            if let Some(n) = &ms.name {
                push_name(w, n);
                return;
            }
            let nil = ms.iter().any(|m| matches!(m, Ty::Nil));
            let rest: Vec<&Ty> = ms.iter().filter(|m| !matches!(m, Ty::Nil)).collect();
            if nil && rest.len() == 1 {
                let paren = matches!(rest[0], Ty::Func(_) | Ty::Intersection(_));
                if paren {
                    w.push('(');
                }
                show(rest[0], w, d);
                if paren {
                    w.push(')');
                }
                w.push('?');
                return;
            }
            let shown = if ms.len() > UNION_FULL {
                UNION_SHOWN
            } else {
                ms.len()
            };
            for (i, m) in ms.iter().take(shown).enumerate() {
                if i > 0 {
                    w.push_str(" | ");
                }
                if matches!(m, Ty::Func(_)) {
                    w.push('(');
                    show(m, w, d);
                    w.push(')');
                } else {
                    show(m, w, d);
                }
            }
            if shown < ms.len() {
                let _ = write!(w, " | ... ({} members)", ms.len());
            }
        }
        Ty::Intersection(ms) => {
            let shown = if ms.len() > UNION_FULL {
                UNION_SHOWN
            } else {
                ms.len()
            };
            for (i, m) in ms.iter().take(shown).enumerate() {
                if i > 0 {
                    w.push_str(" & ");
                }
                show(m, w, d);
            }
            if shown < ms.len() {
                let _ = write!(w, " & ... ({} members)", ms.len());
            }
        }
        Ty::Array(t) => {
            w.push('{');
            show(t, w, d);
            w.push('}');
        }
        Ty::Map(k, v) => {
            w.push_str("{[");
            show(k, w, d);
            w.push_str("]: ");
            show(v, w, d);
            w.push('}');
        }
        Ty::Record(r) => {
            if let Some(n) = &r.name {
                push_name(w, n);
                return;
            }
            w.push('{');
            for (i, fl) in r.fields.iter().enumerate() {
                if i > 0 {
                    w.push_str(", ");
                }
                if i >= 8 {
                    w.push_str("...");
                    break;
                }
                w.push_str(&fl.name);
                if fl.optional {
                    w.push('?');
                }
                w.push_str(": ");
                show(&fl.ty, w, d);
            }
            w.push('}');
        }
        Ty::Func(ft) => {
            if !ft.generics.is_empty() {
                w.push('<');
                for (i, g) in ft.generics.iter().enumerate() {
                    if i > 0 {
                        w.push_str(", ");
                    }
                    w.push_str(&g.name);
                }
                w.push('>');
            }
            w.push('(');
            show_list(&ft.params, ft.variadic.as_ref(), w, d);
            w.push_str(") -> ");
            if ft.rets.len() == 1 && ft.ret_variadic.is_none() {
                show(&ft.rets[0], w, d);
                return;
            }
            w.push('(');
            show_list(&ft.rets, ft.ret_variadic.as_ref(), w, d);
            w.push(')');
        }
        Ty::Object(o) => w.push_str(&o.name),
        Ty::Generic(g) => w.push_str(&g.name),
        Ty::Alias(a) => {
            push_name(w, &a.name);
            if !a.args.is_empty() {
                w.push('<');
                for (i, x) in a.args.iter().enumerate() {
                    if i > 0 {
                        w.push_str(", ");
                    }
                    show(x, w, d);
                }
                w.push('>');
            }
        }
        // Messages are about types; validators are named on their own.
        Ty::Checked(c) => show(&c.ty, w, depth),
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

    fn lits(n: usize) -> Vec<Ty> {
        (0..n)
            .map(|i| Ty::LitStr(Rc::from(format!("s{i}").as_bytes())))
            .collect()
    }

    #[test]
    fn wide_unions_deduplicate_and_absorb_as_narrow_ones_do() {
        let mut parts = lits(100);
        parts.extend(lits(100));
        let u = union(parts.clone());
        assert_eq!(u.members().len(), 100);
        parts.push(Ty::Integer);
        parts.push(Ty::LitInt(3));
        parts.push(Ty::String);
        assert_eq!(union(parts), union(vec![Ty::Integer, Ty::String]));
        let bools = union(vec![Ty::LitBool(true), Ty::String, Ty::LitBool(false)]);
        assert_eq!(bools.to_string(), "string | boolean");
    }

    #[test]
    fn a_named_union_prints_its_name_and_keeps_it_with_nil_added() {
        let t = Ty::named(union(lits(3)), "T");
        assert_eq!(t.to_string(), "T");
        assert_eq!(Ty::optional(t.clone()).to_string(), "T?");
        assert_eq!(
            Ty::optional(t.clone()).non_nil().to_string(),
            "\"s0\" | \"s1\" | \"s2\""
        );
        assert_eq!(
            union(vec![t.clone(), Ty::Integer]).to_string(),
            "\"s0\" | \"s1\" | \"s2\" | integer"
        );
        assert_eq!(t.non_nil().to_string(), "T");
    }

    #[test]
    fn wide_unions_print_their_first_members_and_size() {
        let u = union(lits(20_000));
        assert_eq!(
            u.to_string(),
            "\"s0\" | \"s1\" | \"s2\" | ... (20000 members)"
        );
        assert_eq!(union(lits(16)).to_string().matches(" | ").count(), 15);
    }

    #[test]
    fn printing_stops_at_its_budget() {
        let mut t = Ty::Integer;
        for i in 0..2_000 {
            t = Ty::Record(Rc::new(Record::new(
                vec![
                    Field {
                        name: Rc::from(format!("field_{i}")),
                        ty: t.clone(),
                        optional: false,
                    },
                    Field {
                        name: Rc::from("other"),
                        ty: t,
                        optional: true,
                    },
                ],
                None,
                None,
            )));
        }
        let shown = t.to_string();
        assert!(shown.len() < PRINT_BUDGET + 80, "{}", shown.len());
        assert!(shown.ends_with("...}") || shown.ends_with("..."), "{shown}");
        let long: Rc<str> = Rc::from("N".repeat(5_000));
        let named = Ty::named(union(lits(2)), &long);
        assert!(named.to_string().len() <= PRINT_BUDGET + 3);
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
