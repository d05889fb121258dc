//! Subtyping: `is_sub(a, b)` decides whether a value of type `a` may be
//! used where `b` is expected, and on failure says why (the field path and
//! the innermost expected/found pair), so messages can read
//! `field 'age': expected integer, got string`.
//!
//! Rules (spec/types.md 3.3 with its Proposed completions): `never` <: T <:
//! `any`/`unknown`; `any` <: T (gradual); `integer` <: `number`; literals
//! <: their base; unions on the left need every member, on the right one;
//! records by width (missing optional fields allowed), fields covariant
//! (a deliberate simplification of the spec's invariant mutable fields:
//! table literals are checked against their context instead); arrays
//! covariant and usable as `{[integer]: T}`; functions contravariant in
//! parameters, covariant in returns; native objects (interfaces) are
//! nominal, userdata and usable as `error`.
//!
//! Termination and cost: aliases expand on demand, and a pair met again
//! while it is being checked holds (coinduction: recursive aliases end).
//! Pairs of shared subtrees are remembered once a check is past its first
//! steps, so types that reuse a subtree many times cost their size, not
//! their unfolding; a literal meets a wide union through a hash set. What
//! still runs past `MAX_DEPTH` levels or `FUEL` steps is reported as too
//! complex (`WhyKind::TooComplex`), never assumed to hold.

use std::rc::Rc;

use hashbrown::HashMap;

use crate::ty::*;

/// Why a subtyping check failed.
#[derive(Clone, Debug)]
pub struct Why {
    /// Where in the checked value the failure is, outermost first.
    pub path: Vec<Seg>,
    pub kind: WhyKind,
}

#[derive(Clone, Debug)]
pub enum WhyKind {
    Mismatch {
        expected: Ty,
        found: Ty,
    },
    MissingField(String),
    /// The check ran out of its depth or step budget: the answer is not
    /// known (reported as E0011, the value is not checked there).
    TooComplex,
}

/// The message of a check that ran out of budget.
pub const TOO_COMPLEX_TYPE: &str = "type too complex to check: the comparison exceeds the checker's limit; this value is not checked";

/// One step of a path into a value, for messages.
#[derive(Clone, Debug, PartialEq)]
pub enum Seg {
    /// A record field.
    Field(Rc<str>),
    /// An array element whose index is known (a table constructor's).
    Index(usize),
    /// Some element of an array (a type against a type: index unknown).
    Elem,
    /// Some key of a map.
    Key,
    /// Some value of a map.
    Value,
}

/// A path as messages name it: runs of fields and known indices read as
/// the run-time validator writes them (`field 'items[2].quantity'`; a
/// lone leading index as `element #2`), steps into unknown elements as
/// words (`array element`, `map key`, `map value`), joined by commas:
/// `field 'tags', array element`.
pub fn render_path(segs: &[Seg]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut run = String::new();
    let mut lone_index: Option<usize> = None;
    let flush = |run: &mut String, lone: &mut Option<usize>, parts: &mut Vec<String>| {
        if run.is_empty() {
            return;
        }
        match lone.take() {
            Some(i) if parts.is_empty() => parts.push(format!("element #{i}")),
            _ => parts.push(format!("field '{run}'")),
        }
        run.clear();
    };
    for s in segs {
        match s {
            Seg::Field(n) => {
                if !run.is_empty() {
                    run.push('.');
                }
                run.push_str(n);
                lone_index = None;
            }
            Seg::Index(i) => {
                lone_index = if run.is_empty() { Some(*i) } else { None };
                run.push_str(&format!("[{i}]"));
            }
            Seg::Elem | Seg::Key | Seg::Value => {
                flush(&mut run, &mut lone_index, &mut parts);
                parts.push(
                    match s {
                        Seg::Elem => "array element",
                        Seg::Key => "map key",
                        _ => "map value",
                    }
                    .to_string(),
                );
            }
        }
    }
    flush(&mut run, &mut lone_index, &mut parts);
    parts.join(", ")
}

impl Why {
    pub fn too_complex(&self) -> bool {
        matches!(self.kind, WhyKind::TooComplex)
    }

