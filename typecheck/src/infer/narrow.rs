//! Conditions: the narrowings that hold when a condition is true or
//! false (truthiness, `== nil`, `type(x) ==`, literals, discriminant
//! fields of tagged unions, `and` / `or` / `not`).

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
        let v = self.expr(e, None);
        match self.key_of(e) {
            Some(k) => {
                let mut t = vec![(k.clone(), v.ty.truthy())];
                let mut f = vec![(k.clone(), v.ty.falsy())];
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

pub(crate) fn split_key(k: &Key) -> Option<(Key, Rc<str>)> {
    let (last, rest) = k.1.split_last()?;
    Some(((k.0, rest.into()), last.clone()))
}

pub(crate) fn record_field<'t>(m: &'t Ty, field: &str) -> Option<&'t Field> {
    match m {
        Ty::Record(r) => r.fields.iter().find(|f| &*f.name == field),
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
