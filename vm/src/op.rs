//! The bytecode format: Lua 5.3's instruction set and word layout
//! (lopcodes.h), so that the compiler can follow lcode.c and the VM lvm.c.
//!
//! An instruction is a 32-bit word:
//!
//! ```text
//!  31      23 22     14 13     6 5    0
//! |    B    |    C    |    A    |  op  |   iABC
//! |        Bx         |    A    |  op  |   iABx   (Bx unsigned, 18 bits)
//! |        sBx        |    A    |  op  |   iAsBx  (sBx = Bx - MAXARG_SBX)
//! |            Ax               |  op  |   iAx    (26 bits)
//! ```
//!
//! Conventions (as the reference):
//! - `R(x)` is register x of the current frame; `Kst(x)` constant x.
//! - `RK(x)` is `Kst(x - 256)` when bit 8 of x is set (`is_k`), else `R(x)`.
//! - A count of 0 in B of CALL/RETURN/SETLIST or C of CALL means "up to the
//!   stack top" (results of a multi-value expression).
//! - Jumps are relative to the *next* instruction.

/// One instruction word.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Instr(pub u32);

pub const SIZE_OP: u32 = 6;
pub const SIZE_A: u32 = 8;
pub const SIZE_B: u32 = 9;
pub const SIZE_C: u32 = 9;
pub const SIZE_BX: u32 = SIZE_B + SIZE_C;
pub const SIZE_AX: u32 = SIZE_A + SIZE_B + SIZE_C;
pub const POS_A: u32 = SIZE_OP;
pub const POS_C: u32 = POS_A + SIZE_A;
pub const POS_B: u32 = POS_C + SIZE_C;
pub const POS_BX: u32 = POS_C;
pub const POS_AX: u32 = POS_A;

pub const MAXARG_A: u32 = (1 << SIZE_A) - 1;
pub const MAXARG_B: u32 = (1 << SIZE_B) - 1;
pub const MAXARG_C: u32 = (1 << SIZE_C) - 1;
pub const MAXARG_BX: u32 = (1 << SIZE_BX) - 1;
pub const MAXARG_SBX: i32 = (MAXARG_BX >> 1) as i32;
pub const MAXARG_AX: u32 = (1 << SIZE_AX) - 1;

/// Bit 8 of a B/C operand marks a constant index.
pub const BITRK: u32 = 1 << (SIZE_B - 1);
/// Constants with an index up to this fit in an RK operand.
pub const MAXINDEXRK: u32 = BITRK - 1;
/// Number of list items to accumulate before a SETLIST.
pub const LFIELDS_PER_FLUSH: u32 = 50;
/// "No register" marker used by the compiler (as NO_REG).
pub const NO_REG: u32 = MAXARG_A;

