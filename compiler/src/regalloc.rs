//! Register allocation and expression discharge (the middle of lcode.c).
//!
//! Registers form a stack: locals occupy `0..nactvar` and never move;
//! temporaries are reserved above them at `freereg` and released in stack
//! order. An expression is "discharged" into a register only when its
//! consumer needs one: RK operands take small constants directly, a local
//! assignment targets the local's register, and a relocable instruction
//! gets its destination register patched in afterwards.

use crate::error::ErrorKind;
use crate::expdesc::{ExpDesc, ExpKind, NO_JUMP};
use crate::func_state::{CResult, Compiler, MAXREGS};
use wlua_vm::op::{MAXINDEXRK, OpCode, is_k, rk_as_k};

impl<'a> Compiler<'a> {
    /// luaK_checkstack: `n` more registers above `freereg` must fit.
    pub fn check_stack(&mut self, n: u32) -> CResult<()> {
        let newstack = self.fs.freereg + n;
        if newstack > self.fs.f.max_stack as u32 {
            if newstack >= MAXREGS {
                return Err(self.syntax_error(ErrorKind::TooManyRegisters, self.line, self.pos));
            }
            self.fs.f.max_stack = newstack as u8;
        }
        Ok(())
    }

    /// luaK_reserveregs
    pub fn reserve_regs(&mut self, n: u32) -> CResult<()> {
        self.check_stack(n)?;
        self.fs.freereg += n;
        Ok(())
    }

    /// freereg: releases `reg` when it is a temporary (not a constant index
    /// nor a local).
    pub fn free_reg(&mut self, reg: u32) {
        if !is_k(reg) && reg >= self.fs.nactvar {
            self.fs.freereg = self.fs.freereg.wrapping_sub(1);
            debug_assert_eq!(reg, self.fs.freereg, "registers freed out of order");
        }
    }

    pub fn free_exp(&mut self, e: &ExpDesc) {
        if let ExpKind::NonReloc(r) = e.k {
            self.free_reg(r);
        }
    }

    /// freeexps: frees two expressions' registers in stack order.
    pub fn free_exps(&mut self, e1: &ExpDesc, e2: &ExpDesc) {
        let r1 = match e1.k {
            ExpKind::NonReloc(r) => r as i64,
            _ => -1,
        };
        let r2 = match e2.k {
            ExpKind::NonReloc(r) => r as i64,
            _ => -1,
        };
        if r1 > r2 {
            self.free_exp(e1);
            self.free_exp(e2);
        } else {
            self.free_exp(e2);
            self.free_exp(e1);
        }
    }

    /// luaK_setreturns: an open call or vararg yields `nresults` values
    /// (MULTRET: all).
    pub fn set_returns(&mut self, e: &mut ExpDesc, nresults: i32) -> CResult<()> {
        match e.k {
            ExpKind::Call(pc) => {
                self.instr_mut(pc).set_c((nresults + 1) as u32);
            }
            ExpKind::Vararg(pc) => {
                let freereg = self.fs.freereg;
                let i = self.instr_mut(pc);
                i.set_b((nresults + 1) as u32);
                i.set_a(freereg);
                self.reserve_regs(1)?;
            }
            _ => {}
        }
        Ok(())
    }

    pub fn set_multret(&mut self, e: &mut ExpDesc) -> CResult<()> {
        self.set_returns(e, crate::code::MULTRET)
    }

    /// luaK_setoneret: a multi-value expression truncated to one value.
    pub fn set_oneret(&mut self, e: &mut ExpDesc) {
        match e.k {
            ExpKind::Call(pc) => {
                e.k = ExpKind::NonReloc(self.instr(pc).a());
            }
            ExpKind::Vararg(pc) => {
                self.instr_mut(pc).set_b(2);
                e.k = ExpKind::Relocable(pc);
            }
            _ => {}
        }
    }

