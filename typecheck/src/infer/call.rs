//! Calls: built-ins with special results (`assert`, `error`,
//! `setmetatable`, `require`, `type`), arity and argument checks against
//! signatures, generic inference from arguments (callbacks last).

use super::*;

impl Checker {
    // ------------------------------------------------------------------
    // Calls

    pub(super) fn call(
        &mut self,
        e: &Expr,
        f: &Expr,
        method: Option<&str>,
        args: &[Expr],
    ) -> (Vec<V>, Option<Ty>) {
        let fname = describe_callee(f, method);
        // Type values: `T:is(v)` gives `v, nil` or `nil, err`; `T(v)`
        // returns `v` or raises, so `v` is a `T` after it.
        // `types.is(T, v)` and `types.validate(T, v)` are the same calls.
        let typed = if matches!(method, None | Some("is"))
            && let Some(t) = self.type_value(f)
        {
            self.expr(f, None);
            Some((t, method.is_some(), args))
        } else if method.is_none()
            && let Some(n @ (b"is" | b"validate")) = self.types_field(f)
            && let [tv, rest @ ..] = args
            && let Some(t) = self.type_value(tv)
        {
            self.expr(f, None);
            self.expr(tv, None);
            Some((t, n == b"is", rest))
        } else {
            None
        };
        if method == Some("of") {
            self.check_of(f, args, e.span);
        }
        if let Some((t, is, args)) = typed {
            let key = match args {
                [a] => self.key_of(a),
                _ => None,
            };
            let vs = self.exprs_multi(args, 1);
            let arg = vs.first().map_or(Ty::Nil, |v| v.ty.clone());
            let yes = self.intersect(&arg, &t);
            if is {
                // As a native method's results: strict where they meet an
                // annotation, lax in plain code (docs/typecheck.md).
                let native = |ty: Ty| V {
                    ty,
                    strict: false,
                    sig: true,
                };
                let err = self.error_object();
                // A value that can never be a T: the test always fails.
                if yes.is_never() {
                    return (vec![native(Ty::Nil), native(err)], None);
                }
                let both = vec![native(Ty::optional(yes)), native(Ty::optional(err))];
                return (both, None);
            }
            if yes.is_never() {
                // It always raises; say what it was meant to return.
                return (vec![V::strict(self.expand(&t))], None);
            }
            if let Some(k) = key {
                self.apply(&vec![(k, yes.clone())]);
            }
            return (vec![V::strict(yes)], None);
        }
        // Built-ins whose results or narrowing depend on their arguments.
        if method.is_none()
            && let ExprKind::Name(n) = f.kind
            && self.resolve(n).is_none()
        {
            match n {
                "assert" if !args.is_empty() => {
                    let (t, _) = self.cond(&args[0]);
                    let v0 = self.expr_quiet_type(&args[0]);
                    for a in &args[1..] {
                        self.expr(a, None);
                    }
                    self.apply(&t);
                    return (vec![V::with(v0.ty.truthy(), v0.strict)], None);
                }
                "error" => {
                    self.exprs_multi(args, 0);
                    self.flow.dead = true;
                    return (vec![], Some(Ty::Never));
                }
                "setmetatable" if !args.is_empty() => {
                    let vs = self.exprs_multi(args, 2);
                    let mut v = vs.into_iter().next().unwrap_or_else(V::any);
                    // `setmetatable({...}, Class)`: the instance
                    // finds Class's methods through `__index`.
                    let class = args.get(1).and_then(|c| match c.kind {
                        ExprKind::Name(n) => self.resolve(n),
                        _ => None,
                    });
                    if let (Some(id), Ty::Record(r)) = (class, &v.ty) {
                        v.ty = Ty::Record(Rc::new(Record::new(
                            r.fields.clone(),
                            r.name.clone(),
                            Some(id),
                        )));
                    }
                    return (vec![v], None);
                }
                "require" if args.len() == 1 => {
                    if let ExprKind::Str(m) = args[0].kind
                        && let Some((ty, _, _)) = self.require_module(m)
                    {
                        return (vec![V::lax(ty)], None);
                    }
                }
                "type" if args.len() == 1 => {
                    self.expr(&args[0], None);
                    return (vec![V::strict(Ty::String)], None);
                }
                _ => {}
            }
        }
        let (fv, self_arg) = match method {
            None => (self.expr(f, None), None),
            Some(m) => {
                let ov = self.expr(f, None);
                if self.object_lacks_method(&ov, m, e.span) {
                    self.exprs_multi(args, 0);
                    return (vec![], Some(Ty::Any));
                }
                let k = Expr {
                    kind: ExprKind::Str(m.as_bytes()),
                    line: e.line,
                    span: f.span,
                };
                let mv = self.index(&ov, &k, &V::strict(Ty::String), f.span, e.span);
                (mv, Some(ov))
            }
        };
        let t = self.expand(&fv.ty);
        let ft = match &t {
            Ty::Func(ft) => ft.clone(),
            Ty::Any
            | Ty::Unknown
            | Ty::Function
            | Ty::Table
            | Ty::Record(_)
            | Ty::Userdata
            | Ty::Generic(_)
            | Ty::Intersection(_) => {
                self.exprs_multi(args, 0);
                return (vec![], Some(Ty::Any));
            }
            _ => {
                let nonnil = t.non_nil();
                let callable = |m: &Ty| {
                    !matches!(
                        m,
                        Ty::Nil
                            | Ty::Boolean
                            | Ty::LitBool(_)
                            | Ty::Number
                            | Ty::Integer
                            | Ty::LitInt(_)
                            | Ty::LitFloat(_)
                            | Ty::String
                            | Ty::LitStr(_)
                    )
                };
                if fv.strict
                    && t.has_nil()
                    && nonnil.members().iter().all(callable)
                    && !nonnil.is_never()
                {
                    self.err(
                        code::MAYBE_NIL,
                        f.span,
                        format!("cannot call {fname}: it may be nil ({})", fv.ty),
                    );
                } else if (fv.strict && !t.members().iter().all(callable))
                    || !t.members().iter().any(callable)
                {
                    let what = t
                        .members()
                        .iter()
                        .find(|m| !callable(m))
                        .and_then(|m| m.tag())
                        .unwrap_or("non-function");
                    self.err(
                        code::BAD_OPERATION,
                        f.span,
                        format!("attempt to call a {what} value ({fname})"),
                    );
                }
                self.exprs_multi(args, 0);
                // A single function member of the union gives the result.
                if let Some(Ty::Func(ft)) =
                    nonnil.members().iter().find(|m| matches!(m, Ty::Func(_)))
                {
                    return (
                        ft.rets
                            .iter()
                            .map(|r| V::with(r.bare(), ft.annotated))
                            .collect(),
                        ft.ret_variadic.as_ref().map(Ty::bare),
                    );
                }
                return (vec![], Some(Ty::Any));
            }
        };
        self.check_call(&ft, &fname, self_arg, args, e.span)
    }

