//! Conditions: the narrowings that hold when a condition is true or
//! false (truthiness, `== nil`, `type(x) ==`, literals, discriminant
//! fields of tagged unions, `T:is(v)`, `and` / `or` / `not`), and the
//! facts `local ok, err = T:is(v)` leaves for later tests of `ok`/`err`.
//!
//! `T:is(v)` returns `v, nil` when `v` conforms to `T`, else `nil, err`
//! (docs/types-runtime.md). So `err == nil` holds exactly when `v` is a
//! `T`, and a truthy first result when `v` is a `T` and truthy. The other
//! way, `v` is known *not* to be a member of its union only where the run
//! time's check cannot reject a value the checker types as that member:
//! `T` carries no validators and mentions no `integer` (a float with an
//! integral value is `integer` statically, not at run time), no `error`
//! (statically any string or table), no native object and no array (the run time rejects
//! holes and extra keys); a recursive or generic `T` is not judged either.
//! A falsy value that conforms still makes the first result falsy, so
//! `if not T:is(v)` keeps the falsy part of the members it drops.

use super::*;

impl Checker {
    // ------------------------------------------------------------------
    // Conditions and narrowing

    /// Checks a condition and returns the narrowings that hold when it is
    /// true and when it is false.
    pub(super) fn cond(&mut self, e: &Expr) -> (Refs, Refs) {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.depth -= 1;
            self.complex(e.span);
            return (vec![], vec![]);
        }
        let r = self.cond_inner(e);
        self.depth -= 1;
        r
    }

    pub(super) fn cond_inner(&mut self, e: &Expr) -> (Refs, Refs) {
        match &e.kind {
            ExprKind::Paren(x) => return self.cond(x),
            ExprKind::Unary(UnOp::Not, x) => {
                let (t, f) = self.cond(x);
                return (f, t);
            }
            ExprKind::Binary(BinOp::And, a, b) => {
                let (ta, fa) = self.cond(a);
                let saved = self.flow.clone();
                self.apply(&ta);
                let (tb, fb) = self.cond(b);
                self.flow = saved;
                let mut t = ta;
                t.extend(tb);
                return (t, join_refs(&fa, &fb));
            }
            ExprKind::Binary(BinOp::Or, a, b) => {
                let (ta, fa) = self.cond(a);
                let saved = self.flow.clone();
                self.apply(&fa);
                let (tb, fb) = self.cond(b);
                self.flow = saved;
                let mut f = fa;
                f.extend(fb);
                return (join_refs(&ta, &tb), f);
            }
            ExprKind::Binary(op @ (BinOp::Eq | BinOp::Ne), a, b) => {
                self.expr(e, None);
                let (t, f) = self
                    .eq_refs(a, b)
                    .or_else(|| self.eq_refs(b, a))
                    .unwrap_or_default();
                return if *op == BinOp::Eq { (t, f) } else { (f, t) };
            }
            _ => {}
        }
        if let Some(test) = self.is_test(e) {
            self.expr(e, None);
            let Some(k) = test.key else {
                return (vec![], vec![]);
            };
            let yes = self.intersect(&test.cur, &test.t).truthy();
            let no = self.without(&test.cur, &test.t, Ty::falsy);
            return (vec![(k.clone(), yes)], vec![(k, no)]);
        }
        let v = self.expr(e, None);
        match self.key_of(e) {
            Some(k) => {
                let mut t = vec![(k.clone(), v.ty.truthy())];
                let mut f = vec![(k.clone(), v.ty.falsy())];
                if k.1.is_empty()
                    && let Some(fact) = self.fact(k.0)
                {
                    t.extend(fact.truthy.iter().cloned());
                    f.extend(fact.falsy.iter().cloned());
                }
                // A field test also narrows the object: members without
                // the field (or with it nil) drop out.
                if let Some((parent, field)) = split_key(&k) {
                    let pt = self.lookup_key(&parent);
                    if let Some(pt) = pt {
                        let keep = self.filter_members(&pt, |m| field_may_be_truthy(m, &field));
                        t.push((parent.clone(), keep));
                        let _ = &mut f;
                    }
                }
                (t, f)
            }
            None => (vec![], vec![]),
        }
    }

    pub(super) fn lookup_key(&mut self, k: &Key) -> Option<Ty> {
        if let Some(t) = self.flow.narrow.get(k) {
            return Some(t.clone());
        }
        if k.1.is_empty() {
            return Some(self.var_type(k.0).ty);
        }
        None
    }

    pub(super) fn filter_members(&self, t: &Ty, keep: impl Fn(&Ty) -> bool) -> Ty {
        let t = self.expand(t);
        if t.is_any() || matches!(t, Ty::Unknown) {
            return t;
        }
        union(
            t.members()
                .iter()
                .filter(|m| keep(&self.expand(m)))
                .cloned()
                .collect(),
        )
    }

    /// Narrowings for `a == b` (true, false) where `a` has a flow key.
    pub(super) fn eq_refs(&mut self, a: &Expr, b: &Expr) -> Option<(Refs, Refs)> {
        // type(x) == "tag"
        if let (ExprKind::Call(f, args), ExprKind::Str(s)) = (&a.kind, &b.kind)
            && let (ExprKind::Name("type"), [x]) = (&f.kind, &args[..])
            && self.resolve("type").is_none()
        {
            let k = self.key_of(x)?;
            let tag = std::str::from_utf8(s).ok()?;
            let target = tag_ty(tag)?;
            let cur = self.lookup_key(&k).unwrap_or(Ty::Any);
            let cur = self.expand(&cur);
            let (t, f) = if cur.is_any() || matches!(cur, Ty::Unknown) {
                (target, cur.clone())
            } else {
                let yes = self.filter_members(&cur, |m| m.tag().is_none_or(|g| g == tag));
                let no = self.filter_members(&cur, |m| m.tag() != Some(tag));
                let yes = if matches!(yes, Ty::Never) {
                    Ty::Never
                } else {
                    yes
                };
                (yes, no)
            };
            return Some((vec![(k.clone(), t)], vec![(k, f)]));
        }
        let k = self.key_of(a)?;
        let lit = match b.kind {
            ExprKind::Nil => Ty::Nil,
            ExprKind::Str(s) => Ty::LitStr(Rc::from(s)),
            ExprKind::True => Ty::LitBool(true),
            ExprKind::False => Ty::LitBool(false),
            ExprKind::Int(i) => Ty::LitInt(i),
            _ => return None,
        };
        let cur = self.lookup_key(&k).unwrap_or(Ty::Any);
        let cur = self.expand(&cur);
        let al = self.al();
        let (yes, no) = if cur.is_any() || matches!(cur, Ty::Unknown) {
            (lit.clone(), cur.clone())
        } else {
            let yes = if cur.members().iter().any(|m| is_sub(&lit, m, &al).is_ok()) {
                lit.clone()
            } else {
                Ty::Never
            };
            let no = union(
                cur.members()
                    .iter()
                    .filter(|m| **m != lit)
                    .cloned()
                    .collect(),
            );
            (yes, no)
        };
        let mut t = vec![(k.clone(), yes)];
        let mut f = vec![(k.clone(), no)];
        if lit == Ty::Nil
            && k.1.is_empty()
            && let Some(fact) = self.fact(k.0)
        {
            t.extend(fact.isnil.iter().cloned());
            f.extend(fact.nonnil.iter().cloned());
        }
        // Discriminant: `obj.tag == "lit"` narrows obj.
        if let Some((parent, field)) = split_key(&k)
            && let Some(pt) = self.lookup_key(&parent)
        {
            let yes_p = self.filter_members(&pt, |m| field_may_equal(m, &field, &lit));
            let no_p = self.filter_members(&pt, |m| !field_is_exactly(m, &field, &lit));
            t.push((parent.clone(), yes_p));
            f.push((parent, no_p));
        }
        Some((t, f))
    }
}

