//! Node builders called by the grammar's actions (grammar.lalrpop), so the
//! grammar file stays a grammar. Everything is allocated in the arena.
//!
//! Frequent lists (statements, expressions, table fields, operator runs)
//! are built on scratch stacks in `Cx` and copied into the arena once, at
//! their exact size: an LR parser completes an inner list before the list
//! around it grows again, so each scratch stack is used last-in first-out.
//! Rare lists are bumpalo vectors. Parser stack values are kept small (big
//! nodes go to the arena or straight onto a scratch stack): every shift and
//! reduction moves them.
//!
//! The builders that can fail (a parenthesised type list where one type is
//! expected) return `ParseFail`: the exact message is then
//! produced by diagnose.rs.

use std::cell::RefCell;
use std::marker::PhantomData;

use bumpalo::Bump;
use bumpalo::collections::Vec as BVec;
use lalrpop_util::ParseError;

use crate::ast::*;
use crate::tokens::{ParseFail, Pos, Tok};

pub type PResult<'a, T> = Result<T, ParseError<Pos, Tok<'a>, ParseFail>>;

#[cold]
pub fn fail<'a, T>(at: u32) -> PResult<'a, T> {
    Err(ParseError::User {
        error: ParseFail { at },
    })
}

#[inline]
pub fn span(l: Pos, r: Pos) -> Span {
    Span {
        start: l.off,
        end: r.off,
    }
}

#[inline]
fn join(a: Span, b: Span) -> Span {
    Span {
        start: a.start,
        end: b.end,
    }
}

#[inline]
pub fn vec1<T>(arena: &Bump, x: T) -> BVec<'_, T> {
    let mut v = BVec::with_capacity_in(1, arena);
    v.push(x);
    v
}

/// Scratch stacks for lists under construction.
pub struct Cx<'a> {
    arena: &'a Bump,
    stats: RefCell<Vec<Stat<'a>>>,
    exprs: RefCell<Vec<Expr<'a>>>,
    fields: RefCell<Vec<Field<'a>>>,
    ops: RefCell<Vec<(BinOp, Pos, Expr<'a>)>>,
    /// Operator stack of `Bin::finish`.
    pending: RefCell<Vec<(BinOp, Pos)>>,
}

/// A list under construction: `len` elements from `start` on its scratch
/// stack.
pub struct List<T> {
    start: u32,
    len: u32,
    _t: PhantomData<fn() -> T>,
}

impl<T> Clone for List<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for List<T> {}

impl<T> List<T> {
    fn at(start: usize, len: usize) -> List<T> {
        List {
            start: start as u32,
            len: len as u32,
            _t: PhantomData,
        }
    }
    fn end(self) -> usize {
        (self.start + self.len) as usize
    }
    /// The element a child action just pushed joins the list.
    #[inline]
    pub fn grow(mut self) -> List<T> {
        self.len += 1;
        self
    }
}

/// Element types with a scratch stack.
pub trait Scratch<'a>: Copy + 'a {
    fn stack<'c>(cx: &'c Cx<'a>) -> &'c RefCell<Vec<Self>>;
}

impl<'a> Scratch<'a> for Stat<'a> {
    fn stack<'c>(cx: &'c Cx<'a>) -> &'c RefCell<Vec<Self>> {
        &cx.stats
    }
}
impl<'a> Scratch<'a> for Expr<'a> {
    fn stack<'c>(cx: &'c Cx<'a>) -> &'c RefCell<Vec<Self>> {
        &cx.exprs
    }
}
impl<'a> Scratch<'a> for Field<'a> {
    fn stack<'c>(cx: &'c Cx<'a>) -> &'c RefCell<Vec<Self>> {
        &cx.fields
    }
}
impl<'a> Scratch<'a> for (BinOp, Pos, Expr<'a>) {
    fn stack<'c>(cx: &'c Cx<'a>) -> &'c RefCell<Vec<Self>> {
        &cx.ops
    }
}