    /// The message, without the context prefix (`argument #1 of 'f': `).
    pub fn message(&self) -> String {
        self.message_at(&[])
    }

    /// The message for a failure found below `outer` (the path of the
    /// table constructor being checked).
    pub fn message_at(&self, outer: &[Seg]) -> String {
        let full: Vec<Seg> = outer.iter().chain(&self.path).cloned().collect();
        match &self.kind {
            WhyKind::Mismatch { expected, found } => {
                // `got integer` reads better than `got 2` unless the
                // expectation itself is about literals.
                let lits = expected.members().iter().any(|m| {
                    matches!(
                        m,
                        Ty::LitStr(_) | Ty::LitInt(_) | Ty::LitFloat(_) | Ty::LitBool(_)
                    )
                });
                let found = if lits { found.clone() } else { found.widen() };
                let found = &found;
                let unk = if matches!(found, Ty::Unknown) {
                    " (narrow unknown values before use)"
                } else {
                    ""
                };
                let what = format!("expected {expected}, got {found}{unk}");
                if full.is_empty() {
                    what
                } else {
                    format!("{}: {what}", render_path(&full))
                }
            }
            WhyKind::TooComplex => TOO_COMPLEX_TYPE.to_string(),
            WhyKind::MissingField(f) => {
                let mut p = full;
                p.push(Seg::Field(Rc::from(f.as_str())));
                // `missing field 'a.b'`; after an unknown element the
                // path has words in it: `array element, missing field 'b'`.
                let shown = render_path(&p);
                match shown.rsplit_once(", field ") {
                    Some((head, last)) => format!("{head}, missing field {last}"),
                    None => format!("missing {shown}"),
                }
            }
        }
    }
}

/// Expands alias references; the checker owns the alias bodies.
pub trait Aliases {
    /// Alias `a.id`'s body with its parameters replaced by `a.args`.
    fn expand(&self, a: &AliasRef) -> Ty;
}

impl Aliases for () {
    fn expand(&self, _: &AliasRef) -> Ty {
        Ty::Any
    }
}

/// Nesting one check may descend: past it the answer is "too complex".
/// Recursive aliases stop earlier, at a pair already being checked.
const MAX_DEPTH: u32 = 200;

/// Steps one check may take.
const FUEL: u32 = 200_000;

/// Steps after which pairs of shared subtrees are remembered.
const MEMO_AFTER: u32 = 256;

/// A remembered pair's types (kept so their addresses stay unique) and result.
type Remembered = (Ty, Ty, Result<(), Why>);

struct Ctx<'a> {
    al: &'a dyn Aliases,
    fuel: u32,
    /// Pairs with an alias being checked (the ancestors of this step).
    assumed: Vec<(Ty, Ty)>,
    /// Results for pairs of shared subtrees (by pointer), computed without
    /// assumptions; the types are kept so the pointers stay unique.
    memo: HashMap<(usize, usize), Remembered>,
    exhausted: bool,
}

pub fn is_sub(a: &Ty, b: &Ty, al: &dyn Aliases) -> Result<(), Why> {
    let mut cx = Ctx {
        al,
        fuel: FUEL,
        assumed: Vec::new(),
        memo: HashMap::new(),
        exhausted: false,
    };
    let r = sub(a, b, &mut cx, 0);
    if cx.exhausted {
        return Err(Why {
            path: Vec::new(),
            kind: WhyKind::TooComplex,
        });
    }
    r
}

fn mismatch(a: &Ty, b: &Ty) -> Why {
    Why {
        path: Vec::new(),
        kind: WhyKind::Mismatch {
            expected: b.clone(),
            found: a.clone(),
        },
    }
}

fn prefix(mut w: Why, seg: Seg) -> Why {
    w.path.insert(0, seg);
    w
}

/// The allocation behind a composite type, for remembering pairs.
fn ident(t: &Ty) -> Option<usize> {
    Some(match t {
        Ty::Record(r) => Rc::as_ptr(r) as usize,
        Ty::Union(m) => Rc::as_ptr(m) as usize,
        Ty::Intersection(m) => Rc::as_ptr(m) as *const Ty as usize,
        Ty::Array(x) => Rc::as_ptr(x) as usize,
        Ty::Func(f) => Rc::as_ptr(f) as usize,
        Ty::Alias(a) => Rc::as_ptr(a) as usize,
        _ => return None,
    })
}

