//! Code generation per statement and expression: the code-generating half of
//! lparser.c, walking the AST instead of the token stream. Each function
//! mirrors its lparser.c counterpart (named in its doc line) and calls the
//! same lcode.c operations in the same order, so the bytecode, register use,
//! constants and debug information match the reference compiler.
//!
//! Depth: every recursion goes through `statement` or `expr`, which count
//! levels as lparser.c's `enterlevel` does (limit LUAI_MAXCCALLS), so the
//! Rust stack use is bounded. Left-assoc chains (`a+b+c+...`, `a.b.c...`,
//! `f()()()`) are walked iteratively, as the reference's loops do, so they
//! may be arbitrarily long; right-assoc chains (`a..b..c`, `a^b^c`) recurse
//! and hit the level limit, as in the reference.

use crate::code::MULTRET;
use crate::error::ErrorKind;
use crate::expdesc::{ExpDesc, ExpKind, NO_JUMP};
use crate::func_state::{CResult, Compiler, LUAI_MAXCCALLS};
use crate::typedesc::Ref;
use smallvec::SmallVec;
use std::sync::Arc;
use wlua_parser::ast::{
    BinOp, Block, Expr, ExprKind, Field, FuncBody, FuncName, IfArm, LocalName, Return, Stat,
    StatKind, Type, TypeAlias, UnOp,
};
use wlua_vm::op::{Instr, LFIELDS_PER_FLUSH, MAXARG_BX, OpCode, int2fb};
use wlua_vm::proto::Proto;

/// Casts and non-nil assertions generate no code.
fn strip<'x, 'a>(mut e: &'x Expr<'a>) -> &'x Expr<'a> {
    loop {
        match e.kind {
            ExprKind::Cast(inner, _) | ExprKind::NonNil(inner) => e = inner,
            _ => return e,
        }
    }
}

/// Statements that generate no code and declare nothing: what lparser.c's
/// skipnoopstat skips after a label. (Type aliases declare a local.)
fn is_void(s: &Stat<'_>) -> bool {
    matches!(s.kind, StatKind::Label(_))
}

fn is_var(k: ExpKind) -> bool {
    matches!(
        k,
        ExpKind::Local(_) | ExpKind::Upval(_) | ExpKind::Indexed { .. }
    )
}

impl<'a> Compiler<'a> {
    /// mainfunc: a vararg function with the single upvalue `_ENV`.
    pub fn main_func(&mut self, chunk: &Block<'a>) -> CResult<Proto> {
        self.chunk_end_line = chunk.end_line;
        self.enter_block(false);
        self.fs.f.is_vararg = true;
        self.new_upvalue(0, "_ENV", ExpKind::Local(0), 0)?;
        self.statlist(chunk.stats, chunk.ret, chunk.end_line, false)?;
        self.close_func(chunk.end_line)
    }

    // ------------------------------------------------------------------
    // Blocks and statements

    /// block
    fn block(&mut self, b: &Block<'a>) -> CResult<()> {
        self.enter_block(false);
        self.statlist(b.stats, b.ret, b.end_line, false)?;
        self.leave_block()
    }