    /// luaK_dischargevars: a variable becomes a value (loading upvalues and
    /// table fields with a relocable instruction).
    pub fn discharge_vars(&mut self, e: &mut ExpDesc) -> CResult<()> {
        match e.k {
            ExpKind::Local(r) => e.k = ExpKind::NonReloc(r),
            ExpKind::Upval(u) => {
                let pc = self.code_abc(OpCode::GetUpval, 0, u, 0)?;
                e.k = ExpKind::Relocable(pc);
            }
            ExpKind::Indexed { t, idx, t_is_upval } => {
                self.free_reg(idx);
                let op = if t_is_upval {
                    OpCode::GetTabUp
                } else {
                    self.free_reg(t);
                    OpCode::GetTable
                };
                let pc = self.code_abc(op, 0, t, idx)?;
                e.k = ExpKind::Relocable(pc);
            }
            ExpKind::Vararg(_) | ExpKind::Call(_) => self.set_oneret(e),
            _ => {}
        }
        Ok(())
    }

    /// discharge2reg: the value (but not pending jumps) goes to `reg`.
    fn discharge_to_reg(&mut self, e: &mut ExpDesc, reg: u32) -> CResult<()> {
        self.discharge_vars(e)?;
        match e.k {
            ExpKind::Nil => self.nil(reg, 1)?,
            ExpKind::False | ExpKind::True => {
                self.code_abc(OpCode::LoadBool, reg, (e.k == ExpKind::True) as u32, 0)?;
            }
            ExpKind::K(k) => {
                self.codek(reg, k)?;
            }
            ExpKind::KFlt(f) => {
                let k = self.number_k(f)?;
                self.codek(reg, k)?;
            }
            ExpKind::KInt(i) => {
                let k = self.int_k(i)?;
                self.codek(reg, k)?;
            }
            ExpKind::Relocable(pc) => self.instr_mut(pc).set_a(reg),
            ExpKind::NonReloc(r) => {
                if r != reg {
                    self.code_abc(OpCode::Move, reg, r, 0)?;
                }
            }
            _ => {
                debug_assert!(matches!(e.k, ExpKind::Jmp(_)), "{:?}", e.k);
                return Ok(());
            }
        }
        e.k = ExpKind::NonReloc(reg);
        Ok(())
    }

    /// discharge2anyreg
    pub fn discharge_to_any_reg(&mut self, e: &mut ExpDesc) -> CResult<()> {
        if !matches!(e.k, ExpKind::NonReloc(_)) {
            self.reserve_regs(1)?;
            let reg = self.fs.freereg - 1;
            self.discharge_to_reg(e, reg)?;
        }
        Ok(())
    }

    fn code_loadbool(&mut self, a: u32, b: u32, jump: u32) -> CResult<i32> {
        self.get_label();
        self.code_abc(OpCode::LoadBool, a, b, jump)
    }

    /// need_value: some jump in the list is not a TESTSET (so it carries
    /// no value and needs a LOADBOOL).
    fn need_value(&self, mut list: i32) -> bool {
        while list != NO_JUMP {
            let ctl = self.jump_control(list);
            if self.instr(ctl).op() != OpCode::TestSet {
                return true;
            }
            list = self.get_jump(list);
        }
        false
    }

    /// exp2reg: the final value, including its jump lists, goes to `reg`.
    pub fn exp_to_reg(&mut self, e: &mut ExpDesc, reg: u32) -> CResult<()> {
        self.discharge_to_reg(e, reg)?;
        if let ExpKind::Jmp(pc) = e.k {
            e.t = self.concat(e.t, pc)?;
        }
        if e.has_jumps() {
            let mut p_f = NO_JUMP;
            let mut p_t = NO_JUMP;
            if self.need_value(e.t) || self.need_value(e.f) {
                let fj = if matches!(e.k, ExpKind::Jmp(_)) {
                    NO_JUMP
                } else {
                    self.jump()?
                };
                p_f = self.code_loadbool(reg, 0, 1)?;
                p_t = self.code_loadbool(reg, 1, 0)?;
                self.patch_to_here(fj)?;
            }
            let final_ = self.get_label();
            self.patch_list_aux(e.f, final_, reg, p_f)?;
            self.patch_list_aux(e.t, final_, reg, p_t)?;
        }
        e.f = NO_JUMP;
        e.t = NO_JUMP;
        e.k = ExpKind::NonReloc(reg);
        Ok(())
    }

    /// luaK_exp2nextreg: the value goes to a new register on top.
    pub fn exp_to_next_reg(&mut self, e: &mut ExpDesc) -> CResult<()> {
        self.discharge_vars(e)?;
        self.free_exp(e);
        self.reserve_regs(1)?;
        let reg = self.fs.freereg - 1;
        self.exp_to_reg(e, reg)
    }