impl<'a> Cx<'a> {
    pub fn new(arena: &'a Bump) -> Cx<'a> {
        Cx {
            arena,
            stats: RefCell::new(Vec::with_capacity(64)),
            exprs: RefCell::new(Vec::with_capacity(64)),
            fields: RefCell::new(Vec::with_capacity(64)),
            ops: RefCell::new(Vec::with_capacity(16)),
            pending: RefCell::new(Vec::with_capacity(16)),
        }
    }

    /// An empty list at the top of `T`'s stack.
    #[inline]
    pub fn open<T: Scratch<'a>>(&self) -> List<T> {
        List::at(T::stack(self).borrow().len(), 0)
    }

    #[inline]
    pub fn list1<T: Scratch<'a>>(&self, x: T) -> List<T> {
        let mut s = T::stack(self).borrow_mut();
        s.push(x);
        List::at(s.len() - 1, 1)
    }

    /// The element a child action just pushed, as a list.
    #[inline]
    pub fn last_one<T: Scratch<'a>>(&self) -> List<T> {
        let n = T::stack(self).borrow().len();
        List::at(n.saturating_sub(1), 1)
    }

    #[inline]
    pub fn push<T: Scratch<'a>>(&self, l: List<T>, x: T) -> List<T> {
        let mut s = T::stack(self).borrow_mut();
        // Anything above the list was left by an unfinished inner list.
        s.truncate(l.end());
        s.push(x);
        l.grow()
    }

    /// Pushes onto `T`'s stack for the list being built around it.
    #[inline]
    pub fn put<T: Scratch<'a>>(&self, x: T) {
        T::stack(self).borrow_mut().push(x);
    }

    /// Copies the list into the arena and pops it.
    #[inline]
    pub fn finish<T: Scratch<'a>>(&self, l: List<T>) -> &'a [T] {
        let mut s = T::stack(self).borrow_mut();
        let out = match s.get(l.start as usize..l.end()) {
            Some(xs) if !xs.is_empty() => &*self.arena.alloc_slice_copy(xs),
            _ => &[],
        };
        s.truncate(l.start as usize);
        out
    }
}

#[inline]
pub fn vec2<T>(arena: &Bump, x: T, y: T) -> BVec<'_, T> {
    let mut v = BVec::with_capacity_in(2, arena);
    v.push(x);
    v.push(y);
    v
}

#[inline]
pub fn push<T>(mut v: BVec<'_, T>, x: T) -> BVec<'_, T> {
    v.push(x);
    v
}

#[inline]
pub fn one<T>(arena: &Bump, x: T) -> &[T] {
    std::slice::from_ref(arena.alloc(x))
}

// ---------------------------------------------------------------------------
// Statements and blocks

#[inline]
pub fn stat(kind: StatKind<'_>, l: Pos, r: Pos) -> Stat<'_> {
    Stat {
        kind,
        line: l.line,
        span: span(l, r),
    }
}

pub fn block<'a>(cx: &Cx<'a>, stats: List<Stat<'a>>, ret: Option<&'a Return<'a>>) -> Block<'a> {
    Block {
        stats: cx.finish(stats),
        ret,
        end_line: 0,
    }
}

/// Sets the line of the token that closes a block.
#[inline]
pub fn close(mut b: Block<'_>, closer: Pos) -> Block<'_> {
    b.end_line = closer.line;
    b
}

pub fn ret<'a>(arena: &'a Bump, exprs: &'a [Expr<'a>], l: Pos, r: Pos) -> &'a Return<'a> {
    arena.alloc(Return {
        exprs,
        line: l.line,
        span: span(l, r),
    })
}

pub fn assign<'a>(
    cx: &Cx<'a>,
    targets: List<Expr<'a>>,
    exprs: List<Expr<'a>>,
    l: Pos,
    r: Pos,
) -> Stat<'a> {
    let exprs = cx.finish(exprs);
    let targets = cx.finish(targets);
    stat(StatKind::Assign { targets, exprs }, l, r)
}

