//! The syntax tree of Lua 5.3 plus the typed dialect (spec/types.md).
//!
//! Every node lives in a `bumpalo` arena owned by the caller of `parse` and
//! holds only arena references and slices: bumpalo runs no destructors, so a
//! `Vec` or `String` here would leak. The tree is dropped, arena and all,
//! once the compiler (or checker) is done with it.
//!
//! Lines: each statement and expression carries `line`, the source line the
//! reference compiler would attach to the instruction it emits for that node
//! (the operator token for binary and unary operators, the start of the called
//! expression for calls, the `[` / `.` / `:` token for indexing). `span` is
//! the node's byte range in the source, for diagnostics.
//!
//! Precisely, as the parser fills them in: a token's line is the line the
//! reference scanner is on right after it (for a string spanning lines, its
//! last line). A statement's `line` is its first token's. `Call` and
//! `MethodCall`: the first token of the whole suffixed chain (`a.b:c(x)(y)`:
//! both calls take `a`'s line, as `suffixedexp` does). `Index`: the `.` or
//! `[` token. `Paren`: the `(`. `Function`: the `function` keyword.
//! `Table`: the `{`. `Cast`: the cast operand's line; `NonNil`: the `!`.
//! `LocalName`: the name. `IfArm`: its `if` / `elseif`.
//!
//! Shape guarantees the compiler can rely on:
//! - Every parenthesised expression is a `Paren` node (even where no
//!   truncation happens), so `(f())` and `(...)` are visible.
//! - The tree respects the reference's nesting limit (200 "C levels", see
//!   the parser's check.rs) except along three left-leaning chains, which
//!   the reference parses in loops and which may be arbitrarily long (a
//!   100,000-long chain is valid Lua): the left operand of `Binary` for
//!   left-associative operators (`a + b + c + ...`, `a and b and ...`,
//!   comparisons, bitwise, `*` ...), the object of `Index` / `MethodCall` and
//!   the function of `Call` (`a.b.c...`, `f()()()...`, `a:m():m()...`).
//!   Walk those iteratively (or accept recursion depth proportional to the
//!   chain). Right-associative `..` and `^` chains, unary chains, nested
//!   parentheses, tables, functions and blocks are bounded by the limit.
//!   `#[derive(Debug)]` recurses: do not print huge trees.
//! - The typed part is bounded by the same limit except inside
//!   parenthesised types, which the tree does not record.

/// A byte range `[start, end)` in the source text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

/// A whole chunk or any `do ... end`-style body.
#[derive(Clone, Copy, Debug)]
pub struct Block<'a> {
    pub stats: &'a [Stat<'a>],
    /// The optional final `return` statement.
    pub ret: Option<&'a Return<'a>>,
    /// Line of the token that closes the block (`end`, `until`, `else`,
    /// `elseif`, EOF), used for the final implicit RETURN and for goto
    /// diagnostics. For the main chunk it is the line count at end of input
    /// (the line `ls->linenumber` has when the reference closes the main
    /// function); note the reference's final RETURN of the main chunk is
    /// on the line of the chunk's last token instead.
    pub end_line: u32,
}

#[derive(Clone, Copy, Debug)]
pub struct Return<'a> {
    pub exprs: &'a [Expr<'a>],
    pub line: u32,
    pub span: Span,
}

#[derive(Clone, Copy, Debug)]
pub struct Stat<'a> {
    pub kind: StatKind<'a>,
    pub line: u32,
    pub span: Span,
}

/// A local variable being declared, with its optional annotation.
#[derive(Clone, Copy, Debug)]
pub struct LocalName<'a> {
    pub name: &'a str,
    pub ty: Option<&'a Type<'a>>,
    pub line: u32,
    pub span: Span,
}

/// `a.b.c:m` in `function a.b.c:m() end`.
#[derive(Clone, Copy, Debug)]
pub struct FuncName<'a> {
    /// The first name (`a`), resolved as local, upvalue or global.
    pub base: &'a str,
    pub base_span: Span,
    /// The `.b.c` field names, in order.
    pub fields: &'a [&'a str],
    /// The `:m` method name; when present the body gets an implicit `self`.
    pub method: Option<&'a str>,
}

