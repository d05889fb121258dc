//! Operators and conditions (the last part of lcode.c): `luaK_prefix`,
//! `luaK_infix`, `luaK_posfix`, the `goiftrue`/`goiffalse` jump logic behind
//! `and`, `or`, `not` and control statements, comparisons and CONCAT merging.

use crate::expdesc::{ExpDesc, ExpKind, NO_JUMP, Num};
use crate::fold::{ArithOp, fold};
use crate::func_state::{CResult, Compiler};
use wlua_parser::ast::{BinOp, UnOp};
use wlua_vm::op::{NO_REG, OpCode, rk_as_k};

fn arith_opcode(op: ArithOp) -> OpCode {
    match op {
        ArithOp::Add => OpCode::Add,
        ArithOp::Sub => OpCode::Sub,
        ArithOp::Mul => OpCode::Mul,
        ArithOp::Mod => OpCode::Mod,
        ArithOp::Pow => OpCode::Pow,
        ArithOp::Div => OpCode::Div,
        ArithOp::IDiv => OpCode::IDiv,
        ArithOp::BAnd => OpCode::BAnd,
        ArithOp::BOr => OpCode::BOr,
        ArithOp::BXor => OpCode::BXor,
        ArithOp::Shl => OpCode::Shl,
        ArithOp::Shr => OpCode::Shr,
        ArithOp::Unm => OpCode::Unm,
        ArithOp::BNot => OpCode::BNot,
    }
}

/// The arithmetic/bitwise operators, which fold and produce values.
fn arith_of(op: BinOp) -> Option<ArithOp> {
    Some(match op {
        BinOp::Add => ArithOp::Add,
        BinOp::Sub => ArithOp::Sub,
        BinOp::Mul => ArithOp::Mul,
        BinOp::Div => ArithOp::Div,
        BinOp::IDiv => ArithOp::IDiv,
        BinOp::Mod => ArithOp::Mod,
        BinOp::Pow => ArithOp::Pow,
        BinOp::BAnd => ArithOp::BAnd,
        BinOp::BOr => ArithOp::BOr,
        BinOp::BXor => ArithOp::BXor,
        BinOp::Shl => ArithOp::Shl,
        BinOp::Shr => ArithOp::Shr,
        _ => return None,
    })
}

impl<'a> Compiler<'a> {
    /// Tries to fold `e1 op e2` into `e1` (lcode.c constfolding).
    fn const_folding(&mut self, op: ArithOp, e1: &mut ExpDesc, e2: &ExpDesc) -> bool {
        let (Some(a), Some(b)) = (e1.numeral(), e2.numeral()) else {
            return false;
        };
        match fold(op, a, b) {
            Some(Num::Int(i)) => {
                e1.k = ExpKind::KInt(i);
                true
            }
            Some(Num::Flt(f)) => {
                e1.k = ExpKind::KFlt(f);
                true
            }
            None => false,
        }
    }

    /// negatecondition: flips the A (expected result) of a comparison.
    fn negate_condition(&mut self, e: &ExpDesc) {
        let ctl = self.jump_control(e.pc());
        let i = self.instr_mut(ctl);
        let a = i.a();
        i.set_a((a == 0) as u32);
    }

    /// jumponcond: jump when `e` tests as `cond`, folding a preceding NOT
    /// into the test.
    fn jump_on_cond(&mut self, e: &mut ExpDesc, cond: bool) -> CResult<i32> {
        if let ExpKind::Relocable(pc) = e.k {
            let ie = self.instr(pc);
            if ie.op() == OpCode::Not {
                // Remove the NOT; it was the last instruction emitted.
                self.fs.f.code.pop();
                self.fs.f.lineinfo.pop();
                return self.cond_jump(OpCode::Test, ie.b(), 0, (!cond) as u32);
            }
        }
        self.discharge_to_any_reg(e)?;
        self.free_exp(e);
        self.cond_jump(OpCode::TestSet, NO_REG, e.reg(), cond as u32)
    }