fn sub(a: &Ty, b: &Ty, cx: &mut Ctx, depth: u32) -> Result<(), Why> {
    if cx.exhausted {
        return Ok(());
    }
    if cx.fuel == 0 || depth > MAX_DEPTH {
        cx.exhausted = true;
        return Ok(());
    }
    cx.fuel -= 1;
    if a == b {
        return Ok(());
    }
    let key = if FUEL - cx.fuel > MEMO_AFTER && cx.assumed.is_empty() {
        ident(a).zip(ident(b))
    } else {
        None
    };
    if let Some(k) = key
        && let Some((_, _, r)) = cx.memo.get(&k)
    {
        return r.clone();
    }
    let alias = matches!(a, Ty::Alias(_)) || matches!(b, Ty::Alias(_));
    if alias {
        if cx.assumed.iter().any(|(x, y)| x == a && y == b) {
            return Ok(());
        }
        cx.assumed.push((a.clone(), b.clone()));
    }
    let r = sub_step(a, b, cx, depth + 1);
    if alias {
        cx.assumed.pop();
    }
    if let Some(k) = key
        && !cx.exhausted
    {
        cx.memo.insert(k, (a.clone(), b.clone(), r.clone()));
    }
    r
}

/// An alias expanded until it is no alias (a chain `A = B`, `B = C`
/// unfolds in a loop, one step of fuel each); `any` when the fuel ends.
fn unfold(t: &Ty, cx: &mut Ctx) -> Ty {
    let mut t = t.clone();
    while let Ty::Alias(a) = &t {
        if cx.fuel == 0 {
            cx.exhausted = true;
            return Ty::Any;
        }
        cx.fuel -= 1;
        t = cx.al.expand(a);
    }
    t
}

