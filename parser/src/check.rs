//! The checks the reference makes while parsing that a grammar cannot: the
//! nesting limit (`LUAI_MAXCCALLS`, "C levels") and `...` outside a vararg
//! function. One iterative walk over the tree (an explicit work stack, so a
//! 100,000-long `a.b.c...` or `a + b + ...` chain costs heap, not Rust
//! stack). It only says whether the tree is fine; when it is not,
//! diagnose.rs re-reads the source to produce the reference's exact message.
//!
//! Levels follow lparser.c: every `statement` and every `subexpr` enters one
//! level. A statement at level S parses its expressions at S+1 and its
//! nested blocks' statements at S+1. Inside a `subexpr` at level E: a
//! binary operator's left operand stays at E (same loop), the right one is a
//! new `subexpr` at E+1; a unary operand, a parenthesised expression, a
//! bracket index, call arguments and table fields are at E+1; the function
//! being called or indexed stays at E. A run of labels nests (the reference's
//! `skipnoopstat` parses the next label from inside the previous one).
//! Types (not in the reference) count one level per nested type.
//!
//! The walk may overestimate (a `;` after a label run, types); diagnose.rs
//! has the last word, so an overestimate only costs a second read.

use crate::ast::*;

/// `LUAI_MAXCCALLS`.
pub const LIMIT: u32 = 200;

enum Work<'a> {
    Block(&'a Block<'a>, u32),
    Stat(&'a Stat<'a>, u32),
    Expr(&'a Expr<'a>, u32),
    Type(&'a Type<'a>, u32),
    Func(&'a FuncBody<'a>, u32),
    /// Leaving a function: pop its vararg flag.
    Leave,
}