/// A `T:is(v)` call.
pub(super) struct IsTest {
    /// The type tested against (validators kept, for `exact`).
    pub t: Ty,
    /// `v`'s flow key, when it is a local or a field path on one.
    pub key: Option<Key>,
    /// The tested value's type before the test (`any` without a key).
    pub cur: Ty,
}

impl Checker {
    /// The type of the error values `T:is` returns (`errors.Error`).
    pub(super) fn error_object(&self) -> Ty {
        self.lib_types
            .get("errors")
            .and_then(|ts| ts.iter().find(|(n, _)| &**n == "Error"))
            .map_or(Ty::Error, |(_, t)| t.clone())
    }

    /// `e` as `T:is(v)` (or `types.is(T, v)`) with `v` a local or a
    /// field path on one.
    pub(super) fn is_test(&mut self, e: &Expr) -> Option<IsTest> {
        let (t, v) = self.is_call(e)?;
        let key = self.key_of(v);
        let cur = match &key {
            Some(k) => self.lookup_key(k).unwrap_or(Ty::Any),
            None => Ty::Any,
        };
        Some(IsTest { t, key, cur })
    }

    /// The facts of `local ok, err = T:is(v)` (either name may be absent).
    /// Besides `v`, each result tells about the other: `err` set means
    /// `ok` is nil; a truthy `ok` means `err` is nil; a nil (or falsy)
    /// `ok` means `err` is set when nil (and false) cannot be a `T`.
    pub(super) fn is_facts(&mut self, test: &IsTest, ok: Option<VarId>, err: Option<VarId>) {
        let yes = self.intersect(&test.cur, &test.t);
        let local = |id: VarId| -> Key { (id, Rc::from([])) };
        let on_v = |t: Ty| -> Refs { test.key.iter().map(|k| (k.clone(), t.clone())).collect() };
        let mut deps: Vec<VarId> = test.key.iter().map(|k| k.0).collect();
        deps.extend(ok);
        deps.extend(err);
        let bare = self.expand(&test.t);
        let admits = |v: Ty| is_sub(&v, &bare, &self.al()).is_ok();
        let nil_fails = !admits(Ty::Nil);
        let falsy_fails = nil_fails && !admits(Ty::LitBool(false));
        if let Some(ok) = ok {
            let mut truthy = on_v(yes.truthy());
            let mut falsy = on_v(self.without(&test.cur, &test.t, Ty::falsy));
            let mut nonnil = on_v(yes.non_nil());
            let mut isnil = on_v(self.without(&test.cur, &test.t, |m| {
                if m.has_nil() { Ty::Nil } else { Ty::Never }
            }));
            if let Some(e) = err {
                truthy.push((local(e), Ty::Nil));
                nonnil.push((local(e), Ty::Nil));
                if falsy_fails {
                    falsy.push((local(e), self.error_object()));
                }
                if nil_fails {
                    isnil.push((local(e), self.error_object()));
                }
            }
            let fact = Fact {
                truthy,
                falsy,
                nonnil,
                isnil,
                deps: deps.clone(),
            };
            self.flow.facts.insert(ok, Rc::new(fact));
        }
        if let Some(e) = err {
            // `err` is an error value (truthy) or nil, so a nil test and a
            // truthiness test say the same.
            let mut set = on_v(self.without(&test.cur, &test.t, |_| Ty::Never));
            let mut unset = on_v(yes.clone());
            if let Some(ok) = ok {
                set.push((local(ok), Ty::Nil));
                unset.push((local(ok), yes.clone()));
            }
            let fact = Fact {
                truthy: set.clone(),
                falsy: unset.clone(),
                nonnil: set,
                isnil: unset,
                deps,
            };
            self.flow.facts.insert(e, Rc::new(fact));
        }
    }

