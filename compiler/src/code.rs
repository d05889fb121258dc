//! Instruction emission and jump lists (the first part of lcode.c).
//!
//! Pending jumps form linked lists threaded through the sBx fields of the
//! JMP instructions themselves (NO_JUMP ends a list), so patching needs no
//! side tables. `jpc` holds jumps to "the next instruction"; they are fixed
//! when that instruction is emitted, which lets a jump to a jump be
//! short-circuited. Every emitted instruction gets `Compiler::line`.

use crate::error::ErrorKind;
use crate::expdesc::NO_JUMP;
use crate::func_state::{CResult, Compiler};
use wlua_vm::op::{Instr, MAXARG_AX, MAXARG_BX, MAXARG_C, MAXARG_SBX, NO_REG, OpCode};

/// LUA_MULTRET: "all values" in result counts.
pub(crate) const MULTRET: i32 = -1;

impl<'a> Compiler<'a> {
    /// luaK_code: appends an instruction, fixing jumps to "here" first.
    pub fn code(&mut self, i: Instr) -> CResult<i32> {
        self.discharge_jpc()?;
        self.fs.f.code.push(i);
        self.fs.f.lineinfo.push(self.line);
        Ok(self.fs.pc() - 1)
    }

    pub fn code_abc(&mut self, op: OpCode, a: u32, b: u32, c: u32) -> CResult<i32> {
        debug_assert!(a <= 255 && b <= 511 && c <= 511, "{op:?} {a} {b} {c}");
        self.code(Instr::abc(op, a, b, c))
    }

    pub fn code_abx(&mut self, op: OpCode, a: u32, bx: u32) -> CResult<i32> {
        self.code(Instr::abx(op, a, bx))
    }

    pub fn code_asbx(&mut self, op: OpCode, a: u32, sbx: i32) -> CResult<i32> {
        self.code(Instr::asbx(op, a, sbx))
    }

    fn code_extraarg(&mut self, a: u32) -> CResult<i32> {
        self.code(Instr::ax(OpCode::ExtraArg, a))
    }

    /// luaK_codek: LOADK, or LOADKX + EXTRAARG for a large index.
    pub fn codek(&mut self, reg: u32, k: u32) -> CResult<i32> {
        if k <= MAXARG_BX {
            self.code_abx(OpCode::LoadK, reg, k)
        } else {
            let p = self.code_abx(OpCode::LoadKx, reg, 0)?;
            self.code_extraarg(k)?;
            Ok(p)
        }
    }

    /// luaK_fixline: the last instruction belongs to `line`.
    pub fn fixline(&mut self, line: u32) {
        if let Some(l) = self.fs.f.lineinfo.last_mut() {
            *l = line;
        }
    }

    pub fn instr_mut(&mut self, pc: i32) -> &mut Instr {
        &mut self.fs.f.code[pc as usize]
    }

    pub fn instr(&self, pc: i32) -> Instr {
        self.fs.f.code[pc as usize]
    }

    /// luaK_ret
    pub fn ret(&mut self, first: u32, nret: i32) -> CResult<i32> {
        self.code_abc(OpCode::Return, first, (nret + 1) as u32, 0)
    }

    /// luaK_nil: LOADNIL, merged into a previous LOADNIL whose range touches
    /// this one when no jump lands in between.
    pub fn nil(&mut self, from: u32, n: u32) -> CResult<()> {
        let mut from = from;
        let mut l = from + n - 1;
        let pc = self.fs.pc();
        if pc > self.fs.lasttarget && pc > 0 {
            let previous = self.instr(pc - 1);
            if previous.op() == OpCode::LoadNil {
                let pfrom = previous.a();
                let pl = pfrom + previous.b();
                if (pfrom <= from && from <= pl + 1) || (from <= pfrom && pfrom <= l + 1) {
                    from = from.min(pfrom);
                    l = l.max(pl);
                    let p = self.instr_mut(pc - 1);
                    p.set_a(from);
                    p.set_b(l - from);
                    return Ok(());
                }
            }
        }
        self.code_abc(OpCode::LoadNil, from, n - 1, 0)?;
        Ok(())
    }

    /// luaK_setlist: stores `tostore` list items (MULTRET: up to the top)
    /// after the first `nelems - tostore` ones of the table in `base`.
    pub fn setlist(&mut self, base: u32, nelems: u32, tostore: i32) -> CResult<()> {
        let c = (nelems.wrapping_sub(1)) / wlua_vm::op::LFIELDS_PER_FLUSH + 1;
        let b = if tostore == MULTRET {
            0
        } else {
            tostore as u32
        };
        if c <= MAXARG_C {
            self.code_abc(OpCode::SetList, base, b, c)?;
        } else if c <= MAXARG_AX {
            self.code_abc(OpCode::SetList, base, b, 0)?;
            self.code_extraarg(c)?;
        } else {
            return Err(self.syntax_error(ErrorKind::ConstructorTooLong, self.line, self.pos));
        }
        self.fs.freereg = base + 1;
        Ok(())
    }

    // ------------------------------------------------------------------
    // Jumps

    /// Destination of the jump at `pc`, or NO_JUMP at the end of a list.
    pub fn get_jump(&self, pc: i32) -> i32 {
        let offset = self.instr(pc).sbx();
        if offset == NO_JUMP {
            NO_JUMP
        } else {
            pc + 1 + offset
        }
    }

