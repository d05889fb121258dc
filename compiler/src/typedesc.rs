//! The run-time description of a `type` declaration (spec/types.md §5).
//!
//! A `type Name<G> = T` statement compiles to a call
//! `_ENV.types.define(desc, ref1, ref2, ...)`: `desc` is a compact string
//! written here from the AST, and each `refN` is the run-time value of a
//! type name the declaration mentions (another alias, `mod.Name`), resolved
//! by ordinary variable lookup. The stdlib (stdlib/src/types.rs) parses the
//! string once and builds the type value. Keeping the format a string keeps
//! the compiler free of any knowledge of the runtime's representation.
//!
//! Grammar (prefix, one tag byte per node; `n;` is a decimal count, `s` a
//! length-prefixed string `len:bytes`):
//! `desc := s(name) n;(params) s... Node`
//! `Node := p<c>` primitive | `S s` string literal | `I int;` | `F float;` |
//! `B0`/`B1` | `?Node` | `|n;Node...` | `&n;Node...` | `[Node` | `MNode Node` |
//! `Rn;(s(name) 0|1 Node)...` record | `Ln;Node...n;Node...` function |
//! `rIdx;n;Node...` external reference with args | `gIdx;` own parameter |
//! `@n;Node...` the alias itself with args | `Vn;(s(name) n;Lit...)... Node`
//! validators | `x s(message)` something the runtime cannot express.
//!
//! The same format describes the static type `typeof(e)` compiles to
//! (an empty name and no parameters: `types.define` then returns the bare
//! type rather than an alias).

use wlua_parser::ast::{Expr, ExprKind, Generic, Type, TypeAlias, TypeKind, UnOp};

/// A value the runtime must receive after the description.
#[derive(Clone, Copy)]
pub enum Ref<'a> {
    /// A type name, looked up as a variable (`mod.Name` through `mod`).
    Name {
        module: Option<&'a str>,
        name: &'a str,
    },
    /// `typeof(e)` inside a type: the type value `typeof(e)` gives where
    /// the declaration runs.
    Typeof(&'a Expr<'a>),
}

/// The description string and the names to pass after it. `generics`:
/// the type parameters of the enclosing functions (`any` at run time).
pub fn describe<'a>(a: &TypeAlias<'a>, generics: &[&'a str]) -> (Vec<u8>, Vec<Ref<'a>>) {
    let mut w = Writer {
        out: Vec::new(),
        refs: Vec::new(),
        name: Some(a.name),
        params: a.generics,
        fn_generics: Vec::new(),
        outer_generics: generics,
    };
    w.str(a.name.as_bytes());
    w.num(a.generics.len() as i64);
    for g in a.generics {
        w.str(g.name.as_bytes());
    }
    w.ty(a.ty);
    (w.out, w.refs)
}

/// The description of an anonymous type (an annotation, for `typeof`).
pub fn describe_type<'a>(t: &Type<'a>, generics: &[&'a str]) -> (Vec<u8>, Vec<Ref<'a>>) {
    let mut w = Writer {
        out: Vec::new(),
        refs: Vec::new(),
        name: None,
        params: &[],
        fn_generics: Vec::new(),
        outer_generics: generics,
    };
    w.str(b"");
    w.num(0);
    w.ty(t);
    (w.out, w.refs)
}

/// Whether `typeof` of a value annotated with `t` is the value's dynamic
/// type: `any`, `unknown` and a bare type parameter say nothing more.
pub fn is_dynamic(t: &Type<'_>, generics: &[&str]) -> bool {
    match t.kind {
        TypeKind::Named {
            module: None,
            name,
            args: [],
        } => name == "any" || name == "unknown" || generics.contains(&name),
        _ => false,
    }
}

/// The static type of `e!` given `e`'s: an optional's inner type; the
/// same type when it cannot hold nil; `None` when the result is not
/// known without normalising (an alias, a union).
pub fn non_nil<'a>(t: &'a Type<'a>) -> Option<&'a Type<'a>> {
    match t.kind {
        TypeKind::Optional(inner) => Some(inner),
        TypeKind::Nil | TypeKind::Union(_) | TypeKind::Intersection(_) | TypeKind::Typeof(_) => {
            None
        }
        TypeKind::Named {
            module: None,
            name,
            args: [],
        } => PRIMS
            .iter()
            .any(|(p, _)| *p == name && !matches!(name, "nil" | "any" | "unknown"))
            .then_some(t),
        TypeKind::Named { .. } => None,
        TypeKind::Validated(inner, _) => non_nil(inner).map(|_| t),
        _ => Some(t),
    }
}

struct Writer<'a, 'x> {
    out: Vec<u8>,
    refs: Vec<Ref<'a>>,
    /// The alias being described: its own name is a self-reference.
    name: Option<&'a str>,
    /// The alias's type parameters.
    params: &'x [Generic<'a>],
    /// Type parameters of enclosing function types: `any` at run time.
    fn_generics: Vec<&'a str>,
    /// Type parameters of the functions around the declaration: `any`.
    outer_generics: &'x [&'a str],
}

const PRIMS: &[(&str, u8)] = &[
    ("nil", b'n'),
    ("boolean", b'b'),
    ("number", b'N'),
    ("integer", b'i'),
    ("string", b's'),
    ("any", b'a'),
    ("unknown", b'u'),
    ("never", b'v'),
    ("error", b'e'),
    ("table", b't'),
    ("function", b'f'),
    ("thread", b'T'),
    ("userdata", b'U'),
];