    pub(super) fn check_call(
        &mut self,
        ft: &FnTy,
        fname: &str,
        self_arg: Option<V>,
        args: &[Expr],
        span: Span,
    ) -> (Vec<V>, Option<Ty>) {
        let off = usize::from(self_arg.is_some());
        let mut bind: HashMap<u32, Ty> = HashMap::new();
        let generic = !ft.generics.is_empty();
        let param = |i: usize| -> Option<&Ty> { ft.params.get(i).or(ft.variadic.as_ref()) };
        // Arguments: function expressions last for generic calls, so their
        // parameters can take types bound by the others.
        let mut vals: Vec<Option<(V, Span)>> = vec![None; args.len()];
        let mut tail: Option<Ty> = None;
        let order: Vec<usize> = if generic {
            let (fs, rest): (Vec<usize>, Vec<usize>) =
                (0..args.len()).partition(|&i| matches!(args[i].kind, ExprKind::Function(_)));
            rest.into_iter().chain(fs).collect()
        } else {
            (0..args.len()).collect()
        };
        for i in order {
            let a = &args[i];
            let p = param(i + off).cloned();
            // In a generic call only callbacks take context: a table
            // literal must not be typed by what an earlier argument bound.
            let exp = match &p {
                Some(p) if !generic => Some(p.clone()),
                Some(p) if matches!(a.kind, ExprKind::Function(_)) => Some(subst(p, &bind)),
                _ => None,
            };
            let v = if i + 1 == args.len()
                && matches!(
                    a.kind,
                    ExprKind::Call(..) | ExprKind::MethodCall(..) | ExprKind::Vararg
                ) {
                let (vs, t) = self.expr_multi(a);
                tail = t;
                let mut it = vs.into_iter();
                let first = it.next();
                for (j, extra) in it.enumerate() {
                    vals.push(Some((extra, a.span)));
                    let _ = j;
                }
                match first {
                    Some(v) => v,
                    None => match &tail {
                        Some(t) => V::lax(t.clone()),
                        None => V::strict(Ty::Nil),
                    },
                }
            } else {
                let ctx = (format!("argument #{} of {fname}", i + 1), code::ARGUMENT);
                self.expr_in(a, exp.as_ref(), Some(ctx))
            };
            if generic && let Some(p) = &p {
                infer_bind(p, &v.ty, &mut bind, 0);
            }
            vals[i] = Some((v, a.span));
        }
        let nvals = vals.len();
        // Arity.
        let pcount = ft.params.len();
        let given = nvals + off;
        if ft.check_arity {
            // Natives ignore extra arguments: not a failure.
            if given > pcount && ft.variadic.is_none() && !ft.builtin {
                let sp = args
                    .get(pcount.saturating_sub(off))
                    .map_or(span, |a| a.span);
                self.err(
                    code::ARITY,
                    sp,
                    format!(
                        "too many arguments to {fname}: expected at most {}, got {}",
                        pcount - off,
                        nvals
                    ),
                );
            }
            if tail.is_none() {
                for i in given..pcount {
                    let p = subst(&ft.params[i], &bind);
                    if !p.has_nil() && !p.is_any() && !matches!(p, Ty::Unknown) {
                        let name = ft
                            .names
                            .get(i)
                            .filter(|n| !n.is_empty())
                            .map(|n| format!(" '{n}'"))
                            .unwrap_or_default();
                        self.err(
                            code::ARITY,
                            span,
                            format!(
                                "missing argument #{}{name} to {fname}: expected {p}",
                                i + 1 - off
                            ),
                        );
                        break;
                    }
                }
            }
        }
        // Generic bounds.
        for g in &ft.generics {
            if let (Some(b), Some(t)) = (&g.bound, bind.get(&g.id)) {
                let b = subst(b, &bind);
                if let Err(w) = is_sub(t, &b, &self.al()) {
                    self.err(
                        code::GENERIC,
                        span,
                        format!("type argument {} of {fname}: {}", g.name, w.message()),
                    );
                }
            }
        }
        // Argument types.
        if let Some(sv) = &self_arg
            && let Some(p) = ft.params.first()
        {
            let p = subst(p, &bind);
            // A native's result is strict only at annotations: as the
            // receiver of a native's method (`io.open(p):read()`) it is lax.
            let r = if ft.builtin {
                self.fits_as(sv, &p, sv.strict)
            } else {
                self.fits(sv, &p)
            };
            if let Err(w) = r {
                self.err(
                    code::ARGUMENT,
                    span,
                    format!("self of {fname}: {}", w.message()),
                );
            }
        }
        for (i, slot) in vals.iter().enumerate() {
            let Some((v, sp)) = slot else { continue };
            let Some(p) = param(i + off) else { continue };
            let p = if generic { subst(p, &bind) } else { p.clone() };
            if p.is_any() {
                continue;
            }
            // Natives convert strings to numbers and numbers to strings
            // (lauxlib's luaL_checknumber / luaL_checklstring).
            let orig = p.clone();
            let p = if ft.builtin && !v.strict {
                // A string literal converts only if it reads as a number.
                let numeric_str = match &v.ty {
                    Ty::LitStr(b) => std::str::from_utf8(b).is_ok_and(|x| {
                        x.trim().parse::<f64>().is_ok() || x.trim().starts_with("0x")
                    }),
                    _ => true,
                };
                libs::option_strings(coercible(&p, numeric_str), &v.ty)
            } else {
                p
            };
            let r = if ft.builtin {
                self.fits_as(v, &p, v.strict)
            } else {
                self.fits(v, &p)
            };
            if let Err(w) = r {
                // Name the declared parameter type, not its converted form.
                let w = self.fits_as(v, &orig, true).err().unwrap_or(w);
                let nn = v.ty.non_nil();
                let maybe_nil =
                    v.ty.has_nil() && !nn.is_never() && self.fits(&V::strict(nn), &p).is_ok();
                let c = if maybe_nil {
                    code::MAYBE_NIL
                } else {
                    code::ARGUMENT
                };
                self.err(
                    c,
                    *sp,
                    format!("argument #{} of {fname}: {}", i + 1, w.message()),
                );
            } else if let Some(a) = args.get(i) {
                self.check_literal(a, &p, &format!("argument #{} of {fname}", i + 1));
            }
        }
        let rets = ft
            .rets
            .iter()
            .map(|r| V {
                ty: if generic {
                    subst(r, &bind).bare()
                } else {
                    r.bare()
                },
                strict: ft.annotated && !ft.builtin,
                sig: ft.builtin,
            })
            .collect();
        let rv = ft.ret_variadic.as_ref().map(|r| {
            if generic {
                subst(r, &bind).bare()
            } else {
                r.bare()
            }
        });
        if ft.rets.iter().any(Ty::is_never) {
            self.flow.dead = true;
        }
        if ft.err_pair {
            self.pair_call = Some(span);
        }
        (rets, rv)
    }
}