    /// The values of `cur` that are also `t`'s: the members of `cur` inside
    /// `t`, and the members of `t` that may overlap the rest of `cur`.
    pub(super) fn intersect(&self, cur: &Ty, t: &Ty) -> Ty {
        let t = self.expand(t);
        let cur = self.expand(cur);
        if cur.is_any() || matches!(cur, Ty::Unknown) {
            return t;
        }
        let al = self.al();
        let mut kept = Vec::new();
        let mut rest = Vec::new();
        for m in cur.members() {
            let me = self.expand(m);
            if is_sub(&me, &t, &al).is_ok() {
                kept.push(m.clone());
            } else {
                rest.push(me);
            }
        }
        let mut out = kept.clone();
        for tm in t.members() {
            let tme = self.expand(tm);
            if kept.iter().any(|k| is_sub(&tme, k, &al).is_ok()) {
                continue;
            }
            if rest.iter().any(|m| may_overlap(m, &tme)) {
                out.push(tm.clone());
            }
        }
        union(out)
    }

    /// `cur` where the test against `t` failed: each member the run time
    /// certainly accepts is replaced by `keep(member)` (the part that can
    /// still fail the test: nothing, its falsy part, its nil).
    pub(super) fn without(&self, cur: &Ty, t: &Ty, keep: impl Fn(&Ty) -> Ty) -> Ty {
        let c = self.expand(cur);
        if c.is_any() || matches!(c, Ty::Unknown) || !self.exact(t, 0) {
            return c;
        }
        let tt = self.expand(t);
        let al = self.al();
        union(
            c.members()
                .iter()
                .map(|m| {
                    if is_sub(&self.expand(m), &tt, &al).is_ok() {
                        keep(m)
                    } else {
                        m.clone()
                    }
                })
                .collect(),
        )
    }

