//! Expressions: literals, operators with Lua 5.3's result types, indexing
//! (records, arrays, maps, strings, metatable classes) and table
//! constructors checked against their context.

use super::*;

impl Checker {
    // ------------------------------------------------------------------
    // Expressions

    /// Evaluates an expression list to `n` values (the last expression
    /// expands), each checked against its expected type when given.
    pub(super) fn exprs_against(
        &mut self,
        exprs: &[Expr],
        expect: &[Option<Ty>],
        n: usize,
    ) -> Vec<(V, Span)> {
        self.exprs_pack(exprs, expect, n).0
    }

    /// As `exprs_against`, plus the unbounded tail of a final vararg call.
    pub(super) fn exprs_pack(
        &mut self,
        exprs: &[Expr],
        expect: &[Option<Ty>],
        n: usize,
    ) -> (Vec<(V, Span)>, Option<Ty>) {
        self.exprs_pack_in(exprs, expect, n, &|_| None)
    }

    /// As `exprs_pack`; `ctx(i)` names the i-th value for failures inside
    /// its table constructor (`return value #2`) and gives their code.
    pub(super) fn exprs_pack_in(
        &mut self,
        exprs: &[Expr],
        expect: &[Option<Ty>],
        n: usize,
        ctx: &dyn Fn(usize) -> Option<(String, &'static str)>,
    ) -> (Vec<(V, Span)>, Option<Ty>) {
        let mut out = Vec::new();
        let mut tail = None;
        for (i, e) in exprs.iter().enumerate() {
            let exp = expect.get(i).and_then(|x| x.as_ref());
            if i + 1 == exprs.len()
                && matches!(
                    e.kind,
                    ExprKind::Call(..) | ExprKind::MethodCall(..) | ExprKind::Vararg
                )
            {
                let (vs, t) = self.expr_multi(e);
                let strict = vs.first().is_none_or(|v| v.strict);
                for v in vs {
                    out.push((v, e.span));
                }
                if let Some(t) = t {
                    while out.len() < n {
                        out.push((V::with(t.clone(), strict), e.span));
                    }
                    tail = Some(t);
                }
            } else {
                let v = self.expr_in(e, exp, ctx(i));
                out.push((v, e.span));
            }
        }
        (out, tail)
    }

    /// `expr` with a fresh constructor context: `ctx` names the value in
    /// failures found inside its table constructor.
    pub(super) fn expr_in(
        &mut self,
        e: &Expr,
        expected: Option<&Ty>,
        ctx: Option<(String, &'static str)>,
    ) -> V {
        let path = std::mem::take(&mut self.tpath);
        let saved = std::mem::replace(&mut self.tctx, ctx);
        let v = self.expr(e, expected);
        self.tpath = path;
        self.tctx = saved;
        v
    }

    /// A value inside a table constructor: a nested constructor continues
    /// the path; anything else is a new context (a call's own arguments,
    /// a function's body).
    fn table_value(&mut self, e: &Expr, expected: Option<&Ty>) -> V {
        if is_constructor(e) {
            self.expr(e, expected)
        } else {
            self.expr_in(e, expected, None)
        }
    }

    /// Reports a failure inside a table constructor, prefixed with what
    /// the constructor is and under its code.
    fn table_err(&mut self, span: Span, msg: String) {
        match &self.tctx {
            Some((what, c)) => {
                let m = format!("{what}: {msg}");
                let c = *c;
                self.err(c, span, m);
            }
            None => self.err(code::MISMATCH, span, msg),
        }
    }

    /// Checks a field, element or map value of a constructor (expression
    /// `e`, typed `val`) against the type it must fit, at `self.tpath`.
    fn table_part(&mut self, e: &Expr, val: &V, want: &Ty) {
        match self.fits(val, want) {
            Err(why) => {
                let m = why.message_at(&self.tpath);
                self.table_err(e.span, m);
            }
            Ok(()) => self.table_validators(e, want),
        }
    }

    /// A literal field, element or map value of a constructor that breaks
    /// a validator of the type it meets (E0012, prefixed as `table_err`).
    fn table_validators(&mut self, e: &Expr, want: &Ty) {
        if let Some(v) = self.violation(e, want) {
            let at = crate::subtype::render_path(&self.tpath);
            let m = match &self.tctx {
                Some((what, _)) => format!("{what}: {at}: {v}"),
                None => format!("{at}: {v}"),
            };
            self.err(code::VALIDATOR, e.span, m);
        }
    }

    pub(super) fn exprs_multi(&mut self, exprs: &[Expr], n: usize) -> Vec<V> {
        self.exprs_against(exprs, &[], n)
            .into_iter()
            .map(|(v, _)| v)
            .collect()
    }

    /// All values of a call or `...`: fixed types and the variadic tail.
    pub(super) fn expr_multi(&mut self, e: &Expr) -> (Vec<V>, Option<Ty>) {
        match &e.kind {
            ExprKind::Call(f, args) => self.call(e, f, None, args),
            ExprKind::MethodCall(o, m, args) => self.call(e, o, Some(m), args),
            ExprKind::Vararg => (vec![], Some(Ty::Any)),
            _ => (vec![self.expr(e, None)], None),
        }
    }

    pub fn expr(&mut self, e: &Expr, expected: Option<&Ty>) -> V {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.depth -= 1;
            self.complex(e.span);
            return V::any();
        }
        let v = self.expr_inner(e, expected);
        self.depth -= 1;
        v
    }

    pub(super) fn expr_inner(&mut self, e: &Expr, expected: Option<&Ty>) -> V {
        match &e.kind {
            ExprKind::Nil => V::lax(Ty::Nil),
            ExprKind::True => V::lax(Ty::LitBool(true)),
            ExprKind::False => V::lax(Ty::LitBool(false)),
            ExprKind::Int(i) => V::lax(Ty::LitInt(*i)),
            ExprKind::Float(f) => V::lax(Ty::LitFloat(*f)),
            ExprKind::Str(s) => V::lax(Ty::LitStr(Rc::from(*s))),
            ExprKind::Vararg => V::any(),
            ExprKind::Function(f) => {
                let exp = expected.map(|t| self.expand(t)).and_then(|t| match t {
                    Ty::Func(ft) => Some(ft),
                    _ => None,
                });
                self.function(f, exp.as_deref(), false, None)
            }
            ExprKind::Table(fields) => self.table(fields, expected, e.span),
            ExprKind::Binary(op, a, b) => self.binary(*op, a, b, e.span),
            ExprKind::Unary(op, a) => {
                let v = self.expr(a, None);
                match op {
                    UnOp::Not => V::strict(Ty::Boolean),
                    UnOp::Neg => {
                        let fails = self.check_arith_operand(&v, a.span, "arithmetic");
                        let t = if numeric(&v.ty) {
                            Ty::Integer
                        } else if fails || v.ty.is_any() || self.has_object(&v.ty) {
                            Ty::Any
                        } else {
                            Ty::Number
                        };
                        V::with(t, v.strict)
                    }
                    UnOp::BNot => {
                        if self.check_arith_operand(&v, a.span, "bitwise operation") {
                            V::any()
                        } else {
                            V::strict(Ty::Integer)
                        }
                    }
                    UnOp::Len => {
                        self.check_len_operand(&v, a.span);
                        V::strict(Ty::Integer)
                    }
                }
            }
            ExprKind::Name(n) => match self.resolve(n) {
                Some(id) => {
                    self.vars[id].used = true;
                    self.var_type(id)
                }
                None => self.globals.get(*n).cloned().unwrap_or_else(V::any),
            },
            ExprKind::Index(o, k) => {
                if let Some(key) = self.key_of(e)
                    && let Some(t) = self.flow.narrow.get(&key).cloned()
                {
                    let ov = self.expr(o, None);
                    return V::with(t, ov.strict);
                }
                let ov = self.expr(o, None);
                let kv = self.expr(k, None);
                self.index(&ov, k, &kv, o.span, e.span)
            }
            ExprKind::Call(..) | ExprKind::MethodCall(..) => {
                let (vs, tail) = self.expr_multi(e);
                match vs.into_iter().next() {
                    Some(v) => v,
                    None => match tail {
                        Some(t) => V::lax(Ty::optional(t)),
                        None => V::strict(Ty::Nil),
                    },
                }
            }
            ExprKind::Paren(x) => self.expr(x, expected),
            ExprKind::Cast(x, t) => {
                let _ = self.expr(x, None);
                V::strict(self.resolve_type(t).bare())
            }
            ExprKind::NonNil(x) => {
                let v = self.expr(x, expected);
                V::with(v.ty.non_nil(), v.strict)
            }
        }
    }

    pub(super) fn table(&mut self, fields: &[ast::Field], expected: Option<&Ty>, span: Span) -> V {
        let exp = expected.map(|t| self.expand(t));
        let exp = exp.map(|t| self.pick_member(fields, t, span));
        let exp = match exp {
            Some(Some(t)) => Some(t),
            Some(None) => return V::any(),
            None => None,
        };
        let mut named: Vec<Field> = Vec::new();
        let mut named_at: HashMap<Rc<str>, usize> = HashMap::new();
        let mut elems: Vec<Ty> = Vec::new();
        let mut keyed: Vec<(Ty, Ty)> = Vec::new();
        // A constructor is exact, so lax checking (fail when no member
        // fits) is as precise as strict for it.
        let mut strict = false;
        for (i, f) in fields.iter().enumerate() {
            match f {
                ast::Field::Named(n, v) => {
                    let want = match &exp {
                        Some(Ty::Record(r)) => r.field(n).map(|x| x.ty.clone()),
                        Some(Ty::Map(_, v)) => Some((**v).clone()),
                        _ => None,
                    };
                    self.tpath.push(Seg::Field(Rc::from(*n)));
                    let val = self.table_value(v, want.as_ref());
                    strict &= val.strict;
                    if let Some(w) = &want {
                        self.table_part(v, &val, w);
                    }
                    self.tpath.pop();
                    let ty = if want.is_some() {
                        val.ty
                    } else {
                        widen_numbers(&val.ty)
                    };
                    let field = Field {
                        name: Rc::from(*n),
                        ty,
                        optional: false,
                    };
                    // A repeated name: the last value wins, where the first was.
                    match named_at.get(*n) {
                        Some(&i) => named[i] = field,
                        None => {
                            named_at.insert(Rc::from(*n), named.len());
                            named.push(field);
                        }
                    }
                }
                ast::Field::Positional(v) => {
                    let want = match &exp {
                        Some(Ty::Array(t)) => Some((**t).clone()),
                        _ => None,
                    };
                    let last = i + 1 == fields.len();
                    self.tpath.push(Seg::Index(elems.len() + 1));
                    let val = if last
                        && matches!(
                            v.kind,
                            ExprKind::Call(..) | ExprKind::MethodCall(..) | ExprKind::Vararg
                        ) {
                        let path = std::mem::take(&mut self.tpath);
                        let ctx = self.tctx.take();
                        let (vs, tail) = self.expr_multi(v);
                        self.tpath = path;
                        self.tctx = ctx;
                        match (vs.into_iter().next(), tail) {
                            (Some(x), None) => x,
                            _ => V::any(),
                        }
                    } else {
                        self.table_value(v, want.as_ref())
                    };
                    strict &= val.strict;
                    if let Some(w) = &want {
                        self.table_part(v, &val, w);
                    }
                    self.tpath.pop();
                    elems.push(val.ty.widen());
                }
                ast::Field::Keyed(k, v) => {
                    let kv = self.table_value(k, None);
                    let want = match &exp {
                        Some(Ty::Map(_, v)) => Some((**v).clone()),
                        _ => None,
                    };
                    self.tpath.push(Seg::Value);
                    let vv = self.table_value(v, want.as_ref());
                    strict &= kv.strict && vv.strict;
                    if let Some(Ty::Map(kt, vt)) = &exp {
                        self.table_part(v, &vv, vt);
                        self.tpath.pop();
                        if let Err(why) = self.fits(&kv, kt) {
                            self.tpath.push(Seg::Key);
                            let m = why.message_at(&self.tpath);
                            self.tpath.pop();
                            self.table_err(k.span, m);
                        }
                    } else {
                        self.tpath.pop();
                    }
                    keyed.push((kv.ty.widen(), vv.ty.widen()));
                }
            }
        }
        match exp {
            Some(Ty::Record(r)) => {
                let given: hashbrown::HashSet<&str> = named.iter().map(|x| &*x.name).collect();
                let missing: Vec<&Field> = r
                    .fields
                    .iter()
                    .filter(|f| {
                        !f.optional
                            && !f.ty.has_nil()
                            && !f.ty.is_any()
                            && !given.contains(&*f.name)
                    })
                    .collect();
                // A few by name; a wide record's many more in one line.
                const NAMED: usize = 8;
                for f in missing.iter().take(NAMED) {
                    let why = Why {
                        path: self.tpath.clone(),
                        kind: crate::subtype::WhyKind::MissingField(f.name.to_string()),
                    };
                    let m = format!("{} (expected {})", why.message(), f.ty);
                    self.table_err(span, m);
                }
                if missing.len() > NAMED {
                    let m = format!(
                        "{} more missing fields of {}",
                        missing.len() - NAMED,
                        Ty::Record(r.clone())
                    );
                    let m = match self.tpath.is_empty() {
                        true => m,
                        false => format!("{}: {m}", crate::subtype::render_path(&self.tpath)),
                    };
                    self.table_err(span, m);
                }
                return V::strict(Ty::Record(r));
            }
            Some(t @ (Ty::Array(_) | Ty::Map(..)))
                if named.is_empty() || matches!(t, Ty::Map(..)) =>
            {
                return V::strict(t);
            }
            _ => {}
        }
        let ty = if !elems.is_empty() && named.is_empty() && keyed.is_empty() {
            Ty::Array(Rc::new(union(elems)))
        } else if elems.is_empty() && keyed.is_empty() {
            Ty::record(named)
        } else if elems.is_empty() && named.is_empty() {
            let ks = union(keyed.iter().map(|k| k.0.clone()).collect());
            let vs = union(keyed.iter().map(|k| k.1.clone()).collect());
            Ty::Map(Rc::new(ks), Rc::new(vs))
        } else {
            Ty::Table
        };
        V::with(ty, strict)
    }

    /// A field found through a metatable's `__index` (the class table
    /// itself, or the table `__index` holds), following up to 8 levels.
    pub(super) fn class_field(&self, mut meta: Option<usize>, n: &str) -> Option<Ty> {
        for _ in 0..8 {
            let id = meta?;
            let Ty::Record(class) = self.expand(&self.vars.get(id)?.decl) else {
                return None;
            };
            let Some(index) = class.field("__index") else {
                // No `__index`: `self` in `function C:m()` of a plain
                // table is C itself.
                return class
                    .fields
                    .iter()
                    .find(|f| &*f.name == n)
                    .map(|f| f.ty.clone());
            };
            let Ty::Record(holder) = self.expand(&index.ty) else {
                return None;
            };
            if let Some(f) = holder.field(n) {
                return Some(f.ty.clone());
            }
            // `Class.__index = Class` stored a snapshot of the class taken
            // before its methods were added: the class itself is current.
            if let Some(f) = class.field(n) {
                return Some(f.ty.clone());
            }
            meta = holder.meta;
        }
        None
    }

    /// For a table constructor against a union: the member its literal
    /// discriminant fields select. `Some(None)` after reporting that none fits.
    pub(super) fn pick_member(&mut self, fields: &[ast::Field], t: Ty, span: Span) -> Option<Ty> {
        let t = match &t {
            Ty::Union(ms) => {
                let nn: Vec<Ty> = ms
                    .iter()
                    .filter(|m| !matches!(m, Ty::Nil))
                    .cloned()
                    .collect();
                if nn.len() == 1 {
                    self.expand(&nn[0])
                } else {
                    t.clone()
                }
            }
            _ => t,
        };
        let Ty::Union(ms) = &t else { return Some(t) };
        let ms: Vec<Ty> = ms.iter().map(|m| self.expand(m)).collect();
        // Literal values of named fields in the constructor.
        let mut lits: Vec<(&str, Ty, Span)> = Vec::new();
        for f in fields {
            if let ast::Field::Named(n, v) = f {
                let lit = match v.kind {
                    ExprKind::Str(s) => Ty::LitStr(Rc::from(s)),
                    ExprKind::True => Ty::LitBool(true),
                    ExprKind::False => Ty::LitBool(false),
                    ExprKind::Int(i) => Ty::LitInt(i),
                    _ => continue,
                };
                lits.push((n, lit, v.span));
            }
        }
        let mut discriminated = false;
        let mut candidates = Vec::new();
        for m in &ms {
            let Ty::Record(r) = m else { continue };
            let mut ok = true;
            for (n, lit, _) in &lits {
                if let Some(f) = r.field(n)
                    && matches!(f.ty, Ty::LitStr(_) | Ty::LitBool(_) | Ty::LitInt(_))
                {
                    discriminated = true;
                    if f.ty != *lit {
                        ok = false;
                    }
                }
            }
            if ok {
                candidates.push(m.clone());
            }
        }
        if discriminated {
            if candidates.is_empty() {
                if let Some((n, lit, sp)) = lits.iter().find(|(n, _, _)| {
                    ms.iter().any(
                        |m| matches!(m, Ty::Record(r) if r.fields.iter().any(|f| &*f.name == *n)),
                    )
                }) {
                    let shown = t.to_string();
                    let mut p = self.tpath.clone();
                    p.push(Seg::Field(Rc::from(*n)));
                    let m = format!(
                        "{}: {lit} matches no member of {shown}",
                        crate::subtype::render_path(&p)
                    );
                    self.table_err(*sp, m);
                } else {
                    let m = match self.tpath.is_empty() {
                        true => format!("table matches no member of {t}"),
                        false => format!(
                            "{}: table matches no member of {t}",
                            crate::subtype::render_path(&self.tpath)
                        ),
                    };
                    self.table_err(span, m);
                }
                return None;
            }
            if candidates.len() == 1 {
                return candidates.pop();
            }
        }
        Some(t)
    }

    /// Returns whether the operation certainly fails (no member of the
    /// operand's type can take part), so the caller types the result
    /// `any` instead of reporting follow-on errors about it.
    pub(super) fn check_arith_operand(&mut self, v: &V, span: Span, what: &str) -> bool {
        let t = self.expand(&v.ty);
        if t.is_any() {
            return false;
        }
        let ok_member = |m: &Ty, strict: bool| match m {
            Ty::Number | Ty::Integer | Ty::LitInt(_) | Ty::LitFloat(_) | Ty::Any => true,
            Ty::String | Ty::LitStr(_) => !strict,
            Ty::Table
            | Ty::Record(_)
            | Ty::Map(..)
            | Ty::Array(_)
            | Ty::Userdata
            | Ty::Object(_)
            | Ty::Unknown => true,
            Ty::Generic(_) | Ty::Alias(..) | Ty::Intersection(_) => true,
            _ => false,
        };
        let ms = t.members();
        if v.strict {
            if let Some(b) = ms.iter().find(|m| !ok_member(m, true)) {
                if matches!(b, Ty::Nil) && ms.len() > 1 {
                    self.err(
                        code::MAYBE_NIL,
                        span,
                        format!("{what} on a value of type {}: it may be nil", v.ty),
                    );
                } else {
                    let m = bad_operand(&format!("perform {what} on"), &v.ty, ms, Some(b));
                    self.err(code::BAD_OPERATION, span, m);
                }
            }
        } else if !ms.iter().any(|m| ok_member(m, false)) {
            let m = bad_operand(&format!("perform {what} on"), &v.ty, ms, None);
            self.err(code::BAD_OPERATION, span, m);
        }
        !ms.iter().any(|m| ok_member(m, false))
    }

    /// An operand of a comparison or a concatenation: nil, booleans and
    /// functions are errors (for unannotated values, only when nothing
    /// else is possible). `noun` and `verb` word the two messages:
    /// "`noun` a value of type T?: it may be nil", "attempt to `verb` a T
    /// value".
    fn check_order_operand(&mut self, v: &V, span: Span, noun: &str, verb: &str) {
        let t = self.expand(&v.ty);
        let bad = |m: &Ty| {
            matches!(
                m,
                Ty::Nil | Ty::Boolean | Ty::LitBool(_) | Ty::Func(_) | Ty::Function
            )
        };
        if (v.strict && t.members().iter().any(bad)) || (!v.strict && t.members().iter().all(bad)) {
            if t.has_nil() && t.members().len() > 1 {
                self.err(
                    code::MAYBE_NIL,
                    span,
                    format!("{noun} a value of type {}: it may be nil", v.ty),
                );
            } else {
                self.err(
                    code::BAD_OPERATION,
                    span,
                    format!("attempt to {verb} a {} value", v.ty),
                );
            }
        }
    }

    pub(super) fn check_len_operand(&mut self, v: &V, span: Span) {
        let t = self.expand(&v.ty);
        let ok = |m: &Ty| {
            !matches!(
                m,
                Ty::Nil
                    | Ty::Boolean
                    | Ty::LitBool(_)
                    | Ty::Number
                    | Ty::Integer
                    | Ty::LitInt(_)
                    | Ty::LitFloat(_)
                    | Ty::Func(_)
                    | Ty::Function
            )
        };
        let ms = t.members();
        if v.strict {
            if let Some(b) = ms.iter().find(|m| !ok(m)) {
                if matches!(b, Ty::Nil) && ms.len() > 1 {
                    self.err(
                        code::MAYBE_NIL,
                        span,
                        format!("length of a value of type {}: it may be nil", v.ty),
                    );
                } else {
                    let m = bad_operand("get length of", &v.ty, ms, Some(b));
                    self.err(code::BAD_OPERATION, span, m);
                }
            }
        } else if !ms.iter().any(ok) {
            let m = bad_operand("get length of", &v.ty, ms, None);
            self.err(code::BAD_OPERATION, span, m);
        }
    }

    pub(super) fn binary(&mut self, op: BinOp, a: &Expr, b: &Expr, span: Span) -> V {
        match op {
            BinOp::And | BinOp::Or => {
                let (t, f) = self.cond(a);
                let va = self.expr_quiet_type(a);
                let saved = self.flow.clone();
                self.apply(if op == BinOp::And { &t } else { &f });
                let vb = self.expr(b, None);
                self.flow = saved;
                let ty = if op == BinOp::And {
                    union(vec![va.ty.falsy(), vb.ty.clone()])
                } else {
                    union(vec![va.ty.truthy(), vb.ty.clone()])
                };
                return V::with(ty, va.strict && vb.strict);
            }
            _ => {}
        }
        // Left-leaning chains may be long: the left operand recursion is
        // bounded by `expr`'s depth check.
        let va = self.expr(a, None);
        let vb = self.expr(b, None);
        if matches!(
            op,
            BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge
        ) {
            self.lint_self_compare(op, a, b, &va.ty, span);
        }
        match op {
            BinOp::Eq | BinOp::Ne => V::strict(Ty::Boolean),
            BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
                for (v, s) in [(&va, a.span), (&vb, b.span)] {
                    self.check_order_operand(v, s, "comparison with", "compare");
                }
                V::strict(Ty::Boolean)
            }
            BinOp::Concat => {
                for (v, s) in [(&va, a.span), (&vb, b.span)] {
                    self.check_order_operand(v, s, "concatenation of", "concatenate");
                }
                V::strict(Ty::String)
            }
            _ => {
                let what = match op {
                    BinOp::BAnd | BinOp::BOr | BinOp::BXor | BinOp::Shl | BinOp::Shr => {
                        "bitwise operation"
                    }
                    _ => "arithmetic",
                };
                let fails_a = self.check_arith_operand(&va, a.span, what);
                let fails_b = self.check_arith_operand(&vb, b.span, what);
                let strict = va.strict && vb.strict;
                if va.ty.is_any() || vb.ty.is_any() || fails_a || fails_b {
                    return V::any();
                }
                if self.has_object(&va.ty) || self.has_object(&vb.ty) {
                    return V::lax(Ty::Any);
                }
                let ints = numeric(&va.ty) && numeric(&vb.ty);
                let ty = match op {
                    BinOp::BAnd | BinOp::BOr | BinOp::BXor | BinOp::Shl | BinOp::Shr => Ty::Integer,
                    BinOp::Div | BinOp::Pow => Ty::Number,
                    _ if ints => Ty::Integer,
                    _ => Ty::Number,
                };
                V::with(ty, strict)
            }
        }
    }

