//! A small S-expression rendering of the tree, for tests (recursive: only
//! for small trees).

use crate::ast::*;

pub fn sexpr(b: &Block) -> String {
    let mut out = String::new();
    block(&mut out, b);
    out
}

fn block(o: &mut String, b: &Block) {
    let mut first = true;
    for s in b.stats {
        if !first {
            o.push(' ');
        }
        first = false;
        stat(o, s);
    }
    if let Some(r) = b.ret {
        if !first {
            o.push(' ');
        }
        o.push_str("(return");
        for e in r.exprs {
            o.push(' ');
            expr(o, e);
        }
        o.push(')');
    }
}

fn list(o: &mut String, es: &[Expr]) {
    o.push('(');
    for (i, e) in es.iter().enumerate() {
        if i > 0 {
            o.push(' ');
        }
        expr(o, e);
    }
    o.push(')');
}

fn names(o: &mut String, ns: &[LocalName]) {
    o.push('(');
    for (i, n) in ns.iter().enumerate() {
        if i > 0 {
            o.push(' ');
        }
        o.push_str(n.name);
        if let Some(t) = n.ty {
            o.push(':');
            ty(o, t);
        }
    }
    o.push(')');
}

fn body(o: &mut String, b: &Block) {
    o.push_str(" (");
    block(o, b);
    o.push(')');
}

fn stat(o: &mut String, s: &Stat) {
    match s.kind {
        StatKind::Local { names: ns, exprs } => {
            o.push_str("(local ");
            names(o, ns);
            if !exprs.is_empty() {
                o.push(' ');
                list(o, exprs);
            }
            o.push(')');
        }
        StatKind::Assign { targets, exprs } => {
            o.push_str("(= ");
            list(o, targets);
            o.push(' ');
            list(o, exprs);
            o.push(')');
        }
        StatKind::Call(e) => expr(o, e),
        StatKind::Do(ref b) => {
            o.push_str("(do");
            body(o, b);
            o.push(')');
        }
        StatKind::While { cond, body: ref b } => {
            o.push_str("(while ");
            expr(o, cond);
            body(o, b);
            o.push(')');
        }
        StatKind::Repeat { body: ref b, cond } => {
            o.push_str("(repeat");
            body(o, b);
            o.push(' ');
            expr(o, cond);
            o.push(')');
        }
        StatKind::If {
            arms,
            ref else_body,
        } => {
            o.push_str("(if");
            for a in arms {
                o.push(' ');
                expr(o, a.cond);
                body(o, &a.body);
            }
            if let Some(b) = else_body {
                o.push_str(" else");
                body(o, b);
            }
            o.push(')');
        }
        StatKind::NumFor {
            var,
            start,
            limit,
            step,
            body: ref b,
        } => {
            o.push_str("(for ");
            o.push_str(var.name);
            o.push(' ');
            expr(o, start);
            o.push(' ');
            expr(o, limit);
            if let Some(st) = step {
                o.push(' ');
                expr(o, st);
            }
            body(o, b);
            o.push(')');
        }
        StatKind::GenFor {
            names: ns,
            exprs,
            body: ref b,
        } => {
            o.push_str("(forin ");
            names(o, ns);
            o.push(' ');
            list(o, exprs);
            body(o, b);
            o.push(')');
        }
        StatKind::Function { ref name, func } => {
            o.push_str("(function ");
            o.push_str(name.base);
            for f in name.fields {
                o.push('.');
                o.push_str(f);
            }
            if let Some(m) = name.method {
                o.push(':');
                o.push_str(m);
            }
            funcbody(o, func);
            o.push(')');
        }
        StatKind::LocalFunction { name, func } => {
            o.push_str("(localfunction ");
            o.push_str(name.name);
            funcbody(o, func);
            o.push(')');
        }
        StatKind::Break => o.push_str("(break)"),
        StatKind::Goto(n) => {
            o.push_str("(goto ");
            o.push_str(n);
            o.push(')');
        }
        StatKind::Label(n) => {
            o.push_str("(label ");
            o.push_str(n);
            o.push(')');
        }
        StatKind::TypeAlias(a) => {
            o.push_str(if a.exported {
                "(export-type "
            } else {
                "(type "
            });
            o.push_str(a.name);
            generics(o, a.generics);
            o.push(' ');
            ty(o, a.ty);
            o.push(')');
        }
    }
}