    /// luaK_exp2anyreg: the value goes to some register, which is returned.
    pub fn exp_to_any_reg(&mut self, e: &mut ExpDesc) -> CResult<u32> {
        self.discharge_vars(e)?;
        if let ExpKind::NonReloc(r) = e.k {
            if !e.has_jumps() {
                return Ok(r);
            }
            if r >= self.fs.nactvar {
                self.exp_to_reg(e, r)?;
                return Ok(r);
            }
        }
        self.exp_to_next_reg(e)?;
        Ok(e.reg())
    }

    /// luaK_exp2anyregup: a register or an upvalue.
    pub fn exp_to_any_reg_up(&mut self, e: &mut ExpDesc) -> CResult<()> {
        if !matches!(e.k, ExpKind::Upval(_)) || e.has_jumps() {
            self.exp_to_any_reg(e)?;
        }
        Ok(())
    }

    /// luaK_exp2val: a register or a constant.
    pub fn exp_to_val(&mut self, e: &mut ExpDesc) -> CResult<()> {
        if e.has_jumps() {
            self.exp_to_any_reg(e)?;
            Ok(())
        } else {
            self.discharge_vars(e)
        }
    }

    /// luaK_exp2RK: an RK operand (a constant index with BITRK when it fits,
    /// otherwise a register).
    pub fn exp_to_rk(&mut self, e: &mut ExpDesc) -> CResult<u32> {
        self.exp_to_val(e)?;
        let k = match e.k {
            ExpKind::True => Some(self.bool_k(true)?),
            ExpKind::False => Some(self.bool_k(false)?),
            ExpKind::Nil => Some(self.nil_k()?),
            ExpKind::KInt(i) => Some(self.int_k(i)?),
            ExpKind::KFlt(f) => Some(self.number_k(f)?),
            ExpKind::K(k) => Some(k),
            _ => None,
        };
        if let Some(k) = k {
            e.k = ExpKind::K(k);
            if k <= MAXINDEXRK {
                return Ok(rk_as_k(k));
            }
        }
        self.exp_to_any_reg(e)
    }

    /// luaK_storevar: assigns `ex` to variable `var`.
    pub fn store_var(&mut self, var: &ExpDesc, ex: &mut ExpDesc) -> CResult<()> {
        match var.k {
            ExpKind::Local(r) => {
                self.free_exp(ex);
                return self.exp_to_reg(ex, r);
            }
            ExpKind::Upval(u) => {
                let e = self.exp_to_any_reg(ex)?;
                self.code_abc(OpCode::SetUpval, e, u, 0)?;
            }
            ExpKind::Indexed { t, idx, t_is_upval } => {
                let op = if t_is_upval {
                    OpCode::SetTabUp
                } else {
                    OpCode::SetTable
                };
                let e = self.exp_to_rk(ex)?;
                self.code_abc(op, t, idx, e)?;
            }
            _ => {
                return Err(self.error(self.line, ErrorKind::SyntaxError));
            }
        }
        self.free_exp(ex);
        Ok(())
    }

    /// luaK_self: `e:key(` — method and receiver in two fresh registers.
    pub fn self_op(&mut self, e: &mut ExpDesc, key: &mut ExpDesc) -> CResult<()> {
        self.exp_to_any_reg(e)?;
        let ereg = e.reg();
        self.free_exp(e);
        let base = self.fs.freereg;
        e.k = ExpKind::NonReloc(base);
        self.reserve_regs(2)?;
        let rk = self.exp_to_rk(key)?;
        self.code_abc(OpCode::SelfOp, base, ereg, rk)?;
        self.free_exp(key);
        Ok(())
    }

    /// luaK_indexed: `t[k]`; `t` must already be in a register or upvalue.
    pub fn indexed(&mut self, t: &mut ExpDesc, k: &mut ExpDesc) -> CResult<()> {
        debug_assert!(!t.has_jumps());
        let (tr, t_is_upval) = match t.k {
            ExpKind::Upval(u) => (u, true),
            ExpKind::Local(r) | ExpKind::NonReloc(r) => (r, false),
            _ => {
                debug_assert!(false, "indexed on {:?}", t.k);
                (0, false)
            }
        };
        let idx = self.exp_to_rk(k)?;
        t.k = ExpKind::Indexed {
            t: tr,
            idx,
            t_is_upval,
        };
        Ok(())
    }
}