/// Whether the tree respects the nesting limit and `...` rules, with the
/// main chunk's statements at level `base + 1`.
pub fn tree_ok(chunk: &Block<'_>, base: u32) -> bool {
    let mut stack: Vec<Work> = Vec::with_capacity(64);
    let mut vararg: Vec<bool> = Vec::with_capacity(16);
    vararg.push(true);
    stack.push(Work::Block(chunk, base + 1));
    while let Some(w) = stack.pop() {
        match w {
            Work::Leave => {
                vararg.pop();
            }
            Work::Func(f, level) => {
                vararg.push(f.is_vararg);
                stack.push(Work::Leave);
                push_func_types(&mut stack, f, level);
                stack.push(Work::Block(&f.body, level));
            }
            Work::Block(b, level) => {
                if let Some(r) = b.ret {
                    if level > LIMIT {
                        return false;
                    }
                    for e in r.exprs {
                        push_expr(&mut stack, e, level + 1);
                    }
                }
                let mut run = 0;
                for s in b.stats.iter().rev() {
                    stack.push(Work::Stat(s, level));
                }
                for s in b.stats {
                    if let StatKind::Label(_) = s.kind {
                        run += 1;
                        // Label i of a run is at level + i; a `;` after it
                        // could be one deeper.
                        if level + run > LIMIT {
                            return false;
                        }
                    } else {
                        run = 0;
                    }
                }
            }
            Work::Stat(s, level) => {
                if level > LIMIT {
                    return false;
                }
                let inner = level + 1;
                match s.kind {
                    StatKind::Local { names, exprs } => {
                        for n in names {
                            if let Some(t) = n.ty {
                                stack.push(Work::Type(t, inner));
                            }
                        }
                        exprs_at(&mut stack, exprs, inner);
                    }
                    StatKind::Assign { targets, exprs } => {
                        // The reference checks `nvars + nCcalls` per target.
                        if targets.len() as u32 - 1 + level > LIMIT {
                            return false;
                        }
                        exprs_at(&mut stack, targets, level);
                        exprs_at(&mut stack, exprs, inner);
                    }
                    StatKind::Call(e) => push_expr(&mut stack, e, level),
                    StatKind::Do(ref b) => stack.push(Work::Block(b, inner)),
                    StatKind::While { cond, ref body } => {
                        push_expr(&mut stack, cond, inner);
                        stack.push(Work::Block(body, inner));
                    }
                    StatKind::Repeat { ref body, cond } => {
                        push_expr(&mut stack, cond, inner);
                        stack.push(Work::Block(body, inner));
                    }
                    StatKind::If {
                        arms,
                        ref else_body,
                    } => {
                        for a in arms {
                            push_expr(&mut stack, a.cond, inner);
                            stack.push(Work::Block(&a.body, inner));
                        }
                        if let Some(b) = else_body {
                            stack.push(Work::Block(b, inner));
                        }
                    }
                    StatKind::NumFor {
                        start,
                        limit,
                        step,
                        ref body,
                        ..
                    } => {
                        push_expr(&mut stack, start, inner);
                        push_expr(&mut stack, limit, inner);
                        if let Some(e) = step {
                            push_expr(&mut stack, e, inner);
                        }
                        stack.push(Work::Block(body, inner));
                    }
                    StatKind::GenFor {
                        exprs, ref body, ..
                    } => {
                        exprs_at(&mut stack, exprs, inner);
                        stack.push(Work::Block(body, inner));
                    }
                    StatKind::Function { func, .. } | StatKind::LocalFunction { func, .. } => {
                        stack.push(Work::Func(func, inner));
                    }
                    StatKind::TypeAlias(a) => {
                        push_generics(&mut stack, a.generics, inner);
                        stack.push(Work::Type(a.ty, inner));
                    }
                    StatKind::Break | StatKind::Goto(_) | StatKind::Label(_) => {}
                }
            }
            Work::Expr(e, level) => {
                if level > LIMIT {
                    return false;
                }
                let inner = level + 1;
                match e.kind {
                    ExprKind::Vararg => {
                        if vararg.last() != Some(&true) {
                            return false;
                        }
                    }
                    ExprKind::Function(f) => stack.push(Work::Func(f, inner)),
                    ExprKind::Table(fields) => fields_at(&mut stack, fields, inner),
                    ExprKind::Binary(_, a, b) => {
                        push_expr(&mut stack, b, inner);
                        push_expr(&mut stack, a, level);
                    }
                    ExprKind::Unary(_, a) | ExprKind::Paren(a) => push_expr(&mut stack, a, inner),
                    ExprKind::Index(obj, key) => {
                        // `t[k]` parses `k` in a new subexpr; `t.k` does not.
                        if e.span.end > key.span.end {
                            push_expr(&mut stack, key, inner);
                        }
                        push_expr(&mut stack, obj, level);
                    }
                    ExprKind::Call(f, args) | ExprKind::MethodCall(f, _, args) => {
                        args_at(&mut stack, e, args, level);
                        push_expr(&mut stack, f, level);
                    }
                    ExprKind::Cast(x, t) => {
                        stack.push(Work::Type(t, level));
                        push_expr(&mut stack, x, level);
                    }
                    ExprKind::NonNil(x) => push_expr(&mut stack, x, level),
                    ExprKind::Nil
                    | ExprKind::True
                    | ExprKind::False
                    | ExprKind::Int(_)
                    | ExprKind::Float(_)
                    | ExprKind::Str(_)
                    | ExprKind::Name(_) => {}
                }
            }
            Work::Type(t, level) => {
                if level > LIMIT {
                    return false;
                }
                // Overestimates (two levels per nesting) where the tree no
                // longer shows the parentheses the source had.
                let inner = level + 2;
                match t.kind {
                    TypeKind::Named { args, .. } => {
                        for a in args {
                            stack.push(Work::Type(a, inner));
                        }
                    }
                    TypeKind::Optional(x) => stack.push(Work::Type(x, level)),
                    TypeKind::Union(ts) | TypeKind::Intersection(ts) => {
                        for a in ts {
                            stack.push(Work::Type(a, level));
                        }
                    }
                    TypeKind::Array(x) => stack.push(Work::Type(x, inner)),
                    TypeKind::Map(k, v) => {
                        stack.push(Work::Type(k, inner));
                        stack.push(Work::Type(v, inner));
                    }
                    TypeKind::Record(fields) => {
                        for f in fields {
                            stack.push(Work::Type(f.ty, inner));
                        }
                    }
                    TypeKind::Function {
                        generics,
                        params,
                        variadic,
                        rets,
                        ret_variadic,
                    } => {
                        push_generics(&mut stack, generics, inner);
                        for p in params {
                            stack.push(Work::Type(p.ty, inner));
                        }
                        for r in rets {
                            stack.push(Work::Type(r, inner));
                        }
                        for x in [variadic, ret_variadic].into_iter().flatten() {
                            stack.push(Work::Type(x, inner));
                        }
                    }
                    TypeKind::Typeof(e) => push_expr(&mut stack, e, inner),
                    TypeKind::Validated(x, vs) => {
                        for v in vs {
                            exprs_at(&mut stack, v.args, inner);
                        }
                        stack.push(Work::Type(x, level));
                    }
                    TypeKind::Nil
                    | TypeKind::LitStr(_)
                    | TypeKind::LitInt(_)
                    | TypeKind::LitFloat(_)
                    | TypeKind::LitBool(_) => {}
                }
            }
        }
    }
    true
}