#[inline(always)]
pub const fn is_k(x: u32) -> bool {
    x & BITRK != 0
}
#[inline(always)]
pub const fn index_k(x: u32) -> u32 {
    x & !BITRK
}
#[inline(always)]
pub const fn rk_as_k(x: u32) -> u32 {
    x | BITRK
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum OpCode {
    /// `R(A) := R(B)`
    Move,
    /// `R(A) := Kst(Bx)`
    LoadK,
    /// `R(A) := Kst(extra arg)`; the next instruction is EXTRAARG.
    LoadKx,
    /// `R(A) := (Bool)B; if (C) pc++`
    LoadBool,
    /// `R(A), R(A+1), ..., R(A+B) := nil`
    LoadNil,
    /// `R(A) := UpValue[B]`
    GetUpval,
    /// `R(A) := UpValue[B][RK(C)]`; may run `__index`.
    GetTabUp,
    /// `R(A) := R(B)[RK(C)]`; may run `__index`.
    GetTable,
    /// `UpValue[A][RK(B)] := RK(C)`; may run `__newindex`.
    SetTabUp,
    /// `UpValue[B] := R(A)`
    SetUpval,
    /// `R(A)[RK(B)] := RK(C)`; may run `__newindex`.
    SetTable,
    /// `R(A) := {}` with size hints B (array) and C (hash), each encoded as
    /// a "floating point byte" (`int2fb`).
    NewTable,
    /// `R(A+1) := R(B); R(A) := R(B)[RK(C)]`
    SelfOp,
    /// `R(A) := RK(B) + RK(C)`; arithmetic ops may run metamethods.
    Add,
    /// `R(A) := RK(B) - RK(C)`
    Sub,
    /// `R(A) := RK(B) * RK(C)`
    Mul,
    /// `R(A) := RK(B) % RK(C)`
    Mod,
    /// `R(A) := RK(B) ^ RK(C)`
    Pow,
    /// `R(A) := RK(B) / RK(C)`
    Div,
    /// `R(A) := RK(B) // RK(C)`
    IDiv,
    /// `R(A) := RK(B) & RK(C)`
    BAnd,
    /// `R(A) := RK(B) | RK(C)`
    BOr,
    /// `R(A) := RK(B) ~ RK(C)`
    BXor,
    /// `R(A) := RK(B) << RK(C)`
    Shl,
    /// `R(A) := RK(B) >> RK(C)`
    Shr,
    /// `R(A) := -R(B)`
    Unm,
    /// `R(A) := ~R(B)`
    BNot,
    /// `R(A) := not R(B)`
    Not,
    /// `R(A) := length of R(B)`; may run `__len`.
    Len,
    /// `R(A) := R(B).. ... ..R(C)`; may run `__concat`.
    Concat,
    /// `pc += sBx; if (A) close all upvalues >= R(A - 1)`.
    /// A negative sBx is a loop back-edge and charges one reduction.
    Jmp,
    /// `if ((RK(B) == RK(C)) ~= A) then pc++`; the next instruction is a JMP.
    Eq,
    /// `if ((RK(B) <  RK(C)) ~= A) then pc++`
    Lt,
    /// `if ((RK(B) <= RK(C)) ~= A) then pc++`
    Le,
    /// `if not (R(A) <=> C) then pc++`
    Test,
    /// `if (R(B) <=> C) then R(A) := R(B) else pc++`
    TestSet,
    /// `R(A), ... ,R(A+C-2) := R(A)(R(A+1), ... ,R(A+B-1))`; charges a reduction.
    Call,
    /// `return R(A)(R(A+1), ... ,R(A+B-1))`; charges a reduction.
    TailCall,
    /// `return R(A), ... ,R(A+B-2)`
    Return,
    /// `R(A) += R(A+2); if R(A) <?= R(A+1) then { pc += sBx; R(A+3) = R(A) }`;
    /// a back-edge.
    ForLoop,
    /// `R(A) -= R(A+2); pc += sBx`
    ForPrep,
    /// `R(A+3), ... ,R(A+2+C) := R(A)(R(A+1), R(A+2))`
    TForCall,
    /// `if R(A+1) ~= nil then { R(A) = R(A+1); pc += sBx }`; a back-edge.
    TForLoop,
    /// `R(A)[(C-1)*FPF+i] := R(A+i), 1 <= i <= B`; C == 0 means the next
    /// instruction is EXTRAARG holding the real C.
    SetList,
    /// `R(A) := closure(KPROTO[Bx])`
    Closure,
    /// `R(A), R(A+1), ..., R(A+B-2) = vararg`
    Vararg,
    /// Extra (larger) argument for the previous opcode.
    ExtraArg,
}

pub const NUM_OPCODES: usize = OpCode::ExtraArg as usize + 1;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    ABC,
    ABx,
    AsBx,
    Ax,
}

/// How an operand is used (as OpArgMask in lopcodes.c).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgMode {
    /// Not used.
    N,
    /// Used, but not a register or constant.
    U,
    /// A register or a jump offset.
    R,
    /// A constant or register/constant (RK).
    K,
}

#[derive(Clone, Copy, Debug)]
pub struct OpInfo {
    pub name: &'static str,
    pub format: Format,
    /// The instruction is a test: the next one must be a jump.
    pub is_test: bool,
    /// The instruction writes register A.
    pub sets_a: bool,
    pub b: ArgMode,
    pub c: ArgMode,
}

impl OpCode {
    #[inline(always)]
    pub fn from_u8(v: u8) -> Option<OpCode> {
        if (v as usize) < NUM_OPCODES {
            // SAFETY: OpCode is repr(u8) with contiguous discriminants
            // 0..NUM_OPCODES, checked just above.
            Some(unsafe { std::mem::transmute::<u8, OpCode>(v) })
        } else {
            None
        }
    }