    fn fix_jump(&mut self, pc: i32, dest: i32) -> CResult<()> {
        debug_assert!(dest != NO_JUMP);
        let offset = dest - (pc + 1);
        if offset.abs() > MAXARG_SBX {
            return Err(self.syntax_error(ErrorKind::ControlStructureTooLong, self.line, self.pos));
        }
        self.instr_mut(pc).set_sbx(offset);
        Ok(())
    }

    /// luaK_concat: appends list `l2` to list `l1`, returning the new `l1`.
    pub fn concat(&mut self, l1: i32, l2: i32) -> CResult<i32> {
        if l2 == NO_JUMP {
            return Ok(l1);
        }
        if l1 == NO_JUMP {
            return Ok(l2);
        }
        let mut list = l1;
        loop {
            let next = self.get_jump(list);
            if next == NO_JUMP {
                break;
            }
            list = next;
        }
        self.fix_jump(list, l2)?;
        Ok(l1)
    }

    /// luaK_jump: an open JMP, which takes over the jumps pending "to here".
    pub fn jump(&mut self) -> CResult<i32> {
        let jpc = self.fs.jpc;
        self.fs.jpc = NO_JUMP;
        let j = self.code_asbx(OpCode::Jmp, 0, NO_JUMP)?;
        self.concat(j, jpc)
    }

    /// A test or comparison followed by its jump (condjump).
    pub fn cond_jump(&mut self, op: OpCode, a: u32, b: u32, c: u32) -> CResult<i32> {
        self.code_abc(op, a, b, c)?;
        self.jump()
    }

    /// luaK_getlabel: the current pc, marked as a jump target.
    pub fn get_label(&mut self) -> i32 {
        self.fs.lasttarget = self.fs.pc();
        self.fs.pc()
    }

    /// The instruction controlling the jump at `pc`: its test, if any.
    pub fn jump_control(&self, pc: i32) -> i32 {
        if pc >= 1 && self.instr(pc - 1).op().info().is_test {
            pc - 1
        } else {
            pc
        }
    }

    /// patchtestreg: a TESTSET controlling `node` gets destination `reg`, or
    /// becomes a plain TEST when there is none (or no need for a copy).
    /// False when the jump is not controlled by a TESTSET.
    fn patch_test_reg(&mut self, node: i32, reg: u32) -> bool {
        let ctl = self.jump_control(node);
        let i = self.instr(ctl);
        if i.op() != OpCode::TestSet {
            return false;
        }
        if reg != NO_REG && reg != i.b() {
            self.instr_mut(ctl).set_a(reg);
        } else {
            *self.instr_mut(ctl) = Instr::abc(OpCode::Test, i.b(), 0, i.c());
        }
        true
    }

    /// removevalues: no test in the list produces a value.
    pub fn remove_values(&mut self, mut list: i32) {
        while list != NO_JUMP {
            self.patch_test_reg(list, NO_REG);
            list = self.get_jump(list);
        }
    }

    /// patchlistaux: value-producing tests jump to `vtarget` with their
    /// value in `reg`; the others jump to `dtarget`.
    pub fn patch_list_aux(
        &mut self,
        mut list: i32,
        vtarget: i32,
        reg: u32,
        dtarget: i32,
    ) -> CResult<()> {
        while list != NO_JUMP {
            let next = self.get_jump(list);
            if self.patch_test_reg(list, reg) {
                self.fix_jump(list, vtarget)?;
            } else {
                self.fix_jump(list, dtarget)?;
            }
            list = next;
        }
        Ok(())
    }

    fn discharge_jpc(&mut self) -> CResult<()> {
        let jpc = self.fs.jpc;
        if jpc != NO_JUMP {
            let pc = self.fs.pc();
            self.patch_list_aux(jpc, pc, NO_REG, pc)?;
            self.fs.jpc = NO_JUMP;
        }
        Ok(())
    }

    /// luaK_patchtohere: `list` jumps to the next instruction emitted.
    pub fn patch_to_here(&mut self, list: i32) -> CResult<()> {
        self.get_label();
        self.fs.jpc = self.concat(self.fs.jpc, list)?;
        Ok(())
    }

    /// luaK_patchlist: `list` jumps to `target` (here or backwards).
    pub fn patch_list(&mut self, list: i32, target: i32) -> CResult<()> {
        if target == self.fs.pc() {
            self.patch_to_here(list)
        } else {
            debug_assert!(target < self.fs.pc());
            self.patch_list_aux(list, target, NO_REG, target)
        }
    }

    /// luaK_patchclose: the jumps in `list` close upvalues from register
    /// `level` up (A = level + 1; 0 means "close nothing").
    pub fn patch_close(&mut self, mut list: i32, level: u32) {
        let level = level + 1;
        while list != NO_JUMP {
            debug_assert!(self.instr(list).op() == OpCode::Jmp);
            self.instr_mut(list).set_a(level);
            list = self.get_jump(list);
        }
    }

    /// luaK_jumpto
    pub fn jump_to(&mut self, target: i32) -> CResult<()> {
        let j = self.jump()?;
        self.patch_list(j, target)
    }
}