pub fn local_name<'a>(name: &'a str, ty: Option<&'a Type<'a>>, l: Pos, r: Pos) -> LocalName<'a> {
    LocalName {
        name,
        ty,
        line: l.line,
        span: span(l, r),
    }
}

pub fn push_arm<'a>(
    arena: &'a Bump,
    mut arms: BVec<'a, IfArm<'a>>,
    l: Pos,
    cond: Expr<'a>,
    body: Block<'a>,
) -> BVec<'a, IfArm<'a>> {
    if let Some(last) = arms.last_mut() {
        last.body.end_line = l.line;
    }
    arms.push(IfArm {
        cond: arena.alloc(cond),
        body,
        line: l.line,
    });
    arms
}

pub fn if_stat<'a>(
    mut arms: BVec<'a, IfArm<'a>>,
    els: Option<(Pos, Block<'a>)>,
    end: Pos,
    l: Pos,
    r: Pos,
) -> Stat<'a> {
    if let Some(last) = arms.last_mut() {
        last.body.end_line = els.as_ref().map_or(end.line, |(p, _)| p.line);
    }
    let else_body = els.map(|(_, b)| close(b, end));
    stat(
        StatKind::If {
            arms: arms.into_bump_slice(),
            else_body,
        },
        l,
        r,
    )
}

pub type FuncPath<'a> = (&'a str, Span, BVec<'a, &'a str>);

pub fn func_name<'a>(p: FuncPath<'a>, method: Option<&'a str>) -> FuncName<'a> {
    FuncName {
        base: p.0,
        base_span: p.1,
        fields: p.2.into_bump_slice(),
        method,
    }
}

pub type ParList<'a> = (BVec<'a, Param<'a>>, bool, Option<&'a Type<'a>>);

#[allow(clippy::too_many_arguments)]
pub fn func_body<'a>(
    arena: &'a Bump,
    generics: Option<&'a [Generic<'a>]>,
    params: ParList<'a>,
    ret_tys: Option<&'a [Type<'a>]>,
    body: Block<'a>,
    l: Pos,
    end: Pos,
    r: Pos,
) -> &'a mut FuncBody<'a> {
    arena.alloc(FuncBody {
        generics: generics.unwrap_or(&[]),
        params: params.0.into_bump_slice(),
        is_vararg: params.1,
        vararg_ty: params.2,
        ret_tys,
        body: close(body, end),
        line: l.line,
        end_line: end.line,
        span: span(l, r),
    })
}

pub fn alias<'a>(
    arena: &'a Bump,
    exported: bool,
    a: (&'a str, Option<&'a [Generic<'a>]>, &'a Type<'a>),
    l: Pos,
    r: Pos,
) -> Stat<'a> {
    let ta = arena.alloc(TypeAlias {
        exported,
        name: a.0,
        generics: a.1.unwrap_or(&[]),
        ty: a.2,
    });
    stat(StatKind::TypeAlias(ta), l, r)
}

// ---------------------------------------------------------------------------
// Expressions

/// A suffixed expression and the line where its chain starts (calls in a
/// chain take that line, as `suffixedexp` in lparser.c does).
#[derive(Clone, Copy, Debug)]
pub struct Suf<'a> {
    pub e: Expr<'a>,
    pub line: u32,
}

#[inline]
pub fn leaf(kind: ExprKind<'_>, l: Pos, r: Pos) -> Expr<'_> {
    Expr {
        kind,
        line: l.line,
        span: span(l, r),
    }
}

pub fn bin<'a>(arena: &'a Bump, op: BinOp, a: Expr<'a>, at: Pos, b: Expr<'a>) -> Expr<'a> {
    let sp = join(a.span, b.span);
    Expr {
        kind: ExprKind::Binary(op, arena.alloc(a), arena.alloc(b)),
        line: at.line,
        span: sp,
    }
}