    /// luaK_goiftrue: fall through when `e` is true, jump otherwise.
    pub fn go_if_true(&mut self, e: &mut ExpDesc) -> CResult<()> {
        self.discharge_vars(e)?;
        let pc = match e.k {
            ExpKind::Jmp(pc) => {
                self.negate_condition(e);
                pc
            }
            ExpKind::K(_) | ExpKind::KFlt(_) | ExpKind::KInt(_) | ExpKind::True => NO_JUMP,
            _ => self.jump_on_cond(e, false)?,
        };
        e.f = self.concat(e.f, pc)?;
        self.patch_to_here(e.t)?;
        e.t = NO_JUMP;
        Ok(())
    }

    /// luaK_goiffalse: fall through when `e` is false, jump otherwise.
    pub fn go_if_false(&mut self, e: &mut ExpDesc) -> CResult<()> {
        self.discharge_vars(e)?;
        let pc = match e.k {
            ExpKind::Jmp(pc) => pc,
            ExpKind::Nil | ExpKind::False => NO_JUMP,
            _ => self.jump_on_cond(e, true)?,
        };
        e.t = self.concat(e.t, pc)?;
        self.patch_to_here(e.f)?;
        e.f = NO_JUMP;
        Ok(())
    }

    /// codenot: `not e`, folding constants and flipping conditions.
    fn code_not(&mut self, e: &mut ExpDesc) -> CResult<()> {
        self.discharge_vars(e)?;
        match e.k {
            ExpKind::Nil | ExpKind::False => e.k = ExpKind::True,
            ExpKind::K(_) | ExpKind::KFlt(_) | ExpKind::KInt(_) | ExpKind::True => {
                e.k = ExpKind::False
            }
            ExpKind::Jmp(_) => self.negate_condition(e),
            ExpKind::Relocable(_) | ExpKind::NonReloc(_) => {
                self.discharge_to_any_reg(e)?;
                self.free_exp(e);
                let pc = self.code_abc(OpCode::Not, 0, e.reg(), 0)?;
                e.k = ExpKind::Relocable(pc);
            }
            _ => debug_assert!(false, "not on {:?}", e.k),
        }
        std::mem::swap(&mut e.f, &mut e.t);
        self.remove_values(e.f);
        self.remove_values(e.t);
        Ok(())
    }

    /// codeunexpval: UNM, BNOT or LEN of a register.
    fn code_unexpval(&mut self, op: OpCode, e: &mut ExpDesc, line: u32) -> CResult<()> {
        let r = self.exp_to_any_reg(e)?;
        self.free_exp(e);
        let pc = self.code_abc(op, 0, r, 0)?;
        e.k = ExpKind::Relocable(pc);
        self.fixline(line);
        Ok(())
    }

    /// codebinexpval: an arithmetic, bitwise or concat instruction. Operands
    /// are converted in stack order (`e2` first: it may hold the newer
    /// register).
    fn code_binexpval(
        &mut self,
        op: OpCode,
        e1: &mut ExpDesc,
        e2: &mut ExpDesc,
        line: u32,
    ) -> CResult<()> {
        let rk2 = self.exp_to_rk(e2)?;
        let rk1 = self.exp_to_rk(e1)?;
        self.free_exps(e1, e2);
        let pc = self.code_abc(op, 0, rk1, rk2)?;
        e1.k = ExpKind::Relocable(pc);
        self.fixline(line);
        Ok(())
    }

