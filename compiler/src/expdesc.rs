//! `ExpDesc`: an expression whose code is not (fully) generated yet, as
//! lparser.h's `expdesc`. Code generation delays materialising a value so
//! that it can end up where it is needed: in a constant slot of an RK
//! operand, directly in a local's register, or as a conditional jump.
//!
//! The kinds, their payloads and the jump lists follow lcode.c exactly; the
//! functions that move an expression between kinds live in regalloc.rs
//! (discharging to registers) and operators.rs (operators and conditions).

/// End of a jump list (lcode.h NO_JUMP). Jump lists are chained through the
/// sBx fields of the JMP instructions themselves, as in the reference.
pub(crate) const NO_JUMP: i32 = -1;

/// What an expression is at this point of code generation (lparser.h expkind).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum ExpKind {
    /// No value: an empty expression list.
    Void,
    Nil,
    True,
    False,
    /// A constant already in the constant table (index).
    K(u32),
    /// A float constant not yet in the table (may still be folded).
    KFlt(f64),
    /// An integer constant not yet in the table (may still be folded).
    KInt(i64),
    /// The value is in a fixed register.
    NonReloc(u32),
    /// A local variable in its register.
    Local(u32),
    /// An upvalue of the current function.
    Upval(u32),
    /// `t[idx]`: `t` is a register (or an upvalue when `t_is_upval`), `idx`
    /// an RK operand.
    Indexed {
        t: u32,
        idx: u32,
        t_is_upval: bool,
    },
    /// A comparison/test; the payload is the pc of its JMP.
    Jmp(i32),
    /// The value comes from the instruction at pc, whose A is still open.
    Relocable(i32),
    /// An open call (pc of the CALL); may produce several results.
    Call(i32),
    /// `...` (pc of the VARARG); may produce several results.
    Vararg(i32),
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct ExpDesc {
    pub k: ExpKind,
    /// Patch list of "exit when true".
    pub t: i32,
    /// Patch list of "exit when false".
    pub f: i32,
}

/// A numeric constant, as folding sees it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Num {
    Int(i64),
    Flt(f64),
}

impl ExpDesc {
    pub fn new(k: ExpKind) -> ExpDesc {
        ExpDesc {
            k,
            t: NO_JUMP,
            f: NO_JUMP,
        }
    }

    pub fn has_jumps(&self) -> bool {
        self.t != self.f
    }

    /// An expression that may produce several values (lparser.c hasmultret).
    pub fn is_multret(&self) -> bool {
        matches!(self.k, ExpKind::Call(_) | ExpKind::Vararg(_))
    }

    /// The numeric value of a numeral without jumps (lcode.c tonumeral).
    pub fn numeral(&self) -> Option<Num> {
        if self.has_jumps() {
            return None;
        }
        match self.k {
            ExpKind::KInt(i) => Some(Num::Int(i)),
            ExpKind::KFlt(f) => Some(Num::Flt(f)),
            _ => None,
        }
    }

    /// The register of a `NonReloc` expression (`u.info`).
    pub fn reg(&self) -> u32 {
        match self.k {
            ExpKind::NonReloc(r) | ExpKind::Local(r) => r,
            _ => {
                debug_assert!(false, "expression not in a register: {:?}", self.k);
                0
            }
        }
    }

    /// The pc of the instruction behind a pending expression (`u.info`).
    pub fn pc(&self) -> i32 {
        match self.k {
            ExpKind::Jmp(pc) | ExpKind::Relocable(pc) | ExpKind::Call(pc) | ExpKind::Vararg(pc) => {
                pc
            }
            _ => {
                debug_assert!(false, "expression has no instruction: {:?}", self.k);
                0
            }
        }
    }
}