    /// The type of an expression already checked by `cond` (no second
    /// round of diagnostics).
    pub(super) fn expr_quiet_type(&mut self, e: &Expr) -> V {
        let n = self.diags.len();
        let v = self.expr(e, None);
        self.diags.truncate(n);
        v
    }

    pub(super) fn index(&mut self, ov: &V, k: &Expr, kv: &V, ospan: Span, span: Span) -> V {
        let t = self.expand(&ov.ty);
        if t.is_any() || matches!(t, Ty::Unknown) {
            return V::any();
        }
        if ov.strict && t.has_nil() {
            if matches!(t, Ty::Nil) {
                self.err(
                    code::BAD_OPERATION,
                    ospan,
                    "attempt to index a nil value".into(),
                );
                return V::any();
            }
            self.err(
                code::MAYBE_NIL,
                ospan,
                format!("cannot index a value of type {}: it may be nil", ov.ty),
            );
        } else if let Some(b) = bad_index_target(&t, ov.strict) {
            self.err(
                code::BAD_OPERATION,
                ospan,
                format!("attempt to index a {b} value"),
            );
            return V::any();
        }
        let t = t.non_nil();
        let name = match k.kind {
            ExprKind::Str(s) => std::str::from_utf8(s).ok(),
            _ => None,
        };
        let mut out = Vec::new();
        let mut strict = ov.strict;
        for m in t.members() {
            let m = self.expand(m);
            let m = match m {
                Ty::Generic(g) => g.bound.as_ref().map_or(Ty::Any, |b| self.expand(b)),
                Ty::Intersection(ms) => merge_records(&ms, &self.al()).unwrap_or(Ty::Any),
                m => m,
            };
            let r = match (&m, name) {
                (Ty::Record(r), Some(n)) => match r.field(n) {
                    Some(f) if f.optional => Ty::optional(f.ty.clone()),
                    Some(f) => f.ty.clone(),
                    None if r.meta.is_some() => match self.class_field(r.meta, n) {
                        Some(t) => t,
                        None => {
                            strict = false;
                            Ty::Any
                        }
                    },
                    None => {
                        if ov.strict && t.members().len() == 1 {
                            self.err(
                                code::UNKNOWN_FIELD,
                                span,
                                format!("field '{n}' does not exist on {}", ov.ty),
                            );
                            Ty::Any
                        } else if ov.strict {
                            // Reading a field only other members have: nil here.
                            Ty::Nil
                        } else {
                            strict = false;
                            Ty::Any
                        }
                    }
                },
                (Ty::Object(o), Some(n)) => match o.method(n) {
                    Some(t) => t.clone(),
                    None if !o.open && ov.strict && t.members().len() == 1 => {
                        self.err(
                            code::UNKNOWN_FIELD,
                            span,
                            format!("field '{n}' does not exist on {}", ov.ty),
                        );
                        Ty::Any
                    }
                    None => {
                        strict = false;
                        Ty::Any
                    }
                },
                (Ty::Array(e), _) => {
                    if ov.strict
                        && name.is_none()
                        && let Err(w) = self.fits(kv, &Ty::Number)
                    {
                        self.err(
                            code::MISMATCH,
                            k.span,
                            format!("array index: {}", w.message()),
                        );
                    }
                    if name.is_some() {
                        Ty::Any
                    } else {
                        (**e).clone()
                    }
                }
                (Ty::Map(kt, vt), _) => {
                    if ov.strict
                        && let Err(w) = self.fits(kv, kt)
                    {
                        self.err(code::MISMATCH, k.span, format!("key: {}", w.message()));
                    }
                    Ty::optional((**vt).clone())
                }
                (Ty::String | Ty::LitStr(_), Some(n)) => {
                    let lib = self.globals.get("string").cloned();
                    match lib.map(|l| l.ty) {
                        // Programs may add to the string library: unlisted is `any`.
                        Some(Ty::Record(r)) => r
                            .fields
                            .iter()
                            .find(|f| &*f.name == n)
                            .map(|f| f.ty.clone())
                            .unwrap_or(Ty::Any),
                        _ => Ty::Any,
                    }
                }
                _ => {
                    strict = false;
                    Ty::Any
                }
            };
            out.push(r);
        }
        V::with(union(out).bare(), strict)
    }
}