impl<'a> Writer<'a, '_> {
    fn num(&mut self, n: i64) {
        self.out.extend_from_slice(n.to_string().as_bytes());
        self.out.push(b';');
    }
    fn str(&mut self, s: &[u8]) {
        self.out.extend_from_slice(s.len().to_string().as_bytes());
        self.out.push(b':');
        self.out.extend_from_slice(s);
    }
    fn list(&mut self, tag: u8, ts: &[Type<'a>]) {
        self.out.push(tag);
        self.num(ts.len() as i64);
        for t in ts {
            self.ty(t);
        }
    }
    fn unsupported(&mut self, msg: &str) {
        self.out.push(b'x');
        self.str(msg.as_bytes());
    }

    fn ty(&mut self, t: &Type<'a>) {
        match t.kind {
            TypeKind::Named { module, name, args } => self.named(module, name, args),
            TypeKind::Nil => self.out.extend_from_slice(b"pn"),
            TypeKind::LitStr(s) => {
                self.out.push(b'S');
                self.str(s);
            }
            TypeKind::LitInt(i) => {
                self.out.push(b'I');
                self.num(i);
            }
            TypeKind::LitFloat(f) => {
                self.out.push(b'F');
                self.out.extend_from_slice(format!("{f:?}").as_bytes());
                self.out.push(b';');
            }
            TypeKind::LitBool(b) => self.out.extend_from_slice(if b { b"B1" } else { b"B0" }),
            TypeKind::Optional(inner) => {
                self.out.push(b'?');
                self.ty(inner);
            }
            TypeKind::Union(ts) => self.list(b'|', ts),
            TypeKind::Intersection(ts) => self.list(b'&', ts),
            TypeKind::Array(e) => {
                self.out.push(b'[');
                self.ty(e);
            }
            TypeKind::Map(k, v) => {
                self.out.push(b'M');
                self.ty(k);
                self.ty(v);
            }
            TypeKind::Record(fields) => {
                self.out.push(b'R');
                self.num(fields.len() as i64);
                for f in fields {
                    self.str(f.name.as_bytes());
                    self.out.push(if f.optional { b'1' } else { b'0' });
                    self.ty(f.ty);
                }
            }
            TypeKind::Function {
                generics,
                params,
                variadic: _,
                rets,
                ret_variadic: _,
            } => {
                let n = self.fn_generics.len();
                self.fn_generics.extend(generics.iter().map(|g| g.name));
                self.out.push(b'L');
                self.num(params.len() as i64);
                for p in params {
                    self.ty(p.ty);
                }
                self.num(rets.len() as i64);
                for r in rets {
                    self.ty(r);
                }
                self.fn_generics.truncate(n);
            }
            TypeKind::Typeof(e) => {
                self.refs.push(Ref::Typeof(e));
                self.out.push(b'r');
                self.num(self.refs.len() as i64 - 1);
                self.num(0);
            }
            TypeKind::Validated(inner, vs) => {
                self.out.push(b'V');
                self.num(vs.len() as i64);
                for v in vs {
                    self.str(v.name.as_bytes());
                    self.num(v.args.len() as i64);
                    for arg in v.args {
                        self.lit_arg(arg);
                    }
                }
                self.ty(inner);
            }
        }
    }

    /// A validator argument: a constant literal (possibly negated).
    fn lit_arg(&mut self, e: &Expr<'a>) {
        match e.kind {
            ExprKind::Int(i) => {
                self.out.push(b'I');
                self.num(i);
            }
            ExprKind::Float(f) => {
                self.out.push(b'F');
                self.out.extend_from_slice(format!("{f:?}").as_bytes());
                self.out.push(b';');
            }
            ExprKind::Unary(UnOp::Neg, inner) => match inner.kind {
                ExprKind::Int(i) => {
                    self.out.push(b'I');
                    self.num(i.wrapping_neg());
                }
                ExprKind::Float(f) => {
                    self.out.push(b'F');
                    self.out.extend_from_slice(format!("{:?}", -f).as_bytes());
                    self.out.push(b';');
                }
                _ => self.unsupported("validator arguments must be constants"),
            },
            ExprKind::Str(s) => {
                self.out.push(b'S');
                self.str(s);
            }
            ExprKind::True => self.out.extend_from_slice(b"B1"),
            ExprKind::False => self.out.extend_from_slice(b"B0"),
            ExprKind::Paren(inner) => self.lit_arg(inner),
            _ => self.unsupported("validator arguments must be constants"),
        }
    }

    fn named(&mut self, module: Option<&'a str>, name: &'a str, args: &[Type<'a>]) {
        if module.is_none() {
            if args.is_empty() {
                if self.fn_generics.contains(&name) {
                    self.out.extend_from_slice(b"pa");
                    return;
                }
                if let Some(i) = self.params.iter().position(|g| g.name == name) {
                    self.out.push(b'g');
                    self.num(i as i64);
                    return;
                }
            }
            if Some(name) == self.name {
                self.list(b'@', args);
                return;
            }
            if args.is_empty() && self.outer_generics.contains(&name) {
                self.out.extend_from_slice(b"pa");
                return;
            }
            if args.is_empty()
                && let Some((_, c)) = PRIMS.iter().find(|(p, _)| *p == name)
            {
                self.out.push(b'p');
                self.out.push(*c);
                return;
            }
        }
        let idx = match self.refs.iter().position(
            |r| matches!(r, Ref::Name { module: m, name: n } if *m == module && *n == name),
        ) {
            Some(i) => i,
            None => {
                self.refs.push(Ref::Name { module, name });
                self.refs.len() - 1
            }
        };
        self.out.push(b'r');
        self.num(idx as i64);
        self.num(args.len() as i64);
        for a in args {
            self.ty(a);
        }
    }
}