    /// The properties table (luaP_opmodes), as an exhaustive match so that
    /// adding an opcode without its row does not compile.
    pub const fn info(self) -> OpInfo {
        use ArgMode::*;
        use Format::*;
        const fn i(
            name: &'static str,
            is_test: bool,
            sets_a: bool,
            b: ArgMode,
            c: ArgMode,
            format: Format,
        ) -> OpInfo {
            OpInfo {
                name,
                format,
                is_test,
                sets_a,
                b,
                c,
            }
        }
        match self {
            OpCode::Move => i("MOVE", false, true, R, N, ABC),
            OpCode::LoadK => i("LOADK", false, true, K, N, ABx),
            OpCode::LoadKx => i("LOADKX", false, true, N, N, ABx),
            OpCode::LoadBool => i("LOADBOOL", false, true, U, U, ABC),
            OpCode::LoadNil => i("LOADNIL", false, true, U, N, ABC),
            OpCode::GetUpval => i("GETUPVAL", false, true, U, N, ABC),
            OpCode::GetTabUp => i("GETTABUP", false, true, U, K, ABC),
            OpCode::GetTable => i("GETTABLE", false, true, R, K, ABC),
            OpCode::SetTabUp => i("SETTABUP", false, false, K, K, ABC),
            OpCode::SetUpval => i("SETUPVAL", false, false, U, N, ABC),
            OpCode::SetTable => i("SETTABLE", false, false, K, K, ABC),
            OpCode::NewTable => i("NEWTABLE", false, true, U, U, ABC),
            OpCode::SelfOp => i("SELF", false, true, R, K, ABC),
            OpCode::Add => i("ADD", false, true, K, K, ABC),
            OpCode::Sub => i("SUB", false, true, K, K, ABC),
            OpCode::Mul => i("MUL", false, true, K, K, ABC),
            OpCode::Mod => i("MOD", false, true, K, K, ABC),
            OpCode::Pow => i("POW", false, true, K, K, ABC),
            OpCode::Div => i("DIV", false, true, K, K, ABC),
            OpCode::IDiv => i("IDIV", false, true, K, K, ABC),
            OpCode::BAnd => i("BAND", false, true, K, K, ABC),
            OpCode::BOr => i("BOR", false, true, K, K, ABC),
            OpCode::BXor => i("BXOR", false, true, K, K, ABC),
            OpCode::Shl => i("SHL", false, true, K, K, ABC),
            OpCode::Shr => i("SHR", false, true, K, K, ABC),
            OpCode::Unm => i("UNM", false, true, R, N, ABC),
            OpCode::BNot => i("BNOT", false, true, R, N, ABC),
            OpCode::Not => i("NOT", false, true, R, N, ABC),
            OpCode::Len => i("LEN", false, true, R, N, ABC),
            OpCode::Concat => i("CONCAT", false, true, R, R, ABC),
            OpCode::Jmp => i("JMP", false, false, R, N, AsBx),
            OpCode::Eq => i("EQ", true, false, K, K, ABC),
            OpCode::Lt => i("LT", true, false, K, K, ABC),
            OpCode::Le => i("LE", true, false, K, K, ABC),
            OpCode::Test => i("TEST", true, false, N, U, ABC),
            OpCode::TestSet => i("TESTSET", true, true, R, U, ABC),
            OpCode::Call => i("CALL", false, true, U, U, ABC),
            OpCode::TailCall => i("TAILCALL", false, true, U, U, ABC),
            OpCode::Return => i("RETURN", false, false, U, N, ABC),
            OpCode::ForLoop => i("FORLOOP", false, true, R, N, AsBx),
            OpCode::ForPrep => i("FORPREP", false, true, R, N, AsBx),
            OpCode::TForCall => i("TFORCALL", false, false, N, U, ABC),
            OpCode::TForLoop => i("TFORLOOP", false, true, R, N, AsBx),
            OpCode::SetList => i("SETLIST", false, false, U, U, ABC),
            OpCode::Closure => i("CLOSURE", false, true, U, N, ABx),
            OpCode::Vararg => i("VARARG", false, true, U, N, ABC),
            OpCode::ExtraArg => i("EXTRAARG", false, false, U, U, Ax),
        }
    }
}