fn exprs_at<'a>(stack: &mut Vec<Work<'a>>, es: &'a [Expr<'a>], level: u32) {
    for e in es.iter().rev() {
        push_expr(stack, e, level);
    }
}

/// Pushes an expression to visit; leaves (but `...`) have nothing to visit
/// and go on the stack only when they break the limit, to be rejected.
#[inline]
fn push_expr<'a>(stack: &mut Vec<Work<'a>>, e: &'a Expr<'a>, level: u32) {
    let leaf = matches!(
        e.kind,
        ExprKind::Nil
            | ExprKind::True
            | ExprKind::False
            | ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Str(_)
            | ExprKind::Name(_)
    );
    if !leaf || level > LIMIT {
        stack.push(Work::Expr(e, level));
    }
}

fn fields_at<'a>(stack: &mut Vec<Work<'a>>, fields: &'a [Field<'a>], level: u32) {
    for f in fields.iter().rev() {
        match f {
            Field::Positional(e) | Field::Named(_, e) => push_expr(stack, e, level),
            Field::Keyed(k, v) => {
                push_expr(stack, v, level);
                push_expr(stack, k, level);
            }
        }
    }
}

/// Call arguments: `f(a, b)` parses each at level + 1; `f{...}` and
/// `f"s"` parse the constructor or string at the call's own level.
fn args_at<'a>(stack: &mut Vec<Work<'a>>, call: &Expr<'a>, args: &'a [Expr<'a>], level: u32) {
    if let [arg] = args
        && call.span.end == arg.span.end
    {
        if let ExprKind::Table(fields) = arg.kind {
            fields_at(stack, fields, level + 1);
        }
        return;
    }
    exprs_at(stack, args, level + 1);
}

fn push_generics<'a>(stack: &mut Vec<Work<'a>>, gs: &'a [Generic<'a>], level: u32) {
    for g in gs {
        if let Some(b) = g.bound {
            stack.push(Work::Type(b, level));
        }
    }
}

fn push_func_types<'a>(stack: &mut Vec<Work<'a>>, f: &'a FuncBody<'a>, level: u32) {
    push_generics(stack, f.generics, level);
    for p in f.params {
        if let Some(t) = p.ty {
            stack.push(Work::Type(t, level));
        }
    }
    if let Some(t) = f.vararg_ty {
        stack.push(Work::Type(t, level));
    }
    for t in f.ret_tys.unwrap_or(&[]) {
        stack.push(Work::Type(t, level));
    }
}