/// A parameter type widened by the conversions natives apply.
pub(crate) fn coercible(p: &Ty, strings: bool) -> Ty {
    let mut ms = Vec::new();
    for m in p.members() {
        ms.push(m.clone());
        match m {
            Ty::Integer => {
                if strings {
                    ms.push(Ty::String);
                }
                ms.push(Ty::Number);
            }
            Ty::Number if strings => ms.push(Ty::String),
            Ty::String => ms.push(Ty::Number),
            _ => {}
        }
    }
    union(ms)
}

pub(crate) fn describe_callee(f: &Expr, method: Option<&str>) -> String {
    fn path(e: &Expr, depth: u32) -> Option<String> {
        if depth > 8 {
            return None;
        }
        match &e.kind {
            ExprKind::Name(n) => Some(n.to_string()),
            ExprKind::Index(o, k) => match k.kind {
                ExprKind::Str(s) => Some(format!(
                    "{}.{}",
                    path(o, depth + 1)?,
                    String::from_utf8_lossy(s)
                )),
                _ => None,
            },
            _ => None,
        }
    }
    match (path(f, 0), method) {
        (Some(p), Some(m)) => format!("'{p}:{m}'"),
        (Some(p), None) => format!("'{p}'"),
        (None, Some(m)) => format!("method '{m}'"),
        (None, None) => "this function".into(),
    }
}