/// What makes indexing certainly fail (`strict`: possibly fail) on `t`.
pub(crate) fn bad_index_target(t: &Ty, strict: bool) -> Option<&'static str> {
    let bad = |m: &Ty| match m {
        Ty::Nil => Some("nil"),
        Ty::Boolean | Ty::LitBool(_) => Some("boolean"),
        Ty::Number | Ty::Integer | Ty::LitInt(_) | Ty::LitFloat(_) => Some("number"),
        Ty::Func(_) | Ty::Function => Some("function"),
        _ => None,
    };
    let ms = t.members();
    if strict {
        ms.iter()
            .filter(|m| !matches!(m, Ty::Nil))
            .find_map(bad)
            .or({
                if matches!(t, Ty::Nil) {
                    Some("nil")
                } else {
                    None
                }
            })
    } else if ms.iter().all(|m| bad(m).is_some()) {
        ms.first().and_then(bad)
    } else {
        None
    }
}

/// Literal types widened inside records and arrays too (generic binding:
/// `largest({id = "x"}, {id = "y"})` binds T to `{id: string}`).
pub(crate) fn widen_deep(t: &Ty) -> Ty {
    let mut leaf = |x: &Ty| match x {
        Ty::LitStr(_) | Ty::LitInt(_) | Ty::LitFloat(_) | Ty::LitBool(_) => Some(x.widen()),
        _ => None,
    };
    let opts = MapOpts {
        drop_names: true,
        clear_meta: false,
    };
    map_ty(t, &mut leaf, opts)
}

/// A table constructor, possibly parenthesised.
fn is_constructor(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Table(_) => true,
        ExprKind::Paren(x) => is_constructor(x),
        _ => false,
    }
}

/// "attempt to `verb` ..." for an operand that fails: one type is named by
/// its `type()` name (`a boolean value`); a union by the whole type, and
/// when some members would work, by the member that fails: `a value of
/// type number | string: it may be a string`.
fn bad_operand(verb: &str, shown: &Ty, ms: &[Ty], culprit: Option<&Ty>) -> String {
    let single = |m: &Ty| match m.tag() {
        Some(t) => format!("a {t} value"),
        None => format!("a value of type {m}"),
    };
    if ms.len() == 1 {
        return format!("attempt to {verb} {}", single(&ms[0]));
    }
    match culprit {
        Some(b) => {
            let what = match b.tag() {
                Some(t) => format!("a {t}"),
                None => b.to_string(),
            };
            format!("attempt to {verb} a value of type {shown}: it may be {what}")
        }
        None => format!("attempt to {verb} a value of type {shown}"),
    }
}