/// Priorities (left, right) of binary operators, lparser.c's `priority`:
/// an operator binds tighter on a side with the higher number; `..` is
/// right associative ((9, 8)). `^` is handled by the grammar.
fn priority(op: BinOp) -> (u8, u8) {
    match op {
        BinOp::Add | BinOp::Sub => (10, 10),
        BinOp::Mul | BinOp::Div | BinOp::IDiv | BinOp::Mod => (11, 11),
        BinOp::Pow => (14, 13),
        BinOp::BAnd => (6, 6),
        BinOp::BOr => (4, 4),
        BinOp::BXor => (5, 5),
        BinOp::Shl | BinOp::Shr => (7, 7),
        BinOp::Concat => (9, 8),
        BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => (3, 3),
        BinOp::And => (2, 2),
        BinOp::Or => (1, 1),
    }
}

/// A flat run of operands and binary operators, as read by the grammar.
pub struct Bin<'a> {
    first: Expr<'a>,
    /// The (operator, operand) pairs after `first`; empty for a lone operand.
    rest: List<(BinOp, Pos, Expr<'a>)>,
}

impl<'a> Bin<'a> {
    #[inline]
    pub fn one(e: Expr<'a>) -> Bin<'a> {
        Bin {
            first: e,
            rest: List::at(0, 0),
        }
    }

    #[inline]
    pub fn push(mut self, cx: &Cx<'a>, op: (BinOp, Pos), e: Expr<'a>) -> Bin<'a> {
        self.rest = if self.rest.len == 0 {
            cx.list1((op.0, op.1, e))
        } else {
            cx.push(self.rest, (op.0, op.1, e))
        };
        self
    }

    /// Builds the tree by precedence (shunting-yard, no recursion): an
    /// incoming operator first reduces the pending ones whose right
    /// priority is at least its left priority, as `subexpr` would have
    /// returned to them.
    pub fn finish(self, cx: &Cx<'a>) -> Expr<'a> {
        if self.rest.len == 0 {
            return self.first;
        }
        let arena = cx.arena;
        let mut ops = cx.ops.borrow_mut();
        let start = self.rest.start as usize;
        if self.rest.len == 1 {
            let r = ops.get(start).copied();
            ops.truncate(start);
            return match r {
                Some((op, at, b)) => bin(arena, op, self.first, at, b),
                None => self.first,
            };
        }
        let mut operands = cx.exprs.borrow_mut();
        let mut pending = cx.pending.borrow_mut();
        let base = operands.len();
        let pbase = pending.len();
        operands.push(self.first);
        for i in start..self.rest.end().min(ops.len()) {
            let (op, at, e) = ops[i];
            let left = priority(op).0;
            while pending.len() > pbase {
                let (top, top_at) = pending[pending.len() - 1];
                if priority(top).1 < left {
                    break;
                }
                pending.pop();
                reduce(arena, &mut operands, top, top_at);
            }
            pending.push((op, at));
            operands.push(e);
        }
        while pending.len() > pbase {
            if let Some((top, top_at)) = pending.pop() {
                reduce(arena, &mut operands, top, top_at);
            }
        }
        let result = operands.pop().unwrap_or(self.first);
        operands.truncate(base);
        ops.truncate(start);
        result
    }
}

fn reduce<'a>(arena: &'a Bump, operands: &mut Vec<Expr<'a>>, op: BinOp, at: Pos) {
    if let (Some(b), Some(a)) = (operands.pop(), operands.pop()) {
        operands.push(bin(arena, op, a, at, b));
    }
}

pub fn unary<'a>(arena: &'a Bump, op: (UnOp, Pos), e: Expr<'a>) -> Expr<'a> {
    let sp = Span {
        start: op.1.off,
        end: e.span.end,
    };
    Expr {
        kind: ExprKind::Unary(op.0, arena.alloc(e)),
        line: op.1.line,
        span: sp,
    }
}

pub fn name_suf<'a>(n: &'a str, l: Pos, r: Pos) -> Suf<'a> {
    Suf {
        e: leaf(ExprKind::Name(n), l, r),
        line: l.line,
    }
}

