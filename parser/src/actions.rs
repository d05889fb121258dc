//! Node builders called by the grammar's actions (grammar.lalrpop), so the
//! grammar file stays a grammar. Everything is allocated in the arena; lists
//! are bumpalo vectors turned into arena slices.
//!
//! The builders that can fail (a parenthesised type list where one type is
//! expected) return `ParseFail`: the exact message is then
//! produced by diagnose.rs.

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
    let mut v = BVec::with_capacity_in(2, arena);
    v.push(x);
    v
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
pub fn one<'a, T>(arena: &'a Bump, x: T) -> &'a [T] {
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

pub fn block<'a>(stats: BVec<'a, Stat<'a>>, ret: Option<&'a Return<'a>>) -> Block<'a> {
    Block {
        stats: stats.into_bump_slice(),
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
    targets: BVec<'a, Expr<'a>>,
    exprs: BVec<'a, Expr<'a>>,
    l: Pos,
    r: Pos,
) -> Stat<'a> {
    stat(
        StatKind::Assign {
            targets: targets.into_bump_slice(),
            exprs: exprs.into_bump_slice(),
        },
        l,
        r,
    )
}

pub fn local_name<'a>(
    arena: &'a Bump,
    name: &'a str,
    ty: Option<Type<'a>>,
    l: Pos,
    r: Pos,
) -> LocalName<'a> {
    LocalName {
        name,
        ty: ty.map(|t| &*arena.alloc(t)),
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
    generics: Option<&'a [Generic<'a>]>,
    params: ParList<'a>,
    ret_tys: Option<&'a [Type<'a>]>,
    body: Block<'a>,
    l: Pos,
    end: Pos,
    r: Pos,
) -> FuncBody<'a> {
    FuncBody {
        generics: generics.unwrap_or(&[]),
        params: params.0.into_bump_slice(),
        is_vararg: params.1,
        vararg_ty: params.2,
        ret_tys,
        body: close(body, end),
        line: l.line,
        end_line: end.line,
        span: span(l, r),
    }
}

pub fn alias<'a>(
    arena: &'a Bump,
    exported: bool,
    a: (&'a str, Option<&'a [Generic<'a>]>, Type<'a>),
    l: Pos,
    r: Pos,
) -> Stat<'a> {
    let ta = arena.alloc(TypeAlias {
        exported,
        name: a.0,
        generics: a.1.unwrap_or(&[]),
        ty: arena.alloc(a.2),
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

pub fn bin2<'a>(arena: &'a Bump, op: (BinOp, Pos), a: Expr<'a>, b: Expr<'a>) -> Expr<'a> {
    bin(arena, op.0, a, op.1, b)
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

pub fn cast<'a>(arena: &'a Bump, e: Expr<'a>, t: Type<'a>, r: Pos) -> Expr<'a> {
    Expr {
        kind: ExprKind::Cast(arena.alloc(e), arena.alloc(t)),
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

pub fn function<'a>(arena: &'a Bump, f: FuncBody<'a>, l: Pos, r: Pos) -> Expr<'a> {
    leaf(ExprKind::Function(arena.alloc(f)), l, r)
}

// ---------------------------------------------------------------------------
// Types

/// A type, or a parenthesised list of types that is only meaningful as a
/// parameter list (before `->`) or a return list.
#[derive(Clone, Copy, Debug)]
pub struct Pack<'a> {
    /// The type, when this is one (a parenthesised single type included).
    pub single: Option<Type<'a>>,
    /// For a parenthesised list: its elements and variadic tail.
    pub list: &'a [FnParamType<'a>],
    pub variadic: Option<&'a Type<'a>>,
    pub span: Span,
}

impl<'a> Pack<'a> {
    pub fn one(t: Type<'a>) -> Pack<'a> {
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
            [FnParamType { name: None, ty }] if variadic.is_none() => Some(**ty),
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
            return Ok((one(arena, self.single.unwrap_or(NIL_TYPE)), None));
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

const NIL_TYPE: Type<'static> = Type {
    kind: TypeKind::Nil,
    span: Span { start: 0, end: 0 },
};

/// The one type a pack must be where a list is not allowed.
#[inline]
pub fn single<'a>(p: Pack<'a>) -> PResult<'a, Type<'a>> {
    match p.single {
        Some(t) => Ok(t),
        None => fail(p.span.start),
    }
}

#[inline]
pub fn ty(kind: TypeKind<'_>, l: Pos, r: Pos) -> Pack<'_> {
    Pack::one(Type {
        kind,
        span: span(l, r),
    })
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
) -> Type<'a> {
    let _ = arena;
    Type {
        kind: TypeKind::Function {
            generics,
            params: params.list,
            variadic: params.variadic,
            rets: rets.0,
            ret_variadic: rets.1,
        },
        span: span(l, r),
    }
}

pub fn postfix_opt<'a>(arena: &'a Bump, p: Pack<'a>, r: Pos) -> PResult<'a, Pack<'a>> {
    let t = single(p)?;
    let sp = Span {
        start: t.span.start,
        end: r.off,
    };
    Ok(Pack::one(Type {
        kind: TypeKind::Optional(arena.alloc(t)),
        span: sp,
    }))
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
    Ok(Pack::one(Type {
        kind: TypeKind::Validated(arena.alloc(t), v.into_bump_slice()),
        span: sp,
    }))
}