    /// Does the run time's check of `t` accept every value the checker
    /// types as a subtype of `t`? (See the module comment.)
    pub(super) fn exact(&self, t: &Ty, depth: u32) -> bool {
        let mut steps = 10_000u32;
        self.exact_in(t, depth, &mut steps)
    }

    /// `exact` within a step budget (a type may reuse a subtree many
    /// times); past it the answer is the cautious one, no.
    fn exact_in(&self, t: &Ty, depth: u32, steps: &mut u32) -> bool {
        if depth > 16 || *steps == 0 {
            return false;
        }
        *steps -= 1;
        let d = depth + 1;
        match self.unalias(t) {
            Ty::Nil
            | Ty::Boolean
            | Ty::Number
            | Ty::String
            | Ty::Any
            | Ty::Unknown
            | Ty::Never
            | Ty::Table
            | Ty::Function
            | Ty::Thread
            | Ty::Userdata
            | Ty::LitStr(_)
            | Ty::LitInt(_)
            | Ty::LitFloat(_)
            | Ty::LitBool(_)
            | Ty::Func(_) => true,
            Ty::Integer
            | Ty::Error
            | Ty::Object(_)
            | Ty::Array(_)
            | Ty::Checked(_)
            | Ty::Generic(_)
            | Ty::Alias(..) => false,
            Ty::Union(ms) => ms.iter().all(|m| self.exact_in(m, d, steps)),
            Ty::Intersection(ms) => ms.iter().all(|m| self.exact_in(m, d, steps)),
            Ty::Record(r) => {
                r.meta.is_none() && r.fields.iter().all(|f| self.exact_in(&f.ty, d, steps))
            }
            Ty::Map(k, v) => self.exact_in(&k, d, steps) && self.exact_in(&v, d, steps),
        }
    }
}

/// Could a value be of both types? Only different `type()` names and
/// different literals of one are known apart.
fn may_overlap(a: &Ty, b: &Ty) -> bool {
    if let (Some(x), Some(y)) = (a.tag(), b.tag())
        && x != y
    {
        return false;
    }
    match (a, b) {
        (Ty::LitStr(x), Ty::LitStr(y)) => x == y,
        (Ty::LitBool(x), Ty::LitBool(y)) => x == y,
        (Ty::LitInt(x), Ty::LitInt(y)) => x == y,
        _ => true,
    }
}

pub(crate) fn split_key(k: &Key) -> Option<(Key, Rc<str>)> {
    let (last, rest) = k.1.split_last()?;
    Some(((k.0, rest.into()), last.clone()))
}

pub(crate) fn record_field<'t>(m: &'t Ty, field: &str) -> Option<&'t Field> {
    match m {
        Ty::Record(r) => r.field(field),
        _ => None,
    }
}

pub(crate) fn field_may_be_truthy(m: &Ty, field: &str) -> bool {
    match m {
        Ty::Record(_) => match record_field(m, field) {
            Some(f) => !f.ty.truthy().is_never() || f.ty.is_any(),
            None => false,
        },
        _ => true,
    }
}

pub(crate) fn field_may_equal(m: &Ty, field: &str, lit: &Ty) -> bool {
    match m {
        Ty::Record(_) => match record_field(m, field) {
            Some(f) => {
                f.ty.members()
                    .iter()
                    .any(|x| x == lit || is_sub(lit, x, &()).is_ok())
                    || (f.optional && *lit == Ty::Nil)
            }
            None => *lit == Ty::Nil,
        },
        _ => true,
    }
}

pub(crate) fn field_is_exactly(m: &Ty, field: &str, lit: &Ty) -> bool {
    match record_field(m, field) {
        Some(f) => !f.optional && f.ty == *lit,
        None => false,
    }
}

/// Narrowings that hold on either of two paths: keys in both, joined.
pub(crate) fn join_refs(a: &Refs, b: &Refs) -> Refs {
    a.iter()
        .filter_map(|(k, t)| {
            b.iter()
                .find(|(k2, _)| k2 == k)
                .map(|(_, t2)| (k.clone(), union(vec![t.clone(), t2.clone()])))
        })
        .collect()
}