pub fn paren<'a>(arena: &'a Bump, e: Expr<'a>, l: Pos, r: Pos) -> Suf<'a> {
    Suf {
        e: Expr {
            kind: ExprKind::Paren(arena.alloc(e)),
            line: l.line,
            span: span(l, r),
        },
        line: l.line,
    }
}

/// `s.name`: the key is a string constant spanning the name.
pub fn index_name<'a>(
    arena: &'a Bump,
    s: Suf<'a>,
    name: &'a str,
    dot: Pos,
    nl: Pos,
    r: Pos,
) -> Suf<'a> {
    let key = leaf(ExprKind::Str(name.as_bytes()), nl, r);
    let e = Expr {
        kind: ExprKind::Index(arena.alloc(s.e), arena.alloc(key)),
        line: dot.line,
        span: Span {
            start: s.e.span.start,
            end: r.off,
        },
    };
    Suf { e, line: s.line }
}

pub fn index<'a>(arena: &'a Bump, s: Suf<'a>, key: Expr<'a>, bracket: Pos, r: Pos) -> Suf<'a> {
    let e = Expr {
        kind: ExprKind::Index(arena.alloc(s.e), arena.alloc(key)),
        line: bracket.line,
        span: Span {
            start: s.e.span.start,
            end: r.off,
        },
    };
    Suf { e, line: s.line }
}

pub fn call<'a>(arena: &'a Bump, s: Suf<'a>, args: &'a [Expr<'a>], r: Pos) -> Suf<'a> {
    let e = Expr {
        kind: ExprKind::Call(arena.alloc(s.e), args),
        line: s.line,
        span: Span {
            start: s.e.span.start,
            end: r.off,
        },
    };
    Suf { e, line: s.line }
}

pub fn method<'a>(
    arena: &'a Bump,
    s: Suf<'a>,
    name: &'a str,
    args: &'a [Expr<'a>],
    r: Pos,
) -> Suf<'a> {
    let e = Expr {
        kind: ExprKind::MethodCall(arena.alloc(s.e), name, args),
        line: s.line,
        span: Span {
            start: s.e.span.start,
            end: r.off,
        },
    };
    Suf { e, line: s.line }
}

pub fn nonnil<'a>(arena: &'a Bump, s: Suf<'a>, bang: Pos, r: Pos) -> Suf<'a> {
    let e = Expr {
        kind: ExprKind::NonNil(arena.alloc(s.e)),
        line: bang.line,
        span: Span {
            start: s.e.span.start,
            end: r.off,
        },
    };
    Suf { e, line: s.line }
}

pub fn cast<'a>(arena: &'a Bump, e: Expr<'a>, t: &'a Type<'a>, r: Pos) -> Expr<'a> {
    Expr {
        kind: ExprKind::Cast(arena.alloc(e), t),
        line: e.line,
        span: Span {
            start: e.span.start,
            end: r.off,
        },
    }
}

pub fn table<'a>(fields: &'a [Field<'a>], l: Pos, r: Pos) -> Expr<'a> {
    leaf(ExprKind::Table(fields), l, r)
}

pub fn function<'a>(f: &'a FuncBody<'a>, l: Pos, r: Pos) -> Expr<'a> {
    leaf(ExprKind::Function(f), l, r)
}

// ---------------------------------------------------------------------------
// Types

/// A type, or a parenthesised list of types that is only meaningful as a
/// parameter list (before `->`) or a return list.
#[derive(Clone, Copy, Debug)]
pub struct Pack<'a> {
    /// The type, when this is one (a parenthesised single type included).
    pub single: Option<&'a Type<'a>>,
    /// For a parenthesised list: its elements and variadic tail.
    pub list: &'a [FnParamType<'a>],
    pub variadic: Option<&'a Type<'a>>,
    pub span: Span,
}