#[derive(Clone, Copy, Debug)]
pub enum StatKind<'a> {
    /// `local a: T, b = e1, e2`
    Local {
        names: &'a [LocalName<'a>],
        exprs: &'a [Expr<'a>],
    },
    /// `t[i], x = e1, e2`; every target is `Name` or `Index`.
    Assign {
        targets: &'a [Expr<'a>],
        exprs: &'a [Expr<'a>],
    },
    /// A call used as a statement; the expression is `Call` or `MethodCall`.
    Call(&'a Expr<'a>),
    Do(Block<'a>),
    While {
        cond: &'a Expr<'a>,
        body: Block<'a>,
    },
    /// `repeat body until cond`: locals of `body` are visible in `cond`.
    Repeat {
        body: Block<'a>,
        cond: &'a Expr<'a>,
    },
    /// `if c1 then b1 elseif c2 then b2 else b3 end`
    If {
        arms: &'a [IfArm<'a>],
        else_body: Option<Block<'a>>,
    },
    /// `for var = start, limit [, step] do body end`
    NumFor {
        var: LocalName<'a>,
        start: &'a Expr<'a>,
        limit: &'a Expr<'a>,
        step: Option<&'a Expr<'a>>,
        body: Block<'a>,
    },
    /// `for n1, n2 in e1, e2 do body end`
    GenFor {
        names: &'a [LocalName<'a>],
        exprs: &'a [Expr<'a>],
        body: Block<'a>,
    },
    /// `function a.b:c(...) end`
    Function {
        name: FuncName<'a>,
        func: &'a FuncBody<'a>,
    },
    /// `local function f(...) end` (the name is in scope inside the body).
    LocalFunction {
        name: LocalName<'a>,
        func: &'a FuncBody<'a>,
    },
    Break,
    Goto(&'a str),
    Label(&'a str),
    /// `type Name<T> = ...` / `export type ...` (typed dialect; no code).
    TypeAlias(&'a TypeAlias<'a>),
}

#[derive(Clone, Copy, Debug)]
pub struct IfArm<'a> {
    pub cond: &'a Expr<'a>,
    pub body: Block<'a>,
    pub line: u32,
}

#[derive(Clone, Copy, Debug)]
pub struct Param<'a> {
    pub name: &'a str,
    pub ty: Option<&'a Type<'a>>,
    pub span: Span,
}

/// A generic parameter `T` or `T: Bound`.
#[derive(Clone, Copy, Debug)]
pub struct Generic<'a> {
    pub name: &'a str,
    pub bound: Option<&'a Type<'a>>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug)]
pub struct FuncBody<'a> {
    pub generics: &'a [Generic<'a>],
    pub params: &'a [Param<'a>],
    /// `...` present; `vararg_ty` is its annotation (`...: number`).
    pub is_vararg: bool,
    pub vararg_ty: Option<&'a Type<'a>>,
    /// Annotated return types: `(): T` is one element, `(): (A, B)` two.
    /// `None` when unannotated.
    pub ret_tys: Option<&'a [Type<'a>]>,
    pub body: Block<'a>,
    /// Proto::linedefined, as the reference sets it: the line of
    /// `function` for a function statement (`function a.b()`), and the line
    /// of the token after `function` / the name (the `(`, or the `<` of
    /// generics) for function expressions and `local function`.
    pub line: u32,
    /// Line of the closing `end` (Proto::lastlinedefined).
    pub end_line: u32,
    pub span: Span,
}

#[derive(Clone, Copy, Debug)]
pub struct Expr<'a> {
    pub kind: ExprKind<'a>,
    pub line: u32,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    IDiv,
    Mod,
    Pow,
    Concat,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    And,
    Or,
    BAnd,
    BOr,
    BXor,
    Shl,
    Shr,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    Neg,
    Not,
    Len,
    BNot,
}