impl Instr {
    #[inline(always)]
    pub const fn abc(op: OpCode, a: u32, b: u32, c: u32) -> Instr {
        Instr((op as u32) | (a << POS_A) | (b << POS_B) | (c << POS_C))
    }
    #[inline(always)]
    pub const fn abx(op: OpCode, a: u32, bx: u32) -> Instr {
        Instr((op as u32) | (a << POS_A) | (bx << POS_BX))
    }
    #[inline(always)]
    pub const fn asbx(op: OpCode, a: u32, sbx: i32) -> Instr {
        Instr::abx(op, a, (sbx + MAXARG_SBX) as u32)
    }
    #[inline(always)]
    pub const fn ax(op: OpCode, ax: u32) -> Instr {
        Instr((op as u32) | (ax << POS_AX))
    }
    #[inline(always)]
    pub fn op(self) -> OpCode {
        // Every Instr is built by the constructors above from a real OpCode;
        // an out-of-range value can only come from corrupt memory.
        OpCode::from_u8((self.0 & 0x3f) as u8).unwrap_or(OpCode::ExtraArg)
    }
    #[inline(always)]
    pub const fn opcode_raw(self) -> u8 {
        (self.0 & 0x3f) as u8
    }
    #[inline(always)]
    pub const fn a(self) -> u32 {
        (self.0 >> POS_A) & MAXARG_A
    }
    #[inline(always)]
    pub const fn b(self) -> u32 {
        (self.0 >> POS_B) & MAXARG_B
    }
    #[inline(always)]
    pub const fn c(self) -> u32 {
        (self.0 >> POS_C) & MAXARG_C
    }
    #[inline(always)]
    pub const fn bx(self) -> u32 {
        (self.0 >> POS_BX) & MAXARG_BX
    }
    #[inline(always)]
    pub const fn sbx(self) -> i32 {
        self.bx() as i32 - MAXARG_SBX
    }
    #[inline(always)]
    pub const fn ax_arg(self) -> u32 {
        (self.0 >> POS_AX) & MAXARG_AX
    }
    pub fn set_a(&mut self, a: u32) {
        self.0 = (self.0 & !(MAXARG_A << POS_A)) | (a << POS_A);
    }
    pub fn set_b(&mut self, b: u32) {
        self.0 = (self.0 & !(MAXARG_B << POS_B)) | (b << POS_B);
    }
    pub fn set_c(&mut self, c: u32) {
        self.0 = (self.0 & !(MAXARG_C << POS_C)) | (c << POS_C);
    }
    pub fn set_bx(&mut self, bx: u32) {
        self.0 = (self.0 & !(MAXARG_BX << POS_BX)) | (bx << POS_BX);
    }
    pub fn set_sbx(&mut self, sbx: i32) {
        self.set_bx((sbx + MAXARG_SBX) as u32);
    }
}

impl std::fmt::Debug for Instr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let op = self.op();
        let info = op.info();
        match info.format {
            Format::ABC => write!(f, "{:<9} {} {} {}", info.name, self.a(), self.b(), self.c()),
            Format::ABx => write!(f, "{:<9} {} {}", info.name, self.a(), self.bx()),
            Format::AsBx => write!(f, "{:<9} {} {}", info.name, self.a(), self.sbx()),
            Format::Ax => write!(f, "{:<9} {}", info.name, self.ax_arg()),
        }
    }
}

/// Converts an integer to a "floating point byte" `eeeeexxx` (luaO_int2fb),
/// used for table size hints in NEWTABLE.
pub fn int2fb(mut x: u32) -> u32 {
    let mut e = 0;
    if x < 8 {
        return x;
    }
    while x >= (8 << 4) {
        x = (x + 0xf) >> 4;
        e += 4;
    }
    while x >= (8 << 1) {
        x = (x + 1) >> 1;
        e += 1;
    }
    ((e + 1) << 3) | (x - 8)
}

/// Inverse of `int2fb` (luaO_fb2int).
pub fn fb2int(x: u32) -> usize {
    if x < 8 {
        x as usize
    } else {
        (((x & 7) + 8) as usize) << ((x >> 3) - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instr_is_four_bytes() {
        assert_eq!(std::mem::size_of::<Instr>(), 4);
    }

    #[test]
    fn every_format_round_trips() {
        let i = Instr::abc(OpCode::Add, 200, 300 | BITRK, 17);
        assert_eq!(
            (i.op(), i.a(), i.b(), i.c()),
            (OpCode::Add, 200, 300 | BITRK, 17)
        );
        let i = Instr::abx(OpCode::LoadK, 3, MAXARG_BX);
        assert_eq!((i.op(), i.a(), i.bx()), (OpCode::LoadK, 3, MAXARG_BX));
        let i = Instr::asbx(OpCode::Jmp, 0, -5);
        assert_eq!((i.op(), i.sbx()), (OpCode::Jmp, -5));
        let i = Instr::ax(OpCode::ExtraArg, MAXARG_AX);
        assert_eq!(i.ax_arg(), MAXARG_AX);
    }

    #[test]
    fn every_opcode_decodes_to_itself() {
        for v in 0..NUM_OPCODES as u8 {
            let op = OpCode::from_u8(v).unwrap();
            assert_eq!(op as u8, v);
            assert!(!op.info().name.is_empty());
        }
        assert!(OpCode::from_u8(NUM_OPCODES as u8).is_none());
    }

    #[test]
    fn float_bytes_round_trip_upwards() {
        for x in [0u32, 7, 8, 9, 50, 100, 1000, 123456] {
            assert!(fb2int(int2fb(x)) >= x as usize);
        }
    }
}