impl<'a> Pack<'a> {
    pub fn one(t: &'a Type<'a>) -> Pack<'a> {
        Pack {
            single: Some(t),
            list: &[],
            variadic: None,
            span: t.span,
        }
    }

    pub fn list(
        list: &'a [FnParamType<'a>],
        variadic: Option<&'a Type<'a>>,
        l: Pos,
        r: Pos,
    ) -> Pack<'a> {
        let single = match list {
            [FnParamType { name: None, ty }] if variadic.is_none() => Some(*ty),
            _ => None,
        };
        Pack {
            single,
            list,
            variadic,
            span: span(l, r),
        }
    }

    fn is_list(&self) -> bool {
        !self.list.is_empty() || self.variadic.is_some() || self.single.is_none()
    }

    /// The pack as a return list.
    pub fn returns(self, arena: &'a Bump) -> PResult<'a, (&'a [Type<'a>], Option<&'a Type<'a>>)> {
        if !self.is_list() {
            return Ok((self.single.map_or(&[][..], std::slice::from_ref), None));
        }
        let mut v = BVec::with_capacity_in(self.list.len(), arena);
        for p in self.list {
            if p.name.is_some() {
                return fail(self.span.start);
            }
            v.push(*p.ty);
        }
        Ok((v.into_bump_slice(), self.variadic))
    }

    /// The pack as a function body's return annotation (no variadic tail).
    pub fn returns_fixed(self, arena: &'a Bump) -> PResult<'a, &'a [Type<'a>]> {
        match self.returns(arena)? {
            (r, None) => Ok(r),
            _ => fail(self.span.start),
        }
    }
}

/// The one type a pack must be where a list is not allowed.
#[inline]
pub fn single<'a>(p: Pack<'a>) -> PResult<'a, &'a Type<'a>> {
    match p.single {
        Some(t) => Ok(t),
        None => fail(p.span.start),
    }
}

#[inline]
pub fn ty<'a>(arena: &'a Bump, kind: TypeKind<'a>, l: Pos, r: Pos) -> Pack<'a> {
    Pack::one(arena.alloc(Type {
        kind,
        span: span(l, r),
    }))
}

pub fn named<'a>(n: (Option<&'a str>, &'a str), args: &'a [Type<'a>], l: Pos, r: Pos) -> Type<'a> {
    Type {
        kind: TypeKind::Named {
            module: n.0,
            name: n.1,
            args,
        },
        span: span(l, r),
    }
}

pub fn fn_type<'a>(
    arena: &'a Bump,
    generics: &'a [Generic<'a>],
    params: Pack<'a>,
    rets: (&'a [Type<'a>], Option<&'a Type<'a>>),
    l: Pos,
    r: Pos,
) -> &'a Type<'a> {
    arena.alloc(Type {
        kind: TypeKind::Function {
            generics,
            params: params.list,
            variadic: params.variadic,
            rets: rets.0,
            ret_variadic: rets.1,
        },
        span: span(l, r),
    })
}

pub fn postfix_opt<'a>(arena: &'a Bump, p: Pack<'a>, r: Pos) -> PResult<'a, Pack<'a>> {
    let t = single(p)?;
    let sp = Span {
        start: t.span.start,
        end: r.off,
    };
    Ok(Pack::one(arena.alloc(Type {
        kind: TypeKind::Optional(t),
        span: sp,
    })))
}

pub fn validated<'a>(
    arena: &'a Bump,
    p: Pack<'a>,
    v: BVec<'a, Validator<'a>>,
    r: Pos,
) -> PResult<'a, Pack<'a>> {
    let t = single(p)?;
    let sp = Span {
        start: t.span.start,
        end: r.off,
    };
    Ok(Pack::one(arena.alloc(Type {
        kind: TypeKind::Validated(t, v.into_bump_slice()),
        span: sp,
    })))
}

/// Copies a list of type references into a slice of types.
pub fn types<'a>(arena: &'a Bump, v: BVec<'a, &'a Type<'a>>) -> &'a [Type<'a>] {
    arena.alloc_slice_fill_iter(v.iter().map(|t| **t))
}