/// Binds generic parameters in `p` from the argument type `a`.
pub(crate) fn infer_bind(p: &Ty, a: &Ty, bind: &mut HashMap<u32, Ty>, depth: u32) {
    let mut steps = 10_000u32;
    bind_in(p, a, bind, depth, &mut steps);
}

/// `infer_bind` within a step budget (types may reuse subtrees).
fn bind_in(p: &Ty, a: &Ty, bind: &mut HashMap<u32, Ty>, depth: u32, steps: &mut u32) {
    if depth > 16 || *steps == 0 {
        return;
    }
    *steps -= 1;
    let d = depth + 1;
    match (p, a) {
        (Ty::Checked(c), a) => bind_in(&c.ty, a, bind, d, steps),
        (Ty::Generic(g), a) => {
            let a = widen_deep(a);
            let t = match bind.get(&g.id) {
                Some(old) => union(vec![old.clone(), a]),
                None => a,
            };
            bind.insert(g.id, t);
        }
        (Ty::Array(x), Ty::Array(y)) => bind_in(x, y, bind, d, steps),
        (Ty::Map(k, v), Ty::Map(k2, v2)) => {
            bind_in(k, k2, bind, d, steps);
            bind_in(v, v2, bind, d, steps);
        }
        (Ty::Record(r), Ty::Record(s)) => {
            for f in &r.fields {
                if let Some(g) = s.field(&f.name) {
                    bind_in(&f.ty, &g.ty, bind, d, steps);
                }
            }
        }
        (Ty::Func(f), Ty::Func(g)) => {
            for (x, y) in f.rets.iter().zip(&g.rets) {
                bind_in(x, y, bind, d, steps);
            }
        }
        (Ty::Union(ms), a) => {
            // `T?` against `X?` or `X`: bind T to the non-nil part.
            let gens: Vec<&Ty> = ms.iter().filter(|m| matches!(m, Ty::Generic(_))).collect();
            if gens.len() == 1 {
                let rest: Vec<Ty> = a
                    .members()
                    .iter()
                    .filter(|m| !ms.contains(m))
                    .cloned()
                    .collect();
                bind_in(gens[0], &union(rest), bind, d, steps);
            }
        }
        _ => {}
    }
}

/// Replaces bound generic parameters; unbound ones stay (as `unknown`
/// would be too strict for results, they read as `any`).
pub(crate) fn subst(t: &Ty, bind: &HashMap<u32, Ty>) -> Ty {
    if bind.is_empty() {
        return t.clone();
    }
    let mut leaf = |x: &Ty| match x {
        Ty::Generic(g) => Some(bind.get(&g.id).cloned().unwrap_or_else(|| x.clone())),
        _ => None,
    };
    let opts = MapOpts {
        drop_names: true,
        clear_meta: false,
    };
    map_ty(t, &mut leaf, opts)
}