fn sub_step(a: &Ty, b: &Ty, cx: &mut Ctx, d: u32) -> Result<(), Why> {
    match (a, b) {
        (Ty::Alias(_), _) => {
            let e = unfold(a, cx);
            return sub(&e, b, cx, d);
        }
        (_, Ty::Alias(_)) => {
            let e = unfold(b, cx);
            return sub(a, &e, cx, d);
        }
        // Validators are run-time checks: statically the inner type counts.
        (Ty::Checked(c), _) => return sub(&c.ty, b, cx, d),
        (_, Ty::Checked(c)) => return sub(a, &c.ty, cx, d),
        (Ty::Never, _) | (Ty::Any, _) | (_, Ty::Any) | (_, Ty::Unknown) => return Ok(()),
        (Ty::Union(ms), _) => {
            for m in ms.iter() {
                sub(m, b, cx, d).map_err(|w| {
                    if w.path.is_empty() && matches!(w.kind, WhyKind::Mismatch { .. }) {
                        // Name the whole source type: `string?` rather
                        // than `nil` alone reads as the cause.
                        mismatch(a, b)
                    } else {
                        w
                    }
                })?;
            }
            return Ok(());
        }
        (_, Ty::Intersection(ms)) => {
            for m in ms.iter() {
                sub(a, m, cx, d)?;
            }
            return Ok(());
        }
        (_, Ty::Union(ms)) => {
            // A literal against a wide union: a hash lookup, then only
            // the members that are not literals.
            if let Some((found, others)) = ms.literal_split(a) {
                if found {
                    return Ok(());
                }
                let others: Vec<&Ty> = others.collect();
                for m in others {
                    if sub(a, m, cx, d).is_ok() {
                        return Ok(());
                    }
                }
                return Err(mismatch(a, b));
            }
            for m in ms.iter() {
                if sub(a, m, cx, d).is_ok() {
                    return Ok(());
                }
            }
            // One record member with the same discriminant: its failure is
            // the informative one.
            if let Some(m) = discriminated_member(a, ms) {
                return sub(a, m, cx, d);
            }
            return Err(mismatch(a, b));
        }
        (Ty::Intersection(ms), _) => {
            for m in ms.iter() {
                if sub(m, b, cx, d).is_ok() {
                    return Ok(());
                }
            }
            if let Ty::Record(_) = b
                && let Some(r) = merge_records(ms, cx.al)
            {
                return sub(&r, b, cx, d);
            }
            return Err(mismatch(a, b));
        }
        (Ty::Generic(g), _) => {
            if let Ty::Generic(h) = b
                && g.id == h.id
            {
                return Ok(());
            }
            return match &g.bound {
                Some(bound) => sub(bound, b, cx, d).map_err(|_| mismatch(a, b)),
                None => Err(mismatch(a, b)),
            };
        }
        _ => {}
    }
    let ok = match (a, b) {
        (Ty::Integer | Ty::LitInt(_) | Ty::LitFloat(_), Ty::Number) => true,
        (Ty::LitInt(_), Ty::Integer) => true,
        (Ty::LitFloat(x), Ty::Integer) => x.fract() == 0.0,
        (Ty::LitStr(_), Ty::String) => true,
        (Ty::LitBool(_), Ty::Boolean) => true,
        (Ty::String | Ty::LitStr(_) | Ty::Table | Ty::Record(_) | Ty::Userdata, Ty::Error) => true,
        // Native objects are userdata; error values are among them.
        (Ty::Object(_), Ty::Userdata | Ty::Error) => true,
        (Ty::Array(_) | Ty::Map(..) | Ty::Record(_), Ty::Table) => true,
        (Ty::Func(_), Ty::Function) => true,
        (Ty::Array(x), Ty::Array(y)) => {
            return sub(x, y, cx, d).map_err(|w| prefix(w, Seg::Elem));
        }
        (Ty::Array(x), Ty::Map(k, v)) => {
            sub(&Ty::Integer, k, cx, d).map_err(|w| prefix(w, Seg::Key))?;
            return sub(x, v, cx, d).map_err(|w| prefix(w, Seg::Value));
        }
        (Ty::Map(k1, v1), Ty::Map(k2, v2)) => {
            sub(k1, k2, cx, d).map_err(|w| prefix(w, Seg::Key))?;
            return sub(v1, v2, cx, d).map_err(|w| prefix(w, Seg::Value));
        }
        // An empty table constructor fits any array or map.
        (Ty::Record(r), Ty::Array(_) | Ty::Map(..)) if r.fields.is_empty() => true,
        (Ty::Record(r), Ty::Map(k, v)) => {
            sub(&Ty::String, k, cx, d).map_err(|w| prefix(w, Seg::Key))?;
            for f in &r.fields {
                sub(&f.ty, v, cx, d).map_err(|w| prefix(w, Seg::Field(f.name.clone())))?;
            }
            true
        }
        (Ty::Record(r), Ty::Record(s)) => {
            for f in &s.fields {
                match r.field(&f.name) {
                    Some(g) => {
                        let src = if g.optional {
                            Ty::optional(g.ty.clone())
                        } else {
                            g.ty.clone()
                        };
                        let dst = if f.optional {
                            Ty::optional(f.ty.clone())
                        } else {
                            f.ty.clone()
                        };
                        sub(&src, &dst, cx, d)
                            .map_err(|w| prefix(w, Seg::Field(f.name.clone())))?;
                    }
                    None if f.optional || f.ty.has_nil() || f.ty.is_any() => {}
                    None => {
                        return Err(Why {
                            path: Vec::new(),
                            kind: WhyKind::MissingField(f.name.to_string()),
                        });
                    }
                }
            }
            true
        }
        (Ty::Func(f), Ty::Func(g)) => {
            for (i, p) in g.params.iter().enumerate() {
                if let Some(q) = f.params.get(i)
                    && sub(p, q, cx, d).is_err()
                {
                    return Err(mismatch(a, b));
                }
            }
            for (i, r) in f.rets.iter().enumerate() {
                if let Some(s) = g.rets.get(i)
                    && sub(r, s, cx, d).is_err()
                {
                    return Err(mismatch(a, b));
                }
            }
            true
        }
        _ => false,
    };
    if ok { Ok(()) } else { Err(mismatch(a, b)) }
}

