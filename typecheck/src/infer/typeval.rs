//! Type values (docs/types-runtime.md): which expressions the checker
//! knows to hold a type, and which type, so `T:is(v)` and `T(v)` narrow
//! `v`:
//! - a local declared by `type Name = ...`, or initialised from a type
//!   value (until it is assigned);
//! - the primitive types: `types.string`, `types["nil"]`, ..., and the
//!   capitalised globals `String`, `Nil`, ... while the program has not
//!   assigned them;
//! - `G:of(A, ...)` with `G` a generic alias and type values as
//!   arguments (`Box:of(Integer)` is `Box<integer>`);
//! - `typeof(x)` (or `types.typeof(x)`) of a local or parameter declared
//!   with a type: that type, as the run time gives it;
//! - a field of a table holding one: `M.Point = Point` in a module's main
//!   block, or `return {Point = Point}`, read as `mod.Point` where
//!   `local mod = require("mod")`.
//!
//! `types.is(T, v)` and `types.validate(T, v)` are `T:is(v)` and `T(v)`.

use super::*;

/// What the checker knows a type value to be.
#[derive(Clone, Debug)]
pub(super) struct TypeVal {
    /// The type it denotes (a generic alias: its parameters as `any`).
    pub ty: Ty,
    /// A generic alias's id, for `G:of(A, ...)`.
    pub generic: Option<u32>,
}

impl TypeVal {
    pub(super) fn plain(ty: Ty) -> TypeVal {
        TypeVal { ty, generic: None }
    }
}

fn primitive(name: &[u8]) -> Option<Ty> {
    Some(match name {
        b"nil" => Ty::Nil,
        b"boolean" => Ty::Boolean,
        b"number" => Ty::Number,
        b"integer" => Ty::Integer,
        b"string" => Ty::String,
        b"any" => Ty::Any,
        b"unknown" => Ty::Unknown,
        b"never" => Ty::Never,
        b"error" => Ty::Error,
        b"table" => Ty::Table,
        b"function" => Ty::Function,
        b"thread" => Ty::Thread,
        b"userdata" => Ty::Userdata,
        _ => return None,
    })
}

/// The capitalised globals holding the primitive type values.
pub(super) fn capitalised(name: &str) -> Option<Ty> {
    let lower = name.get(..1)?.to_ascii_lowercase() + name.get(1..)?;
    if !name.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    primitive(lower.as_bytes())
}

impl Checker {
    /// The type a type value denotes.
    pub(super) fn type_value(&self, e: &Expr) -> Option<Ty> {
        self.type_val(e).map(|v| v.ty)
    }