    /// statlist. `until`: the block is closed by `until` (its locals stay
    /// in scope for the condition, so a final label is not "at the end").
    fn statlist(
        &mut self,
        stats: &[Stat<'a>],
        ret: Option<&Return<'a>>,
        end_line: u32,
        until: bool,
    ) -> CResult<()> {
        // First non-void statement at or after a label (amortised O(n)).
        let mut next_nonvoid = 0;
        // Type statements may name types declared later in the block.
        let several_types = stats
            .iter()
            .filter(|s| matches!(s.kind, StatKind::TypeAlias(_)))
            .nth(1)
            .is_some();
        for (i, s) in stats.iter().enumerate() {
            if let StatKind::Label(name) = s.kind {
                if next_nonvoid <= i {
                    next_nonvoid = i + 1;
                    while next_nonvoid < stats.len() && is_void(&stats[next_nonvoid]) {
                        next_nonvoid += 1;
                    }
                }
                let block_end = next_nonvoid >= stats.len() && ret.is_none() && !until;
                let next_line = match stats.get(next_nonvoid) {
                    Some(n) => n.line,
                    None => ret.map_or(end_line, |r| r.line),
                };
                self.enter_level(s.line, s.span.start)?;
                self.line = s.line;
                // A repeated label is reported at its closing `::`.
                let close = self
                    .src
                    .as_ref()
                    .and_then(|m| m.line_before(s.span.end))
                    .unwrap_or(s.line);
                self.label_stat(name, s.line, close, block_end, next_line)?;
                self.fs.freereg = self.fs.nactvar;
                self.leave_level();
            } else {
                if matches!(
                    s.kind,
                    StatKind::Function { .. } | StatKind::LocalFunction { .. }
                ) {
                    // The token after the function's `end`: where the
                    // reference reports its unresolved gotos.
                    self.after_func_line = match stats.get(i + 1) {
                        Some(n) => n.line,
                        None => ret.map_or(end_line, |r| r.line),
                    };
                }
                if several_types {
                    self.declare_ahead(stats, i)?;
                }
                self.statement(s)?;
            }
        }
        if let Some(r) = ret {
            self.enter_level(r.line, r.span.start)?;
            self.ret_stat(r)?;
            self.fs.freereg = self.fs.nactvar;
            self.leave_level();
        }
        Ok(())
    }

    /// statement
    fn statement(&mut self, s: &Stat<'a>) -> CResult<()> {
        self.enter_level(s.line, s.span.start)?;
        if !matches!(s.kind, StatKind::Break | StatKind::Goto(_)) {
            // The statement's first token is consumed before any code;
            // `break`/`goto` emit their JMP before (lparser.c statement).
            self.line = s.line;
            self.pos = self.src.as_ref().and_then(|m| m.token_end(s.span.start));
        }
        match s.kind {
            StatKind::Local { names, exprs } => self.local_stat(names, exprs)?,
            StatKind::Assign { targets, exprs } => self.assign_stat(targets, exprs, s.line)?,
            StatKind::Call(e) => self.call_stat(e, s.line)?,
            StatKind::Do(ref b) => {
                self.block(b)?;
                self.line = b.end_line;
            }
            StatKind::While { cond, ref body } => self.while_stat(cond, body, s.line)?,
            StatKind::Repeat { ref body, cond } => self.repeat_stat(body, cond)?,
            StatKind::If { arms, else_body } => self.if_stat(arms, else_body.as_ref())?,
            StatKind::NumFor {
                var,
                start,
                limit,
                step,
                ref body,
            } => {
                self.enter_block(true);
                self.for_num(&var, start, limit, step, body, s.line)?;
                self.line = body.end_line;
                self.leave_block()?;
            }
            StatKind::GenFor {
                names,
                exprs,
                ref body,
            } => {
                self.enter_block(true);
                self.for_list(names, exprs, body, s.line)?;
                self.line = body.end_line;
                self.leave_block()?;
            }
            StatKind::Function { ref name, func } => self.func_stat(name, func, s.line)?,
            StatKind::LocalFunction { ref name, func } => self.local_func(name, func)?,
            StatKind::Break => {
                let j = self.jump()?;
                self.goto_stat("break", s.line, j)?;
            }
            StatKind::Goto(label) => {
                let j = self.jump()?;
                self.goto_stat(label, s.line, j)?;
            }
            StatKind::Label(name) => self.label_stat(name, s.line, s.line, false, s.line)?,
            StatKind::TypeAlias(a) => self.type_alias_stat(a, s.line)?,
        }
        debug_assert!(
            self.fs.f.max_stack as u32 >= self.fs.freereg && self.fs.freereg >= self.fs.nactvar
        );
        self.fs.freereg = self.fs.nactvar;
        self.leave_level();
        Ok(())
    }

    /// retstat
    fn ret_stat(&mut self, r: &Return<'a>) -> CResult<()> {
        self.line = r.line;
        let (first, nret);
        if r.exprs.is_empty() {
            first = 0;
            nret = 0;
        } else {
            let n = r.exprs.len();
            let mut e = self.explist(r.exprs)?;
            if e.is_multret() {
                self.set_multret(&mut e)?;
                if let (ExpKind::Call(pc), 1) = (e.k, n) {
                    let i = self.instr(pc);
                    debug_assert_eq!(i.a(), self.fs.nactvar);
                    *self.instr_mut(pc) = Instr::abc(OpCode::TailCall, i.a(), i.b(), i.c());
                }
                first = self.fs.nactvar;
                nret = MULTRET;
            } else if n == 1 {
                first = self.exp_to_any_reg(&mut e)?;
                nret = 1;
            } else {
                self.exp_to_next_reg(&mut e)?;
                first = self.fs.nactvar;
                nret = n as i32;
                debug_assert_eq!(nret as u32, self.fs.freereg - first);
            }
        }
        self.ret(first, nret)?;
        Ok(())
    }

    /// `type Name<G> = T`: `local Name = _ENV.types.define(desc, refs...)`
    /// (typedesc.rs). Like `local x = e`, the name is in scope only after
    /// the statement; the alias's own name inside `T` is described as a
    /// self-reference, never looked up. A statement an earlier one named
    /// (`declare_ahead`) completes the type declared then:
    /// `local Name = _ENV.types.complete(<that local>, desc, refs...)`.
    fn type_alias_stat(&mut self, a: &'a TypeAlias<'a>, line: u32) -> CResult<()> {
        let (desc, refs) = crate::typedesc::describe(a, &self.generics);
        let ahead = self
            .ahead
            .iter()
            .position(|(at, _)| *at == a as *const TypeAlias as usize)
            .map(|i| self.ahead.swap_remove(i).1);
        self.new_localvar(a.name, line, None)?;
        let entry: &[u8] = if ahead.is_some() {
            b"complete"
        } else {
            b"define"
        };
        let mut f = self.types_field(entry, line)?;
        self.exp_to_next_reg(&mut f)?;
        if let Some(reg) = ahead {
            self.exp_to_next_reg(&mut ExpDesc::new(ExpKind::Local(reg)))?;
        }
        let k = self.string_k(&desc)?;
        self.exp_to_next_reg(&mut ExpDesc::new(ExpKind::K(k)))?;
        self.type_refs(&refs, line)?;
        self.code_call(&mut f, ExpDesc::new(ExpKind::Void), line)?;
        self.adjust_assign(1, 1, &mut f)?;
        self.adjust_localvars(1);
        Ok(())
    }

    /// `_ENV.types.<name>`, not yet in a register.
    fn types_field(&mut self, name: &[u8], line: u32) -> CResult<ExpDesc> {
        let mut f = self.singlevar("_ENV", line, None)?;
        for field in [&b"types"[..], name] {
            self.exp_to_any_reg_up(&mut f)?;
            let k = self.string_k(field)?;
            self.indexed(&mut f, &mut ExpDesc::new(ExpKind::K(k)))?;
        }
        Ok(f)
    }

    /// The values a type description refers to, in the next registers.
    fn type_refs(&mut self, refs: &[Ref<'a>], line: u32) -> CResult<()> {
        for r in refs {
            let mut v = match *r {
                Ref::Name { module, name } => {
                    let mut v = self.singlevar(module.unwrap_or(name), line, None)?;
                    if module.is_some() {
                        self.exp_to_any_reg_up(&mut v)?;
                        let k = self.string_k(name.as_bytes())?;
                        self.indexed(&mut v, &mut ExpDesc::new(ExpKind::K(k)))?;
                    }
                    v
                }
                Ref::Typeof(e) => self.type_of(e, line)?,
            };
            self.exp_to_next_reg(&mut v)?;
        }
        Ok(())
    }

    /// `typeof(e)` inside a type: the static type of `e` when it has one
    /// (`_ENV.types.define(desc, refs...)` with an empty name, `e` itself
    /// is not evaluated), else `_ENV.types.typeof(e)`. Never a program's
    /// own `typeof`: in a type the word is the operator.
    fn type_of(&mut self, e: &'a Expr<'a>, line: u32) -> CResult<ExpDesc> {
        // Each step follows an annotation to an earlier one: count levels
        // so that a long chain ends with the usual limit error.
        self.enter_level(line, e.span.start)?;
        let mut f;
        if let Some(t) = self.static_type(e) {
            let (desc, refs) = crate::typedesc::describe_type(t, &self.generics);
            f = self.types_field(b"define", line)?;
            self.exp_to_next_reg(&mut f)?;
            let k = self.string_k(&desc)?;
            self.exp_to_next_reg(&mut ExpDesc::new(ExpKind::K(k)))?;
            self.expanding.push(t as *const Type as usize);
            self.type_refs(&refs, line)?;
            self.expanding.pop();
        } else {
            f = self.types_field(b"typeof", line)?;
            self.exp_to_next_reg(&mut f)?;
            let mut v = self.expr(e)?;
            self.exp_to_next_reg(&mut v)?;
        }
        self.code_call(&mut f, ExpDesc::new(ExpKind::Void), line)?;
        self.leave_level();
        Ok(f)
    }

    /// The declared type of `e`, when annotations give one that says more
    /// than the value (spec/types.md §5.6): an annotated local or
    /// parameter, a cast, `(e)`, `e!` of an optional. Literals are left to
    /// the run time, which gives the same primitive, so that untyped code
    /// compiles exactly as Lua.
    fn static_type(&self, e: &'a Expr<'a>) -> Option<&'a Type<'a>> {
        let t = match e.kind {
            ExprKind::Cast(_, t) => t,
            ExprKind::Paren(inner) => return self.static_type(inner),
            ExprKind::NonNil(inner) => crate::typedesc::non_nil(self.static_type(inner)?)?,
            ExprKind::Name(n) => self.local_annotation(n)??,
            _ => return None,
        };
        let unfolding = self.expanding.contains(&(t as *const Type as usize));
        (!unfolding && !crate::typedesc::is_dynamic(t, &self.generics)).then_some(t)
    }

    /// `typeof(arg)` where `typeof` is the global and `arg` has a static
    /// type: `_ENV.types.static_typeof(typeof, arg, desc, refs...)`, which
    /// gives the static type when the global is the built-in `typeof` and
    /// otherwise calls the program's own `typeof(arg)`.
    fn typeof_call(
        &mut self,
        name: &Expr<'a>,
        call: &Expr<'a>,
        arg: &'a Expr<'a>,
        t: &'a Type<'a>,
    ) -> CResult<ExpDesc> {
        let line = name.line;
        self.line = line;
        self.read_node_token(name);
        let (desc, refs) = crate::typedesc::describe_type(t, &self.generics);
        let mut f = self.types_field(b"static_typeof", line)?;
        self.exp_to_next_reg(&mut f)?;
        let mut g = self.singlevar("typeof", line, Some(name.span.end))?;
        self.exp_to_next_reg(&mut g)?;
        self.read_open_paren(name.span.end);
        let mut v = self.expr(arg)?;
        self.exp_to_next_reg(&mut v)?;
        let k = self.string_k(&desc)?;
        self.exp_to_next_reg(&mut ExpDesc::new(ExpKind::K(k)))?;
        self.expanding.push(t as *const Type as usize);
        self.type_refs(&refs, line)?;
        self.expanding.pop();
        self.read_closing_token(call.span);
        self.code_call(&mut f, ExpDesc::new(ExpKind::Void), line)?;
        Ok(f)
    }

    /// Before a `type` statement that names types declared later in the
    /// same block (mutual recursion, or a type used before its
    /// declaration): `local Name = _ENV.types.declare("Name", params...)`
    /// for each, completed by their own statements. A name declared ahead
    /// is a local from here, holding a type that cannot be used until its
    /// statement has run.
    fn declare_ahead(&mut self, stats: &[Stat<'a>], i: usize) -> CResult<()> {
        let StatKind::TypeAlias(a) = stats[i].kind else {
            return Ok(());
        };
        let (_, refs) = crate::typedesc::describe(a, &self.generics);
        for r in refs {
            let Ref::Name { module: None, name } = r else {
                continue;
            };
            // An earlier statement of this block declares it: plain lookup.
            let declared_before = stats[..i]
                .iter()
                .any(|s| matches!(s.kind, StatKind::TypeAlias(b) if b.name == name));
            if declared_before {
                continue;
            }
            let Some(later) = stats[i + 1..].iter().find_map(|s| match s.kind {
                StatKind::TypeAlias(b) if b.name == name => Some(b),
                _ => None,
            }) else {
                continue;
            };
            let at = later as *const TypeAlias as usize;
            if self.ahead.iter().any(|(x, _)| *x == at) {
                continue;
            }
            let line = stats[i].line;
            let reg = self.fs.nactvar;
            self.new_localvar(name, line, None)?;
            let mut f = self.types_field(b"declare", line)?;
            self.exp_to_next_reg(&mut f)?;
            for s in std::iter::once(name).chain(later.generics.iter().map(|g| g.name)) {
                let k = self.string_k(s.as_bytes())?;
                self.exp_to_next_reg(&mut ExpDesc::new(ExpKind::K(k)))?;
            }
            self.code_call(&mut f, ExpDesc::new(ExpKind::Void), line)?;
            self.adjust_assign(1, 1, &mut f)?;
            self.adjust_localvars(1);
            self.fs.freereg = self.fs.nactvar;
            self.ahead.push((at, reg));
        }
        Ok(())
    }

    /// localstat
    fn local_stat(&mut self, names: &[LocalName<'a>], exprs: &[Expr<'a>]) -> CResult<()> {
        for n in names {
            self.line = n.line;
            self.new_localvar(n.name, n.line, Some(n.span.end))?;
            self.set_local_type(n.ty);
        }
        let mut e = ExpDesc::new(ExpKind::Void);
        if !exprs.is_empty() {
            if let Some(n) = names.last() {
                self.read_next_token(n.span.end); // `=`
            }
            e = self.explist(exprs)?;
        }
        self.adjust_assign(names.len(), exprs.len(), &mut e)?;
        self.adjust_localvars(names.len() as u32);
        Ok(())
    }

    /// adjust_assign: makes `nexps` values (the last one `e`) fill `nvars`
    /// registers, expanding or truncating a multi-value tail and padding
    /// with nils.
    fn adjust_assign(&mut self, nvars: usize, nexps: usize, e: &mut ExpDesc) -> CResult<()> {
        let mut extra = nvars as i64 - nexps as i64;
        if e.is_multret() {
            extra += 1; // includes the call itself
            if extra < 0 {
                extra = 0;
            }
            let extra = extra.min(i32::MAX as i64 - 1) as i32;
            self.set_returns(e, extra)?;
            if extra > 1 {
                self.reserve_regs((extra - 1) as u32)?;
            }
        } else {
            if e.k != ExpKind::Void {
                self.exp_to_next_reg(e)?;
            }
            if extra > 0 {
                let extra = extra.min(u32::MAX as i64 / 2) as u32;
                let reg = self.fs.freereg;
                self.reserve_regs(extra)?;
                self.nil(reg, extra)?;
            }
        }
        if nexps > nvars {
            self.fs.freereg -= (nexps - nvars) as u32;
        }
        Ok(())
    }

    /// exprstat/assignment: `targets = exprs`.
    fn assign_stat(&mut self, targets: &[Expr<'a>], exprs: &[Expr<'a>], line: u32) -> CResult<()> {
        let mut lhs: SmallVec<[ExpDesc; 4]> = SmallVec::new();
        for (i, t) in targets.iter().enumerate() {
            let v = self.suffixed_exp(strip(t))?;
            if !is_var(v.k) {
                return Err(self.error(t.line, ErrorKind::SyntaxError));
            }
            if i > 0 {
                if !matches!(v.k, ExpKind::Indexed { .. }) {
                    self.check_conflict(&mut lhs, &v)?;
                }
                if i as u64 + self.nccalls as u64 > LUAI_MAXCCALLS as u64 {
                    return Err(self.limit_error(
                        LUAI_MAXCCALLS,
                        "C levels",
                        t.line,
                        Some(t.span.end),
                    ));
                }
            }
            lhs.push(v);
        }
        let Some(last) = lhs.pop() else {
            return Err(self.error(line, ErrorKind::SyntaxError));
        };
        if exprs.is_empty() {
            return Err(self.error(line, ErrorKind::SyntaxError));
        }
        let nvars = lhs.len() + 1;
        if let Some(t) = targets.last() {
            self.read_next_token(t.span.end); // `=`
        }
        let mut e = self.explist(exprs)?;
        if exprs.len() != nvars {
            self.adjust_assign(nvars, exprs.len(), &mut e)?;
            e = ExpDesc::new(ExpKind::NonReloc(self.fs.freereg - 1));
        } else {
            self.set_oneret(&mut e);
        }
        self.store_var(&last, &mut e)?;
        for v in lhs.iter().rev() {
            let mut e = ExpDesc::new(ExpKind::NonReloc(self.fs.freereg - 1));
            self.store_var(v, &mut e)?;
        }
        Ok(())
    }

    /// check_conflict: in a multiple assignment, an earlier target `t[k]`
    /// whose table or key is the local/upvalue assigned now must use a copy
    /// of its old value.
    fn check_conflict(&mut self, lhs: &mut [ExpDesc], v: &ExpDesc) -> CResult<()> {
        let extra = self.fs.freereg;
        let (v_is_upval, v_info) = match v.k {
            ExpKind::Local(r) => (false, r),
            ExpKind::Upval(u) => (true, u),
            _ => return Ok(()),
        };
        let mut conflict = false;
        for lh in lhs.iter_mut() {
            if let ExpKind::Indexed {
                ref mut t,
                ref mut idx,
                ref mut t_is_upval,
            } = lh.k
            {
                if *t_is_upval == v_is_upval && *t == v_info {
                    conflict = true;
                    *t_is_upval = false;
                    *t = extra;
                }
                if !v_is_upval && *idx == v_info {
                    conflict = true;
                    *idx = extra;
                }
            }
        }
        if conflict {
            let op = if v_is_upval {
                OpCode::GetUpval
            } else {
                OpCode::Move
            };
            self.code_abc(op, extra, v_info, 0)?;
            self.reserve_regs(1)?;
        }
        Ok(())
    }

    /// exprstat: a call statement keeps no results.
    fn call_stat(&mut self, e: &Expr<'a>, line: u32) -> CResult<()> {
        let v = self.suffixed_exp(strip(e))?;
        match v.k {
            ExpKind::Call(pc) => {
                self.instr_mut(pc).set_c(1);
                Ok(())
            }
            _ => Err(self.error(line, ErrorKind::SyntaxError)),
        }
    }

    /// cond: jumps out when the condition is false; returns that list.
    fn cond(&mut self, e: &Expr<'a>) -> CResult<i32> {
        let mut v = self.expr(e)?;
        if v.k == ExpKind::Nil {
            v.k = ExpKind::False; // 'falses' are all equal here
        }
        self.go_if_true(&mut v)?;
        Ok(v.f)
    }

    /// whilestat
    fn while_stat(&mut self, cond: &Expr<'a>, body: &Block<'a>, line: u32) -> CResult<()> {
        self.line = line;
        let whileinit = self.get_label();
        let condexit = self.cond(cond)?;
        self.enter_block(true);
        self.block(body)?;
        self.jump_to(whileinit)?;
        self.line = body.end_line;
        self.leave_block()?;
        self.patch_to_here(condexit)
    }

    /// repeatstat: the condition is compiled inside the body's scope.
    fn repeat_stat(&mut self, body: &Block<'a>, cond: &Expr<'a>) -> CResult<()> {
        let repeat_init = self.get_label();
        self.enter_block(true); // loop block
        self.enter_block(false); // scope block
        self.statlist(body.stats, body.ret, body.end_line, true)?;
        self.line = body.end_line;
        let condexit = self.cond(cond)?;
        let bl2 = *self.bl();
        if bl2.upval {
            self.patch_close(condexit, bl2.nactvar);
        }
        self.leave_block()?;
        self.patch_list(condexit, repeat_init)?;
        self.leave_block()
    }

    /// exp1: a for-loop control expression into the next register.
    fn exp1(&mut self, e: &Expr<'a>) -> CResult<()> {
        let mut v = self.expr(e)?;
        self.exp_to_next_reg(&mut v)
    }

    /// forbody: the loop proper; `base` holds the 3 control variables.
    /// `header_end`: offset of the end of the last header expression (the
    /// `do` follows).
    fn for_body(
        &mut self,
        base: u32,
        line: u32,
        nvars: u32,
        isnum: bool,
        header_end: u32,
        body: &Block<'a>,
    ) -> CResult<()> {
        self.adjust_localvars(3);
        self.read_next_token(header_end); // `do`
        let prep = if isnum {
            self.code_asbx(OpCode::ForPrep, base, NO_JUMP)?
        } else {
            self.jump()?
        };
        self.enter_block(false); // scope for declared variables
        self.adjust_localvars(nvars);
        self.reserve_regs(nvars)?;
        self.block(body)?;
        self.leave_block()?;
        self.patch_to_here(prep)?;
        let endfor = if isnum {
            self.code_asbx(OpCode::ForLoop, base, NO_JUMP)?
        } else {
            self.code_abc(OpCode::TForCall, base, 0, nvars)?;
            self.fixline(line);
            self.code_asbx(OpCode::TForLoop, base + 2, NO_JUMP)?
        };
        self.patch_list(endfor, prep + 1)?;
        self.fixline(line);
        Ok(())
    }

    /// fornum
    fn for_num(
        &mut self,
        var: &LocalName<'a>,
        start: &Expr<'a>,
        limit: &Expr<'a>,
        step: Option<&Expr<'a>>,
        body: &Block<'a>,
        line: u32,
    ) -> CResult<()> {
        self.line = line;
        let base = self.fs.freereg;
        let after = Some(var.span.end);
        self.new_localvar("(for index)", line, after)?;
        self.new_localvar("(for limit)", line, after)?;
        self.new_localvar("(for step)", line, after)?;
        self.new_localvar(var.name, var.line, after)?;
        self.read_next_token(var.span.end); // `=`
        self.exp1(start)?;
        self.read_next_token(start.span.end); // `,`
        self.exp1(limit)?;
        match step {
            Some(s) => {
                self.read_next_token(limit.span.end); // `,`
                self.exp1(s)?
            }
            None => {
                let k = self.int_k(1)?;
                let r = self.fs.freereg;
                self.codek(r, k)?;
                self.reserve_regs(1)?;
            }
        }
        let header_end = step.unwrap_or(limit).span.end;
        self.for_body(base, line, 1, true, header_end, body)
    }

    /// forlist
    fn for_list(
        &mut self,
        names: &[LocalName<'a>],
        exprs: &[Expr<'a>],
        body: &Block<'a>,
        line: u32,
    ) -> CResult<()> {
        self.line = line;
        let base = self.fs.freereg;
        let after = names.first().map(|n| n.span.end);
        self.new_localvar("(for generator)", line, after)?;
        self.new_localvar("(for state)", line, after)?;
        self.new_localvar("(for control)", line, after)?;
        for n in names {
            self.new_localvar(n.name, n.line, Some(n.span.end))?;
        }
        // The line of the first token of the explist.
        let line = exprs.first().map_or(line, |e| {
            self.src
                .as_ref()
                .and_then(|m| m.line_of(e.span.start))
                .unwrap_or(e.line)
        });
        if let Some(n) = names.last() {
            self.read_next_token(n.span.end); // `in`
        }
        let mut e = self.explist(exprs)?;
        self.adjust_assign(3, exprs.len(), &mut e)?;
        self.check_stack(3)?; // extra space to call the generator
        let header_end = exprs.last().map_or(0, |e| e.span.end);
        self.for_body(base, line, names.len() as u32, false, header_end, body)
    }

    /// ifstat
    fn if_stat(&mut self, arms: &[IfArm<'a>], else_body: Option<&Block<'a>>) -> CResult<()> {
        let mut escapelist = NO_JUMP;
        for (i, arm) in arms.iter().enumerate() {
            let followed = i + 1 < arms.len() || else_body.is_some();
            escapelist = self.test_then_block(arm, followed, escapelist)?;
        }
        if let Some(b) = else_body {
            self.block(b)?;
        }
        if let Some(end) = else_body.or(arms.last().map(|a| &a.body)) {
            self.line = end.end_line;
        }
        self.patch_to_here(escapelist)
    }

    /// test_then_block: `[if|elseif] cond then block`. A block that starts
    /// with `goto`/`break` jumps straight to the label when the condition
    /// holds.
    fn test_then_block(
        &mut self,
        arm: &IfArm<'a>,
        followed: bool,
        escapelist: i32,
    ) -> CResult<i32> {
        self.line = arm.line;
        let mut v = self.expr(arm.cond)?;
        self.read_next_token(arm.cond.span.end); // `then`
        let body = &arm.body;
        let jf;
        let rest: &[Stat<'a>];
        let first_jump = body.stats.first().and_then(|s| match s.kind {
            StatKind::Goto(l) => Some((l, s.line)),
            StatKind::Break => Some(("break", s.line)),
            _ => None,
        });
        if let Some((label, gline)) = first_jump {
            self.go_if_false(&mut v)?; // jumps to the label when true
            self.enter_block(false);
            self.goto_stat(label, gline, v.t)?;
            if body.stats.len() == 1 && body.ret.is_none() {
                // The goto is the entire block.
                self.leave_block()?;
                return Ok(escapelist);
            }
            self.line = gline;
            jf = self.jump()?; // skip the rest of the block when false
            rest = &body.stats[1..];
        } else {
            self.go_if_true(&mut v)?; // skip the block when false
            self.enter_block(false);
            jf = v.f;
            rest = body.stats;
        }
        self.statlist(rest, body.ret, body.end_line, false)?;
        self.leave_block()?;
        let mut escapelist = escapelist;
        if followed {
            let j = self.jump()?; // must jump over 'else'/'elseif'
            // Prepended rather than appended (as luaK_concat would): all
            // these jumps get the same target, and a long elseif chain stays
            // linear.
            escapelist = self.concat(j, escapelist)?;
        }
        self.patch_to_here(jf)?;
        Ok(escapelist)
    }

    /// funcstat: `function a.b:c() end`.
    fn func_stat(&mut self, name: &FuncName<'a>, func: &FuncBody<'a>, line: u32) -> CResult<()> {
        self.line = line;
        let mut v = self.singlevar(name.base, line, Some(name.base_span.end))?;
        for f in name.fields {
            self.field_sel(&mut v, f)?;
        }
        if let Some(m) = name.method {
            self.field_sel(&mut v, m)?;
        }
        let mut b = self.body(func, name.method.is_some(), line)?;
        self.store_var(&v, &mut b)?;
        self.fixline(line); // the definition "happens" in the first line
        Ok(())
    }

    /// fieldsel: `v.name`.
    fn field_sel(&mut self, v: &mut ExpDesc, name: &str) -> CResult<()> {
        self.exp_to_any_reg_up(v)?;
        let k = self.string_k(name.as_bytes())?;
        self.indexed(v, &mut ExpDesc::new(ExpKind::K(k)))
    }

    /// localfunc: the local is in scope in its own body.
    fn local_func(&mut self, name: &LocalName<'a>, func: &FuncBody<'a>) -> CResult<()> {
        self.line = name.line;
        self.new_localvar(name.name, name.line, Some(name.span.end))?;
        self.adjust_localvars(1);
        // linedefined: the line of the token after the name.
        let line = self
            .src
            .as_ref()
            .and_then(|m| m.next_token_line(name.span.end))
            .unwrap_or(func.line);
        let b = self.body(func, false, line)?;
        // Debug information only sees the variable after this point.
        let pc = self.fs.pc() as u32;
        self.getlocvar(b.reg()).start_pc = pc;
        Ok(())
    }

    /// body: compiles a function and leaves its closure in the next
    /// register of the enclosing function.
    fn body(&mut self, func: &FuncBody<'a>, is_method: bool, line: u32) -> CResult<ExpDesc> {
        let after = std::mem::take(&mut self.after_func_line);
        // Where unresolved gotos are reported: the token after `end`.
        let goto_err_line = match &self.src {
            Some(m) if func.span.end > 0 => m
                .next_token_line(func.span.end)
                .unwrap_or(self.chunk_end_line),
            _ => after.max(func.end_line),
        };
        self.open_func(line);
        if is_method {
            self.new_localvar("self", line, None)?;
            self.adjust_localvars(1);
        }
        for p in func.params {
            self.new_localvar(p.name, line, Some(p.span.end))?;
            self.set_local_type(p.ty);
        }
        self.fs.f.is_vararg = func.is_vararg;
        self.adjust_localvars(func.params.len() as u32);
        self.fs.f.num_params = self.fs.nactvar as u8;
        let n = self.fs.nactvar;
        self.reserve_regs(n)?;
        let ngenerics = self.generics.len();
        self.generics.extend(func.generics.iter().map(|g| g.name));
        self.statlist(func.body.stats, func.body.ret, func.body.end_line, false)?;
        self.generics.truncate(ngenerics);
        self.fs.f.last_line_defined = func.end_line;
        self.line = func.end_line;
        self.ret(0, 0)?;
        self.line = goto_err_line;
        let proto = self.finish_func()?;
        self.line = func.end_line;
        // codeclosure, in the enclosing function.
        let np = self.fs.f.protos.len() as u32;
        if np >= MAXARG_BX {
            return Err(self.error(
                line,
                ErrorKind::TooMany {
                    what: "functions",
                    limit: MAXARG_BX,
                },
            ));
        }
        self.fs.f.protos.push(Arc::new(proto));
        let pc = self.code_abx(OpCode::Closure, 0, np)?;
        let mut v = ExpDesc::new(ExpKind::Relocable(pc));
        self.exp_to_next_reg(&mut v)?; // fix it at the last register
        Ok(v)
    }

    /// Finishes the current function: final RETURN, then the outermost
    /// block (which reports unresolved gotos at `end_line`).
    pub fn close_func(&mut self, end_line: u32) -> CResult<Proto> {
        self.ret(0, 0)?;
        self.line = end_line;
        self.finish_func()
    }

    // ------------------------------------------------------------------
    // Expressions

    /// explist: all but the last value go to consecutive registers; the last
    /// is returned undischarged (so a call or `...` can stay open).
    fn explist(&mut self, es: &[Expr<'a>]) -> CResult<ExpDesc> {
        let Some((last, init)) = es.split_last() else {
            return Ok(ExpDesc::new(ExpKind::Void));
        };
        for e in init {
            let mut v = self.expr(e)?;
            self.read_next_token(e.span.end); // `,`
            self.exp_to_next_reg(&mut v)?;
        }
        self.expr(last)
    }

    /// expr/subexpr: one nesting level.
    pub fn expr(&mut self, e: &Expr<'a>) -> CResult<ExpDesc> {
        self.enter_level(e.line, e.span.start)?;
        let r = self.subexpr(e);
        self.leave_level();
        self.read_closing_token(e.span);
        r
    }

    /// subexpr without the level. Dispatches straight to the construct so
    /// that few (small) frames separate two nesting levels.
    fn subexpr(&mut self, e: &Expr<'a>) -> CResult<ExpDesc> {
        let e = strip(e);
        match e.kind {
            ExprKind::Binary(..) => self.binary_chain(e),
            ExprKind::Unary(op, x) => self.unary(op, x, e.line),
            ExprKind::Table(fields) => self.constructor(fields, e),
            ExprKind::Function(f) => {
                // linedefined: the line of the token after `function`.
                let line = self
                    .src
                    .as_ref()
                    .and_then(|m| m.next_token_line(e.span.start + "function".len() as u32))
                    .unwrap_or(f.line);
                self.body(f, false, line)
            }
            ExprKind::Paren(inner) => self.paren(inner, e),
            ExprKind::Name(_)
            | ExprKind::Index(..)
            | ExprKind::Call(..)
            | ExprKind::MethodCall(..) => self.suffixed_exp(e),
            _ => self.simple_leaf(e),
        }
    }

    /// The left spine of a binary chain is compiled in a loop (the
    /// reference's `while (op has priority)`); only right operands recurse.
    fn binary_chain(&mut self, e: &Expr<'a>) -> CResult<ExpDesc> {
        let mut spine: SmallVec<[(BinOp, &Expr<'a>, u32); 4]> = SmallVec::new();
        let mut cur = e;
        while let ExprKind::Binary(op, l, r) = cur.kind {
            spine.push((op, r, cur.line));
            cur = strip(l);
        }
        let mut v = self.subexpr(cur)?;
        for &(op, r, line) in spine.iter().rev() {
            self.line = line;
            self.infix(op, &mut v)?;
            let v2 = self.expr(r)?;
            self.posfix(op, &mut v, v2, line)?;
        }
        Ok(v)
    }

    /// `op x` (the operand is a new level, as in the reference).
    fn unary(&mut self, op: UnOp, x: &Expr<'a>, line: u32) -> CResult<ExpDesc> {
        self.line = line;
        let mut v = self.expr(x)?;
        self.prefix(op, &mut v, line)?;
        Ok(v)
    }

    /// `(e)`: truncated to one value. `paren` is the whole `(e)` node.
    fn paren(&mut self, inner: &Expr<'a>, paren: &Expr<'a>) -> CResult<ExpDesc> {
        self.read_token_at(paren.span.start); // `(`
        let mut v = self.expr(inner)?;
        self.read_closing_token(paren.span);
        self.discharge_vars(&mut v)?;
        Ok(v)
    }

    /// simpleexp: constants and `...`; anything else goes to `subexpr`.
    fn simple_leaf(&mut self, e: &Expr<'a>) -> CResult<ExpDesc> {
        let k = match e.kind {
            ExprKind::Nil => ExpKind::Nil,
            ExprKind::True => ExpKind::True,
            ExprKind::False => ExpKind::False,
            ExprKind::Int(i) => ExpKind::KInt(i),
            ExprKind::Float(f) => ExpKind::KFlt(f),
            ExprKind::Str(s) => {
                self.line = e.line;
                ExpKind::K(self.string_k(s)?)
            }
            ExprKind::Vararg => {
                // VARARG is emitted before `...` is read: the line stays the
                // previous token's.
                if !self.fs.f.is_vararg {
                    let mut err = self.error(e.line, ErrorKind::VarargOutsideVarargFunction);
                    err.near = Some("'...'".into());
                    return Err(err);
                }
                ExpKind::Vararg(self.code_abc(OpCode::Vararg, 0, 1, 0)?)
            }
            // Not a leaf: only reachable through odd ASTs; one more level.
            _ => return self.expr(e),
        };
        self.line = e.line;
        self.read_node_token(e);
        Ok(ExpDesc::new(k))
    }

    /// primaryexp: a name or a parenthesized expression.
    fn primary_exp(&mut self, e: &Expr<'a>) -> CResult<ExpDesc> {
        match e.kind {
            ExprKind::Name(n) => {
                self.line = e.line;
                self.read_node_token(e);
                self.singlevar(n, e.line, Some(e.span.end))
            }
            ExprKind::Paren(inner) => self.paren(inner, e),
            // Not a prefix expression: the grammar never puts one here.
            _ => self.expr(e),
        }
    }

    /// suffixedexp: `primary { .name | [exp] | :name args | args }`, walked
    /// from the innermost prefix outwards without recursion.
    fn suffixed_exp(&mut self, e: &Expr<'a>) -> CResult<ExpDesc> {
        let mut spine: SmallVec<[&Expr<'a>; 4]> = SmallVec::new();
        let mut cur = strip(e);
        while let ExprKind::Index(obj, _)
        | ExprKind::Call(obj, _)
        | ExprKind::MethodCall(obj, _, _) = cur.kind
        {
            spine.push(cur);
            cur = strip(obj);
        }
        // The constructor's lookahead quirk (see `list_item`).
        let call_line = match (self.lookahead.take(), cur.kind) {
            (Some((start, line)), ExprKind::Name(_)) if start == cur.span.start => Some(line),
            _ => None,
        };
        // `typeof(x)` of an annotated `x`, unless `typeof` is a local.
        if let (ExprKind::Name("typeof"), Some(call)) = (cur.kind, spine.last())
            && let ExprKind::Call(_, [arg]) = call.kind
            && self.local_annotation("typeof").is_none()
            && let Some(t) = self.static_type(arg)
        {
            let call = *call;
            spine.pop();
            let mut v = self.typeof_call(cur, call, arg, t)?;
            for s in spine.iter().rev() {
                self.suffix(&mut v, s, call_line.unwrap_or(s.line))?;
            }
            return Ok(v);
        }
        let mut v = self.primary_exp(cur)?;
        if let Some(l) = call_line {
            // The name was read with the peeked token already scanned.
            self.line = l;
        }
        for s in spine.iter().rev() {
            self.suffix(&mut v, s, call_line.unwrap_or(s.line))?;
        }
        Ok(v)
    }

    /// One suffix of a suffixedexp applied to `v`; `call_line` is the line
    /// a CALL gets (the start of the suffixedexp).
    fn suffix(&mut self, v: &mut ExpDesc, s: &Expr<'a>, call_line: u32) -> CResult<()> {
        match s.kind {
            ExprKind::Index(_, key) => {
                self.exp_to_any_reg_up(v)?;
                self.line = s.line;
                let mut k = match strip(key).kind {
                    // `.name` (and `["name"]`): a constant key, no level.
                    ExprKind::Str(bytes) => ExpDesc::new(ExpKind::K(self.string_k(bytes)?)),
                    _ => {
                        let mut k = self.expr(key)?;
                        self.exp_to_val(&mut k)?;
                        k
                    }
                };
                self.read_closing_token(s.span); // `]` or the name
                self.indexed(v, &mut k)
            }
            ExprKind::Call(obj, args) => {
                self.exp_to_next_reg(v)?;
                self.read_open_paren(obj.span.end);
                self.funcargs(v, args, s, call_line)
            }
            ExprKind::MethodCall(obj, name, args) => {
                // SELF comes once the name after `:` is read.
                self.line = s.line;
                if let Some(l) = self
                    .src
                    .as_ref()
                    .and_then(|m| m.second_token_line(obj.span.end, b':'))
                {
                    self.line = l;
                }
                let k = self.string_k(name.as_bytes())?;
                let mut key = ExpDesc::new(ExpKind::K(k));
                self.self_op(v, &mut key)?;
                if let Some(m) = &self.src
                    && let Some(colon) = m.next_token(obj.span.end)
                    && let Some(n) = m.next_token(colon + 1)
                {
                    self.read_open_paren(n + name.len() as u32);
                }
                self.funcargs(v, args, s, call_line)
            }
            _ => Ok(()),
        }
    }

    /// funcargs: the arguments above the function in `f`'s register, then
    /// CALL (with one result until someone asks for more).
    /// `call` is the call node (its span ends at the closing token);
    /// `line` the CALL's line.
    fn funcargs(
        &mut self,
        f: &mut ExpDesc,
        args: &[Expr<'a>],
        call: &Expr<'a>,
        line: u32,
    ) -> CResult<()> {
        let a = if args.is_empty() {
            ExpDesc::new(ExpKind::Void)
        } else if args.len() == 1 && matches!(args[0].kind, ExprKind::Table(_) | ExprKind::Str(_)) {
            // `f{...}` / `f"..."`: no explist, hence no extra level.
            self.subexpr(&args[0])?
        } else {
            self.explist(args)?
        };
        self.read_closing_token(call.span);
        self.code_call(f, a, line)
    }

    /// The CALL of funcargs, once the arguments are compiled (kept apart so
    /// that the recursive path has small frames).
    fn code_call(&mut self, f: &mut ExpDesc, mut a: ExpDesc, line: u32) -> CResult<()> {
        self.set_multret(&mut a)?;
        let base = f.reg();
        let nparams = if a.is_multret() {
            MULTRET
        } else {
            if a.k != ExpKind::Void {
                self.exp_to_next_reg(&mut a)?;
            }
            (self.fs.freereg - (base + 1)) as i32
        };
        let pc = self.code_abc(OpCode::Call, base, (nparams + 1) as u32, 2)?;
        self.fixline(line);
        *f = ExpDesc::new(ExpKind::Call(pc));
        self.fs.freereg = base + 1; // the call leaves one result (unless changed)
        Ok(())
    }

    /// constructor: NEWTABLE, record fields as SETTABLE, list items flushed
    /// by SETLIST every LFIELDS_PER_FLUSH (a multi-value last item is open).
    fn constructor(&mut self, fields: &[Field<'a>], table: &Expr<'a>) -> CResult<ExpDesc> {
        let mut cc = self.open_constructor(table.line)?;
        let mut prev: Option<&Expr<'a>> = None;
        // Where the next field's tokens start: after `{` or the last value.
        let mut field_start = table.span.start + 1;
        for field in fields {
            if let Some(p) = prev.take() {
                self.read_next_token(p.span.end); // `,` or `;`
            }
            self.close_list_field(&mut cc)?;
            match field {
                Field::Positional(e) => {
                    prev = Some(e);
                    field_start = e.span.end;
                    cc.v = self.list_item(e)?;
                    cc.na += 1;
                    cc.tostore += 1;
                }
                Field::Named(name, e) => {
                    let reg = self.fs.freereg;
                    if let Some(t) = self.field_token(field_start) {
                        self.read_next_token(t + name.len() as u32); // `=`
                    }
                    let k = self.string_k(name.as_bytes())?;
                    self.rec_field(&mut cc, reg, ExpDesc::new(ExpKind::K(k)), e)?;
                    field_start = e.span.end;
                }
                Field::Keyed(k, e) => {
                    let reg = self.fs.freereg;
                    if let Some(t) = self.field_token(field_start) {
                        self.read_token_at(t); // `[`
                    }
                    let mut key = self.expr(k)?;
                    self.exp_to_val(&mut key)?;
                    if let Some(m) = &self.src
                        && let Some(close) = m.next_token(k.span.end)
                    {
                        self.read_next_token(close + 1); // `=` after `]`
                    }
                    self.rec_field(&mut cc, reg, key, e)?;
                    field_start = e.span.end;
                }
            }
        }
        self.read_closing_token(table.span);
        self.close_constructor(cc)
    }

    /// listfield. lparser.c's `field` peeks at the token after a leading
    /// name (to tell `name = e` from an expression), which moves the
    /// lexer's line: a call chain starting with that name gets the peeked
    /// token's line as its CALL line.
    fn list_item(&mut self, e: &Expr<'a>) -> CResult<ExpDesc> {
        let mut first = e;
        loop {
            first = match first.kind {
                ExprKind::Binary(_, l, _) => l,
                ExprKind::Index(o, _) | ExprKind::Call(o, _) | ExprKind::MethodCall(o, _, _) => o,
                ExprKind::Cast(x, _) | ExprKind::NonNil(x) => x,
                _ => break,
            };
        }
        if let ExprKind::Name(_) = first.kind
            && let Some(l) = self
                .src
                .as_ref()
                .and_then(|m| m.next_token_line(first.span.end))
        {
            self.lookahead = Some((first.span.start, l));
        }
        let v = self.expr(e);
        self.lookahead = None;
        v
    }

    /// Offset of the first token of a constructor field whose preceding
    /// field (or `{`) ends at `after` (skipping the separator).
    fn field_token(&self, after: u32) -> Option<u32> {
        let m = self.src.as_ref()?;
        let t = m.next_token(after)?;
        match m.byte(t) {
            Some(b',') | Some(b';') => m.next_token(t + 1),
            _ => Some(t),
        }
    }

    fn open_constructor(&mut self, line: u32) -> CResult<ConsControl> {
        // NEWTABLE is emitted before `{` is read: it keeps the line of the
        // previous token.
        let pc = self.code_abc(OpCode::NewTable, 0, 0, 0)?;
        self.line = line;
        let mut t = ExpDesc::new(ExpKind::Relocable(pc));
        self.exp_to_next_reg(&mut t)?;
        Ok(ConsControl {
            v: ExpDesc::new(ExpKind::Void),
            pc,
            treg: t.reg(),
            na: 0,
            nh: 0,
            tostore: 0,
        })
    }

    /// closelistfield: the previous list item goes to its register; a full
    /// batch is flushed.
    fn close_list_field(&mut self, cc: &mut ConsControl) -> CResult<()> {
        if cc.v.k == ExpKind::Void {
            return Ok(());
        }
        self.exp_to_next_reg(&mut cc.v)?;
        cc.v = ExpDesc::new(ExpKind::Void);
        if cc.tostore == LFIELDS_PER_FLUSH {
            self.setlist(cc.treg, cc.na, cc.tostore as i32)?;
            cc.tostore = 0;
        }
        Ok(())
    }

    /// lastlistfield and the size hints of NEWTABLE.
    fn close_constructor(&mut self, mut cc: ConsControl) -> CResult<ExpDesc> {
        if cc.tostore != 0 {
            if cc.v.is_multret() {
                self.set_multret(&mut cc.v)?;
                self.setlist(cc.treg, cc.na, MULTRET)?;
                cc.na -= 1; // do not count the last (open) item
            } else {
                if cc.v.k != ExpKind::Void {
                    self.exp_to_next_reg(&mut cc.v)?;
                }
                self.setlist(cc.treg, cc.na, cc.tostore as i32)?;
            }
        }
        let i = self.instr_mut(cc.pc);
        i.set_b(int2fb(cc.na));
        i.set_c(int2fb(cc.nh));
        Ok(ExpDesc::new(ExpKind::NonReloc(cc.treg)))
    }

    /// recfield: `t[key] = e` inside a constructor; `reg` is the first free
    /// register before the key.
    fn rec_field(
        &mut self,
        cc: &mut ConsControl,
        reg: u32,
        mut key: ExpDesc,
        e: &Expr<'a>,
    ) -> CResult<()> {
        cc.nh += 1;
        let rkkey = self.exp_to_rk(&mut key)?;
        let mut val = self.expr(e)?;
        let rkval = self.exp_to_rk(&mut val)?;
        self.code_abc(OpCode::SetTable, cc.treg, rkkey, rkval)?;
        self.fs.freereg = reg;
        Ok(())
    }
}

/// A table constructor being compiled (lparser.c ConsControl).
struct ConsControl {
    /// Last list item read, not yet in its register.
    v: ExpDesc,
    /// pc of the NEWTABLE (its size hints are set at the end).
    pc: i32,
    treg: u32,
    /// Array items and record fields so far.
    na: u32,
    nh: u32,
    /// List items pending a SETLIST.
    tostore: u32,
}