#[derive(Clone, Copy, Debug)]
pub enum ExprKind<'a> {
    Nil,
    True,
    False,
    /// `...`
    Vararg,
    Int(i64),
    Float(f64),
    /// Decoded string bytes (escapes already applied; may be any bytes).
    Str(&'a [u8]),
    Function(&'a FuncBody<'a>),
    Table(&'a [Field<'a>]),
    Binary(BinOp, &'a Expr<'a>, &'a Expr<'a>),
    Unary(UnOp, &'a Expr<'a>),
    /// A variable reference (local, upvalue or global: the compiler decides).
    Name(&'a str),
    /// `obj[key]`; `obj.name` is `Index(obj, Str("name"))` (the key's span is
    /// the name; the node's span ends at the name, where `obj["name"]`'s
    /// ends after `]`).
    Index(&'a Expr<'a>, &'a Expr<'a>),
    /// `f(args)`, `f"str"`, `f{...}` (for the last two the call's span ends
    /// where its one argument's does).
    Call(&'a Expr<'a>, &'a [Expr<'a>]),
    /// `obj:name(args)`
    MethodCall(&'a Expr<'a>, &'a str, &'a [Expr<'a>]),
    /// `(e)`: truncates multiple results to one.
    Paren(&'a Expr<'a>),
    /// `e :: T` / `e as T`: no run-time effect.
    Cast(&'a Expr<'a>, &'a Type<'a>),
    /// `e!`: no run-time effect.
    NonNil(&'a Expr<'a>),
}

#[derive(Clone, Copy, Debug)]
pub enum Field<'a> {
    /// `{ e }` — the next array slot.
    Positional(Expr<'a>),
    /// `{ name = e }`
    Named(&'a str, Expr<'a>),
    /// `{ [k] = e }`
    Keyed(Expr<'a>, Expr<'a>),
}

// ---------------------------------------------------------------------------
// Typed dialect (spec/types.md §2). The compiler ignores everything below.

#[derive(Clone, Copy, Debug)]
pub struct TypeAlias<'a> {
    pub exported: bool,
    pub name: &'a str,
    pub generics: &'a [Generic<'a>],
    pub ty: &'a Type<'a>,
}

#[derive(Clone, Copy, Debug)]
pub struct Type<'a> {
    pub kind: TypeKind<'a>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug)]
pub struct RecordField<'a> {
    pub name: &'a str,
    pub optional: bool,
    pub ty: &'a Type<'a>,
    pub span: Span,
}

/// `@name(args)` after a type.
#[derive(Clone, Copy, Debug)]
pub struct Validator<'a> {
    pub name: &'a str,
    pub args: &'a [Expr<'a>],
    pub span: Span,
}

#[derive(Clone, Copy, Debug)]
pub struct FnParamType<'a> {
    pub name: Option<&'a str>,
    pub ty: &'a Type<'a>,
}

#[derive(Clone, Copy, Debug)]
pub enum TypeKind<'a> {
    /// `name`, `mod.name`, `Name<A, B>`; primitives are names too.
    Named {
        module: Option<&'a str>,
        name: &'a str,
        args: &'a [Type<'a>],
    },
    Nil,
    LitStr(&'a [u8]),
    LitInt(i64),
    LitFloat(f64),
    LitBool(bool),
    /// `T?`
    Optional(&'a Type<'a>),
    Union(&'a [Type<'a>]),
    Intersection(&'a [Type<'a>]),
    /// `{T}`
    Array(&'a Type<'a>),
    /// `{[K]: V}`
    Map(&'a Type<'a>, &'a Type<'a>),
    Record(&'a [RecordField<'a>]),
    /// `<T>(A, B, ...: C) -> (R1, R2)`
    Function {
        generics: &'a [Generic<'a>],
        params: &'a [FnParamType<'a>],
        variadic: Option<&'a Type<'a>>,
        rets: &'a [Type<'a>],
        ret_variadic: Option<&'a Type<'a>>,
    },
    /// `typeof(expr)`
    Typeof(&'a Expr<'a>),
    /// `T @min(0) @max(9)`
    Validated(&'a Type<'a>, &'a [Validator<'a>]),
}