fn generics(o: &mut String, gs: &[Generic]) {
    if gs.is_empty() {
        return;
    }
    o.push('<');
    for (i, g) in gs.iter().enumerate() {
        if i > 0 {
            o.push(' ');
        }
        o.push_str(g.name);
        if let Some(b) = g.bound {
            o.push(':');
            ty(o, b);
        }
    }
    o.push('>');
}

fn funcbody(o: &mut String, f: &FuncBody) {
    generics(o, f.generics);
    o.push_str(" (");
    for (i, p) in f.params.iter().enumerate() {
        if i > 0 {
            o.push(' ');
        }
        o.push_str(p.name);
        if let Some(t) = p.ty {
            o.push(':');
            ty(o, t);
        }
    }
    if f.is_vararg {
        if !f.params.is_empty() {
            o.push(' ');
        }
        o.push_str("...");
        if let Some(t) = f.vararg_ty {
            o.push(':');
            ty(o, t);
        }
    }
    o.push(')');
    if let Some(rs) = f.ret_tys {
        o.push_str(" ->(");
        for (i, t) in rs.iter().enumerate() {
            if i > 0 {
                o.push(' ');
            }
            ty(o, t);
        }
        o.push(')');
    }
    body(o, &f.body);
}

fn binop(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mul => "*",
        BinOp::Div => "/",
        BinOp::IDiv => "//",
        BinOp::Mod => "%",
        BinOp::Pow => "^",
        BinOp::Concat => "..",
        BinOp::Eq => "==",
        BinOp::Ne => "~=",
        BinOp::Lt => "<",
        BinOp::Le => "<=",
        BinOp::Gt => ">",
        BinOp::Ge => ">=",
        BinOp::And => "and",
        BinOp::Or => "or",
        BinOp::BAnd => "&",
        BinOp::BOr => "|",
        BinOp::BXor => "~",
        BinOp::Shl => "<<",
        BinOp::Shr => ">>",
    }
}

pub fn expr(o: &mut String, e: &Expr) {
    match e.kind {
        ExprKind::Nil => o.push_str("nil"),
        ExprKind::True => o.push_str("true"),
        ExprKind::False => o.push_str("false"),
        ExprKind::Vararg => o.push_str("..."),
        ExprKind::Int(i) => o.push_str(&i.to_string()),
        ExprKind::Float(f) => o.push_str(&format!("{f:?}")),
        ExprKind::Str(s) => o.push_str(&format!("{:?}", String::from_utf8_lossy(s))),
        ExprKind::Function(f) => {
            o.push_str("(fn");
            funcbody(o, f);
            o.push(')');
        }
        ExprKind::Table(fields) => {
            o.push_str("(table");
            for f in fields {
                o.push(' ');
                match f {
                    Field::Positional(e) => expr(o, e),
                    Field::Named(n, e) => {
                        o.push_str(n);
                        o.push('=');
                        expr(o, e);
                    }
                    Field::Keyed(k, v) => {
                        o.push('[');
                        expr(o, k);
                        o.push_str("]=");
                        expr(o, v);
                    }
                }
            }
            o.push(')');
        }
        ExprKind::Binary(op, a, b) => {
            o.push('(');
            o.push_str(binop(op));
            o.push(' ');
            expr(o, a);
            o.push(' ');
            expr(o, b);
            o.push(')');
        }
        ExprKind::Unary(op, a) => {
            o.push_str(match op {
                UnOp::Neg => "(neg ",
                UnOp::Not => "(not ",
                UnOp::Len => "(len ",
                UnOp::BNot => "(bnot ",
            });
            expr(o, a);
            o.push(')');
        }
        ExprKind::Name(n) => o.push_str(n),
        ExprKind::Index(obj, key) => {
            o.push_str("(index ");
            expr(o, obj);
            o.push(' ');
            expr(o, key);
            o.push(')');
        }
        ExprKind::Call(f, args) => {
            o.push_str("(call ");
            expr(o, f);
            for a in args {
                o.push(' ');
                expr(o, a);
            }
            o.push(')');
        }
        ExprKind::MethodCall(obj, name, args) => {
            o.push_str("(method ");
            expr(o, obj);
            o.push(' ');
            o.push_str(name);
            for a in args {
                o.push(' ');
                expr(o, a);
            }
            o.push(')');
        }
        ExprKind::Paren(e) => {
            o.push_str("(paren ");
            expr(o, e);
            o.push(')');
        }
        ExprKind::Cast(e, t) => {
            o.push_str("(cast ");
            expr(o, e);
            o.push(' ');
            ty(o, t);
            o.push(')');
        }
        ExprKind::NonNil(e) => {
            o.push_str("(! ");
            expr(o, e);
            o.push(')');
        }
    }
}