/// For a record value checked against a union of records, the member whose
/// literal-typed fields the value's fields match (the tagged-union case).
fn discriminated_member<'t>(a: &Ty, ms: &'t [Ty]) -> Option<&'t Ty> {
    let Ty::Record(r) = a else { return None };
    ms.iter().find(|m| {
        let Ty::Record(s) = m else { return false };
        s.fields.iter().any(|f| {
            matches!(f.ty, Ty::LitStr(_) | Ty::LitBool(_) | Ty::LitInt(_))
                && r.field(&f.name).is_some_and(|g| g.ty == f.ty)
        })
    })
}

/// `{a: A} & {b: B}` as one record, when every member is a record.
pub fn merge_records(ms: &[Ty], al: &dyn Aliases) -> Option<Ty> {
    let mut fields: Vec<Field> = Vec::new();
    let mut names: hashbrown::HashSet<Rc<str>> = hashbrown::HashSet::new();
    for m in ms {
        let m = match m {
            Ty::Alias(a) => al.expand(a).bare(),
            m => m.bare(),
        };
        let Ty::Record(r) = m else { return None };
        for f in &r.fields {
            if names.insert(f.name.clone()) {
                fields.push(f.clone());
            }
        }
    }
    Some(Ty::record(fields))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(fs: &[(&str, Ty, bool)]) -> Ty {
        Ty::record(
            fs.iter()
                .map(|(n, t, o)| Field {
                    name: Rc::from(*n),
                    ty: t.clone(),
                    optional: *o,
                })
                .collect(),
        )
    }

    /// Alias bodies by id, without parameters.
    struct Bodies(Vec<Ty>);
    impl Aliases for Bodies {
        fn expand(&self, a: &AliasRef) -> Ty {
            self.0[a.id as usize].clone()
        }
    }

    fn alias(id: u32) -> Ty {
        Ty::alias(Rc::from(format!("A{id}")), id, vec![])
    }

    #[test]
    fn recursive_aliases_compare_coinductively() {
        // A0 = {next: A0?, v: integer}; A1 the same shape; A2 with string.
        let body =
            |me: u32, v: Ty| rec(&[("next", Ty::optional(alias(me)), false), ("v", v, false)]);
        let al = Bodies(vec![
            body(0, Ty::Integer),
            body(1, Ty::Integer),
            body(2, Ty::String),
        ]);
        assert!(is_sub(&alias(0), &alias(1), &al).is_ok());
        let w = is_sub(&alias(0), &alias(2), &al).unwrap_err();
        assert_eq!(w.message(), "field 'v': expected string, got integer");
    }

    #[test]
    fn a_check_past_its_budget_is_too_complex_not_a_success() {
        // Nesting deeper than the depth budget, mismatched at the bottom.
        let mut a = Ty::Integer;
        let mut b = Ty::String;
        for _ in 0..(MAX_DEPTH + 10) {
            a = Ty::Array(Rc::new(a));
            b = Ty::Array(Rc::new(b));
        }
        let w = is_sub(&a, &b, &()).unwrap_err();
        assert!(w.too_complex(), "{w:?}");
        assert_eq!(w.message(), TOO_COMPLEX_TYPE);
    }

    #[test]
    fn shared_subtrees_are_compared_once() {
        // 2^60 paths through 60 levels of records that reuse their level.
        let (mut a, mut b) = (Ty::Integer, Ty::Integer);
        for _ in 0..60 {
            a = rec(&[("l", a.clone(), false), ("r", a, false)]);
            b = rec(&[("l", b.clone(), false), ("r", b, false)]);
        }
        assert!(is_sub(&a, &b, &()).is_ok());
        let c = rec(&[("l", a.clone(), false), ("r", Ty::String, false)]);
        let d = rec(&[("l", b.clone(), false), ("r", Ty::Integer, false)]);
        assert!(!is_sub(&c, &d, &()).unwrap_err().too_complex());
    }

    #[test]
    fn a_literal_meets_a_wide_union_through_its_set() {
        let mut ms: Vec<Ty> = (0..50_000)
            .map(|i| Ty::LitStr(Rc::from(format!("s{i}").as_bytes())))
            .collect();
        ms.push(Ty::Integer);
        let u = union(ms);
        let lit = |s: &str| Ty::LitStr(Rc::from(s.as_bytes()));
        assert!(is_sub(&lit("s49999"), &u, &()).is_ok());
        assert!(is_sub(&Ty::LitInt(7), &u, &()).is_ok());
        let w = is_sub(&lit("zz"), &u, &()).unwrap_err();
        assert!(!w.too_complex());
        // Every member of a wide union against another: linear.
        assert!(is_sub(&u, &u.clone(), &()).is_ok());
    }

    #[test]
    fn integer_is_a_number_but_not_the_reverse() {
        assert!(is_sub(&Ty::Integer, &Ty::Number, &()).is_ok());
        assert!(is_sub(&Ty::Number, &Ty::Integer, &()).is_err());
        assert!(is_sub(&Ty::LitInt(3), &Ty::Integer, &()).is_ok());
    }

    #[test]
    fn optional_is_not_assignable_to_its_base() {
        let o = Ty::optional(Ty::Integer);
        let w = is_sub(&o, &Ty::Integer, &()).unwrap_err();
        assert_eq!(w.message(), "expected integer, got integer?");
        assert!(is_sub(&Ty::Integer, &o, &()).is_ok());
    }

    #[test]
    fn records_allow_extra_fields_and_name_the_failing_one() {
        let want = rec(&[("name", Ty::String, false), ("age", Ty::Integer, true)]);
        let extra = rec(&[("name", Ty::String, false), ("x", Ty::Boolean, false)]);
        assert!(is_sub(&extra, &want, &()).is_ok());
        let bad = rec(&[("name", Ty::String, false), ("age", Ty::String, false)]);
        let w = is_sub(&bad, &want, &()).unwrap_err();
        assert_eq!(w.message(), "field 'age': expected integer?, got string");
        let missing = rec(&[("age", Ty::Integer, false)]);
        let w = is_sub(&missing, &want, &()).unwrap_err();
        assert_eq!(w.message(), "missing field 'name'");
    }

    #[test]
    fn unknown_needs_narrowing_and_any_does_not() {
        assert!(is_sub(&Ty::Unknown, &Ty::Table, &()).is_err());
        assert!(is_sub(&Ty::Any, &Ty::Table, &()).is_ok());
        assert!(is_sub(&Ty::String, &Ty::Unknown, &()).is_ok());
    }

    #[test]
    fn arrays_are_covariant_and_fit_integer_maps() {
        let a = Ty::Array(Rc::new(Ty::Integer));
        assert!(is_sub(&a, &Ty::Array(Rc::new(Ty::Number)), &()).is_ok());
        let m = Ty::Map(Rc::new(Ty::Integer), Rc::new(Ty::Number));
        assert!(is_sub(&a, &m, &()).is_ok());
        let w = is_sub(&Ty::Array(Rc::new(Ty::String)), &a, &()).unwrap_err();
        assert_eq!(w.message(), "array element: expected integer, got string");
    }

    #[test]
    fn paths_read_as_the_runtime_writes_them_and_name_unknown_elements() {
        let f = |n: &str| Seg::Field(Rc::from(n));
        assert_eq!(render_path(&[]), "");
        assert_eq!(render_path(&[Seg::Index(2)]), "element #2");
        assert_eq!(
            render_path(&[f("items"), Seg::Index(2), f("quantity")]),
            "field 'items[2].quantity'"
        );
        assert_eq!(render_path(&[Seg::Elem]), "array element");
        assert_eq!(
            render_path(&[f("tags"), Seg::Elem, f("name")]),
            "field 'tags', array element, field 'name'"
        );
        assert_eq!(render_path(&[Seg::Value, Seg::Key]), "map value, map key");
        let w = Why {
            path: vec![Seg::Elem],
            kind: WhyKind::MissingField("id".into()),
        };
        assert_eq!(w.message(), "array element, missing field 'id'");
        assert_eq!(
            w.message_at(&[f("rows")]),
            "field 'rows', array element, missing field 'id'"
        );
    }
}
