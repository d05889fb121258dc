//! Lint rules (spec/types.md 4.8), only with `wlua check --rules`: W codes,
//! severity `warning`. They ride on the checker's walk, which already knows
//! scopes and types:
//!
//! - W0001 an empty `do` block or `if` / `elseif` / `else` branch (empty
//!   loop bodies, busy waits, and empty functions, stubs, are not reported);
//! - W0002 assignment to a global (`x = 1`, `function f() end`);
//! - W0003 comparison of a name or field path with itself; `x ~= x` and
//!   `x == x` are NaN tests when `x` may be a float, and are not reported
//!   then (nor when its type is unknown to the checker);
//! - W0004 a local (or loop variable, or local function) never read;
//! - W0005 a parameter never read (the implicit `self` is exempt);
//! - W0006 an import never read: `local json = require("json")`;
//! - W0007 a local, parameter or type that shadows a visible local.
//!
//! Names starting with `_` are exempt from W0004-W0007 (as in luacheck and
//! Luau). Writing a local does not use it; reading it anywhere, even in a
//! nested function, or indexing it (`M.f = ...`) does.

use super::*;

/// What declared a local, for the lint rules' wording.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum VarKind {
    Local,
    LoopVar,
    LocalFunction,
    Param,
    /// `local x = require("...")`.
    Import,
    /// The local a `type` declaration makes (used by annotations the
    /// rules do not track, so never "unused").
    Type,
}

impl Checker {
    fn warn(&mut self, c: &'static str, span: Span, message: String) {
        if self.diags.len() >= 10_000 {
            return;
        }
        self.diags.push(Diagnostic {
            code: c,
            severity: Severity::Warning,
            span,
            message,
            label: None,
        });
    }

    /// 1-based line of a byte offset (0 when the source was not given).
    fn line_of(&self, off: u32) -> usize {
        match self.line_starts.binary_search(&off) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }

    /// W0007, before `name` is declared at `span`.
    pub(super) fn lint_shadow(&mut self, name: &str, span: Span) {
        if !self.rules || name.starts_with('_') {
            return;
        }
        let Some(prev) = self.resolve(name) else {
            return;
        };
        let Some((at, _)) = self.vars[prev].site else {
            return;
        };
        let line = self.line_of(at.start);
        self.warn(
            code::SHADOWED,
            span,
            format!("shadowing '{name}' declared on line {line}"),
        );
    }

    /// W0004-W0006 for a local going out of scope.
    pub(super) fn lint_unused(&mut self, name: &str, id: VarId) {
        if !self.rules || name.starts_with('_') {
            return;
        }
        let v = &self.vars[id];
        let Some((span, kind)) = v.site else { return };
        if v.used {
            return;
        }
        let (c, what) = match kind {
            VarKind::Local => (code::UNUSED_LOCAL, "local"),
            VarKind::LoopVar => (code::UNUSED_LOCAL, "loop variable"),
            VarKind::LocalFunction => (code::UNUSED_LOCAL, "local function"),
            VarKind::Param => (code::UNUSED_PARAM, "parameter"),
            VarKind::Import => (code::UNUSED_IMPORT, "import"),
            VarKind::Type => return,
        };
        self.warn(c, span, format!("unused {what} '{name}'"));
    }

    /// W0001 for the statement `s`.
    pub(super) fn lint_empty(&mut self, s: &Stat) {
        if !self.rules {
            return;
        }
        let empty = |b: &Block| b.stats.is_empty() && b.ret.is_none();
        match &s.kind {
            StatKind::Do(b) if empty(b) => {
                self.warn(code::EMPTY_BLOCK, s.span, "empty do block".into());
            }
            StatKind::If { arms, else_body } => {
                for (i, a) in arms.iter().enumerate() {
                    if empty(&a.body) {
                        let what = if i == 0 { "if" } else { "elseif" };
                        self.warn(
                            code::EMPTY_BLOCK,
                            a.cond.span,
                            format!("empty {what} branch"),
                        );
                    }
                }
                if let Some(b) = else_body
                    && empty(b)
                {
                    // The AST has no span for `else`: the `if` names it.
                    let at = Span {
                        start: s.span.start,
                        end: s.span.start + 2,
                    };
                    self.warn(code::EMPTY_BLOCK, at, "empty else branch".into());
                }
            }
            _ => {}
        }
    }

    /// W0002 for an assignment to the global `name`.
    pub(super) fn lint_global(&mut self, name: &str, span: Span) {
        if self.rules && name != "_ENV" {
            self.warn(
                code::GLOBAL_ASSIGN,
                span,
                format!("assignment to global '{name}'"),
            );
        }
    }

    /// W0003 for `a op b` where `a` and `b` are the same name or path;
    /// `ty` is the operand's type (a float may be NaN: `x ~= x` is the
    /// NaN test).
    pub(super) fn lint_self_compare(&mut self, op: BinOp, a: &Expr, b: &Expr, ty: &Ty, span: Span) {
        if !self.rules || !same_place(a, b, 0) {
            return;
        }
        if matches!(op, BinOp::Eq | BinOp::Ne) {
            let t = self.expand(ty);
            let maybe_float = t.members().iter().any(|m| {
                matches!(
                    m,
                    Ty::Number
                        | Ty::LitFloat(_)
                        | Ty::Any
                        | Ty::Unknown
                        | Ty::Generic(_)
                        | Ty::Alias(..)
                        | Ty::Intersection(_)
                )
            });
            if maybe_float {
                return;
            }
        }
        let shown = call::describe_callee(a, None);
        self.warn(
            code::SELF_COMPARE,
            span,
            format!("comparison of {shown} with itself"),
        );
    }
}

/// Are `a` and `b` the same local, global or constant field path?
fn same_place(a: &Expr, b: &Expr, depth: u32) -> bool {
    if depth > 16 {
        return false;
    }
    match (&a.kind, &b.kind) {
        (ExprKind::Paren(x), _) => same_place(x, b, depth + 1),
        (_, ExprKind::Paren(y)) => same_place(a, y, depth + 1),
        (ExprKind::Name(x), ExprKind::Name(y)) => x == y,
        (ExprKind::Index(o1, k1), ExprKind::Index(o2, k2)) => {
            let same_key = match (&k1.kind, &k2.kind) {
                (ExprKind::Str(x), ExprKind::Str(y)) => x == y,
                (ExprKind::Int(x), ExprKind::Int(y)) => x == y,
                (ExprKind::Name(_), ExprKind::Name(_)) => same_place(k1, k2, depth + 1),
                _ => false,
            };
            same_key && same_place(o1, o2, depth + 1)
        }
        _ => false,
    }
}