    /// codecomp: `e1` is already an RK (luaK_infix); `>`/`>=` swap operands.
    fn code_comp(&mut self, op: BinOp, e1: &mut ExpDesc, e2: &mut ExpDesc) -> CResult<()> {
        let rk1 = match e1.k {
            ExpKind::K(k) => rk_as_k(k),
            _ => e1.reg(),
        };
        let rk2 = self.exp_to_rk(e2)?;
        self.free_exps(e1, e2);
        let pc = match op {
            BinOp::Ne => self.cond_jump(OpCode::Eq, 0, rk1, rk2)?,
            BinOp::Gt => self.cond_jump(OpCode::Lt, 1, rk2, rk1)?,
            BinOp::Ge => self.cond_jump(OpCode::Le, 1, rk2, rk1)?,
            BinOp::Eq => self.cond_jump(OpCode::Eq, 1, rk1, rk2)?,
            BinOp::Lt => self.cond_jump(OpCode::Lt, 1, rk1, rk2)?,
            _ => self.cond_jump(OpCode::Le, 1, rk1, rk2)?,
        };
        e1.k = ExpKind::Jmp(pc);
        Ok(())
    }

    /// luaK_prefix: applies a unary operator to `e`.
    pub fn prefix(&mut self, op: UnOp, e: &mut ExpDesc, line: u32) -> CResult<()> {
        let zero = ExpDesc::new(ExpKind::KInt(0));
        match op {
            UnOp::Neg => {
                if !self.const_folding(ArithOp::Unm, e, &zero) {
                    self.code_unexpval(OpCode::Unm, e, line)?;
                }
            }
            UnOp::BNot => {
                if !self.const_folding(ArithOp::BNot, e, &zero) {
                    self.code_unexpval(OpCode::BNot, e, line)?;
                }
            }
            UnOp::Len => self.code_unexpval(OpCode::Len, e, line)?,
            UnOp::Not => self.code_not(e)?,
        }
        Ok(())
    }

    /// luaK_infix: prepares the first operand before the second is compiled.
    pub fn infix(&mut self, op: BinOp, v: &mut ExpDesc) -> CResult<()> {
        match op {
            BinOp::And => self.go_if_true(v)?,
            BinOp::Or => self.go_if_false(v)?,
            BinOp::Concat => self.exp_to_next_reg(v)?,
            _ if arith_of(op).is_some() => {
                // Keep a numeral: it may fold with the second operand.
                if v.numeral().is_none() {
                    self.exp_to_rk(v)?;
                }
            }
            _ => {
                self.exp_to_rk(v)?;
            }
        }
        Ok(())
    }

    /// luaK_posfix: finishes `e1 op e2` into `e1`.
    pub fn posfix(
        &mut self,
        op: BinOp,
        e1: &mut ExpDesc,
        mut e2: ExpDesc,
        line: u32,
    ) -> CResult<()> {
        match op {
            BinOp::And => {
                debug_assert_eq!(e1.t, NO_JUMP);
                self.discharge_vars(&mut e2)?;
                e2.f = self.concat(e2.f, e1.f)?;
                *e1 = e2;
            }
            BinOp::Or => {
                debug_assert_eq!(e1.f, NO_JUMP);
                self.discharge_vars(&mut e2)?;
                e2.t = self.concat(e2.t, e1.t)?;
                *e1 = e2;
            }
            BinOp::Concat => {
                self.exp_to_val(&mut e2)?;
                let merge = match e2.k {
                    ExpKind::Relocable(pc) if self.instr(pc).op() == OpCode::Concat => Some(pc),
                    _ => None,
                };
                if let Some(pc) = merge {
                    // `a .. (b .. c)`: one CONCAT over the three registers.
                    debug_assert_eq!(e1.reg() + 1, self.instr(pc).b());
                    self.free_exp(e1);
                    let r = e1.reg();
                    self.instr_mut(pc).set_b(r);
                    e1.k = ExpKind::Relocable(pc);
                } else {
                    self.exp_to_next_reg(&mut e2)?;
                    self.code_binexpval(OpCode::Concat, e1, &mut e2, line)?;
                }
            }
            BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
                self.code_comp(op, e1, &mut e2)?;
            }
            _ => {
                let Some(aop) = arith_of(op) else {
                    debug_assert!(false, "unhandled operator {op:?}");
                    return Ok(());
                };
                if !self.const_folding(aop, e1, &e2) {
                    self.code_binexpval(arith_opcode(aop), e1, &mut e2, line)?;
                }
            }
        }
        Ok(())
    }
}