pub fn ty(o: &mut String, t: &Type) {
    match t.kind {
        TypeKind::Named { module, name, args } => {
            if let Some(m) = module {
                o.push_str(m);
                o.push('.');
            }
            o.push_str(name);
            if !args.is_empty() {
                o.push('<');
                for (i, a) in args.iter().enumerate() {
                    if i > 0 {
                        o.push(' ');
                    }
                    ty(o, a);
                }
                o.push('>');
            }
        }
        TypeKind::Nil => o.push_str("nil"),
        TypeKind::LitStr(s) => o.push_str(&format!("{:?}", String::from_utf8_lossy(s))),
        TypeKind::LitInt(i) => o.push_str(&i.to_string()),
        TypeKind::LitFloat(f) => o.push_str(&format!("{f:?}")),
        TypeKind::LitBool(b) => o.push_str(if b { "true" } else { "false" }),
        TypeKind::Optional(x) => {
            o.push_str("(opt ");
            ty(o, x);
            o.push(')');
        }
        TypeKind::Union(ts) | TypeKind::Intersection(ts) => {
            o.push_str(if matches!(t.kind, TypeKind::Union(_)) {
                "(union"
            } else {
                "(inter"
            });
            for x in ts {
                o.push(' ');
                ty(o, x);
            }
            o.push(')');
        }
        TypeKind::Array(x) => {
            o.push_str("(array ");
            ty(o, x);
            o.push(')');
        }
        TypeKind::Map(k, v) => {
            o.push_str("(map ");
            ty(o, k);
            o.push(' ');
            ty(o, v);
            o.push(')');
        }
        TypeKind::Record(fields) => {
            o.push_str("(record");
            for f in fields {
                o.push(' ');
                o.push_str(f.name);
                o.push_str(if f.optional { "?:" } else { ":" });
                ty(o, f.ty);
            }
            o.push(')');
        }
        TypeKind::Function {
            generics: gs,
            params,
            variadic,
            rets,
            ret_variadic,
        } => {
            o.push_str("(fntype");
            generics(o, gs);
            o.push_str(" (");
            for (i, p) in params.iter().enumerate() {
                if i > 0 {
                    o.push(' ');
                }
                if let Some(n) = p.name {
                    o.push_str(n);
                    o.push(':');
                }
                ty(o, p.ty);
            }
            if let Some(v) = variadic {
                o.push_str(" ...");
                ty(o, v);
            }
            o.push_str(") (");
            for (i, r) in rets.iter().enumerate() {
                if i > 0 {
                    o.push(' ');
                }
                ty(o, r);
            }
            if let Some(v) = ret_variadic {
                o.push_str(" ...");
                ty(o, v);
            }
            o.push_str("))");
        }
        TypeKind::Typeof(e) => {
            o.push_str("(typeof ");
            expr(o, e);
            o.push(')');
        }
        TypeKind::Validated(x, vs) => {
            o.push_str("(valid ");
            ty(o, x);
            for v in vs {
                o.push_str(" @");
                o.push_str(v.name);
                list(o, v.args);
            }
            o.push(')');
        }
    }
}