    /// `types.<field>` of the global `types` (no local hides it).
    pub(super) fn types_field<'e>(&self, e: &'e Expr) -> Option<&'e [u8]> {
        match &e.kind {
            ExprKind::Index(o, k) => match (&o.kind, &k.kind) {
                (ExprKind::Name("types"), ExprKind::Str(s)) if self.resolve("types").is_none() => {
                    Some(s)
                }
                _ => None,
            },
            _ => None,
        }
    }

    pub(super) fn type_val(&self, e: &Expr) -> Option<TypeVal> {
        match &e.kind {
            ExprKind::Paren(x) => self.type_val(x),
            ExprKind::Name(n) => {
                let Some(id) = self.resolve(n) else {
                    if self.assigned_globals.contains(*n) {
                        return None;
                    }
                    return capitalised(n).map(TypeVal::plain);
                };
                if self.vars[id].clobbered {
                    return None;
                }
                self.type_values.get(&(id, Rc::from([]))).cloned()
            }
            ExprKind::Index(..) => {
                if let Some(s) = self.types_field(e) {
                    return primitive(s).map(TypeVal::plain);
                }
                let k = self.key_of(e)?;
                if self.vars[k.0].clobbered {
                    return None;
                }
                self.type_values.get(&k).cloned()
            }
            ExprKind::MethodCall(g, "of", args) => {
                let id = self.type_val(g)?.generic?;
                let def = self.alias_bodies.get(id as usize)?;
                if def.generics.len() != args.len() {
                    return None;
                }
                let mut map = HashMap::new();
                for (p, a) in def.generics.iter().zip(args.iter()) {
                    map.insert(p.id, self.type_value(a)?);
                }
                Some(TypeVal::plain(subst(&def.body, &map)))
            }
            ExprKind::Call(f, args) => {
                let [x] = &args[..] else { return None };
                let builtin = match &f.kind {
                    ExprKind::Name("typeof") => {
                        self.resolve("typeof").is_none()
                            && !self.assigned_globals.contains("typeof")
                    }
                    _ => self.types_field(f) == Some(b"typeof"),
                };
                if !builtin {
                    return None;
                }
                // The declared type of an annotated local or parameter.
                let ExprKind::Name(n) = x.kind else {
                    return None;
                };
                let id = self.resolve(n)?;
                let v = &self.vars[id];
                v.annotated.then(|| TypeVal::plain(v.decl.clone()))
            }
            _ => None,
        }
    }

    /// `e` as `T:is(v)` or `types.is(T, v)`: the type and `v`.
    pub(super) fn is_call<'e>(&self, e: &'e Expr<'e>) -> Option<(Ty, &'e Expr<'e>)> {
        match &e.kind {
            ExprKind::MethodCall(o, "is", args) => match &args[..] {
                [v] => Some((self.type_value(o)?, v)),
                _ => None,
            },
            ExprKind::Call(f, args) if self.types_field(f) == Some(b"is") => match &args[..] {
                [t, v] => Some((self.type_value(t)?, v)),
                _ => None,
            },
            _ => None,
        }
    }

    /// Forgets the type values held at `k` and below (it was assigned).
    pub(super) fn forget_type_values(&mut self, k: &Key) {
        if !self.type_values.is_empty() {
            self.type_values.retain(|x, _| !is_prefix(k, x));
        }
    }

    /// `G:of(A, ...)`: reports what the run time raises for (a type that
    /// is not generic, or the wrong number of arguments).
    pub(super) fn check_of(&mut self, g: &Expr, args: &[Expr], span: Span) {
        let Some(tv) = self.type_val(g) else { return };
        match tv.generic.and_then(|id| self.alias_bodies.get(id as usize)) {
            Some(def) if def.generics.len() != args.len() => {
                let n = def.generics.len();
                let name = describe_callee(g, None);
                self.err(
                    code::GENERIC,
                    span,
                    format!("{name} takes {n} type argument(s), got {}", args.len()),
                );
            }
            Some(_) => {}
            None => {
                let shown = tv.ty.to_string();
                self.err(
                    code::GENERIC,
                    span,
                    format!("type {shown} is not generic: it takes no type arguments"),
                );
            }
        }
    }

    /// The type values a module's main block returns in its table
    /// (`return {Point = Point}`, or `return M` after `M.Point = Point`).
    pub(super) fn returned_type_values(&self, e: &Expr) -> Vec<(Rc<str>, Ty)> {
        match &e.kind {
            ExprKind::Table(fields) => fields
                .iter()
                .filter_map(|f| match f {
                    ast::Field::Named(n, v) => {
                        self.type_value(v).map(|t| (Rc::from(*n), foreign(&t)))
                    }
                    _ => None,
                })
                .collect(),
            ExprKind::Name(n) => {
                let Some(id) = self.resolve(n) else {
                    return vec![];
                };
                let mut out: Vec<(Rc<str>, Ty)> = self
                    .type_values
                    .iter()
                    .filter(|((v, path), _)| *v == id && path.len() == 1)
                    .map(|((_, path), tv)| (path[0].clone(), foreign(&tv.ty)))
                    .collect();
                out.sort_by(|a, b| a.0.cmp(&b.0));
                out
            }
            _ => vec![],
        }
    }
}
