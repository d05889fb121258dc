//! Metamethod events and lookup (ltm.c's role), and arithmetic on values
//! with the 5.3 coercion rules (lvm.c luaO_arith, luaV_tointeger).

use crate::gc::Gc;
use crate::number;
use crate::table::Table;
use crate::value::{Value, float_to_int};

/// Metamethod events, in the reference's order (ORDER TM).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Tm {
    Index,
    NewIndex,
    Gc,
    Mode,
    Len,
    Eq,
    Add,
    Sub,
    Mul,
    Mod,
    Pow,
    Div,
    IDiv,
    BAnd,
    BOr,
    BXor,
    Shl,
    Shr,
    Unm,
    BNot,
    Lt,
    Le,
    Concat,
    Call,
}

pub const TM_N: usize = Tm::Call as usize + 1;

pub const TM_NAMES: [&str; TM_N] = [
    "__index",
    "__newindex",
    "__gc",
    "__mode",
    "__len",
    "__eq",
    "__add",
    "__sub",
    "__mul",
    "__mod",
    "__pow",
    "__div",
    "__idiv",
    "__band",
    "__bor",
    "__bxor",
    "__shl",
    "__shr",
    "__unm",
    "__bnot",
    "__lt",
    "__le",
    "__concat",
    "__call",
];

impl Tm {
    pub fn name(self) -> &'static str {
        TM_NAMES[self as usize]
    }

    /// The event name without underscores, as in "metamethod 'add'".
    pub fn short_name(self) -> &'static str {
        &TM_NAMES[self as usize][2..]
    }
}

/// Arithmetic and bitwise operators, in opcode order (ADD..SHR, then the
/// unary ones).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArithOp {
    Add,
    Sub,
    Mul,
    Mod,
    Pow,
    Div,
    IDiv,
    BAnd,
    BOr,
    BXor,
    Shl,
    Shr,
    Unm,
    BNot,
}

impl ArithOp {
    pub fn tm(self) -> Tm {
        match self {
            ArithOp::Add => Tm::Add,
            ArithOp::Sub => Tm::Sub,
            ArithOp::Mul => Tm::Mul,
            ArithOp::Mod => Tm::Mod,
            ArithOp::Pow => Tm::Pow,
            ArithOp::Div => Tm::Div,
            ArithOp::IDiv => Tm::IDiv,
            ArithOp::BAnd => Tm::BAnd,
            ArithOp::BOr => Tm::BOr,
            ArithOp::BXor => Tm::BXor,
            ArithOp::Shl => Tm::Shl,
            ArithOp::Shr => Tm::Shr,
            ArithOp::Unm => Tm::Unm,
            ArithOp::BNot => Tm::BNot,
        }
    }

    pub fn is_bitwise(self) -> bool {
        matches!(
            self,
            ArithOp::BAnd
                | ArithOp::BOr
                | ArithOp::BXor
                | ArithOp::Shl
                | ArithOp::Shr
                | ArithOp::BNot
        )
    }
}

/// Why raw arithmetic failed (the caller then tries metamethods and words
/// the error).
#[derive(Debug, PartialEq, Eq)]
pub enum ArithError {
    /// An operand is not a number (nor a convertible string).
    NotNumber,
    /// Bitwise on a float without an integer value.
    NoIntegerRep,
    /// Integer `//` or `%` by zero.
    DivByZero,
    ModByZero,
}

/// Integer conversion of a number or numeric string for bitwise operators.
fn to_int_bitwise(v: &Value) -> Result<i64, ArithError> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Float(f) => float_to_int(*f).ok_or(ArithError::NoIntegerRep),
        Value::Str(_) => match v.to_number() {
            Some(Value::Int(i)) => Ok(i),
            Some(Value::Float(f)) => float_to_int(f).ok_or(ArithError::NoIntegerRep),
            _ => Err(ArithError::NotNumber),
        },
        _ => Err(ArithError::NotNumber),
    }
}

/// Raw arithmetic (luaO_arith) with string coercion; no metamethods.
pub fn arith(op: ArithOp, a: Value, b: Value) -> Result<Value, ArithError> {
    if op.is_bitwise() {
        let x = to_int_bitwise(&a);
        let y = to_int_bitwise(&b);
        // A non-number anywhere is reported as such before a float problem.
        let (x, y) = match (x, y) {
            (Ok(x), Ok(y)) => (x, y),
            (Err(ArithError::NotNumber), _) | (_, Err(ArithError::NotNumber)) => {
                return Err(ArithError::NotNumber);
            }
            (Err(e), _) | (_, Err(e)) => return Err(e),
        };
        return Ok(Value::Int(match op {
            ArithOp::BAnd => x & y,
            ArithOp::BOr => x | y,
            ArithOp::BXor => x ^ y,
            ArithOp::Shl => number::shift_left(x, y),
            ArithOp::Shr => number::shift_left(x, y.wrapping_neg()),
            _ => !x,
        }));
    }
    // Only two integers give an integer result: strings convert to floats
    // here (the `tonumber` macro of lvm.c yields a lua_Number).
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        match op {
            ArithOp::Add => return Ok(Value::Int(x.wrapping_add(y))),
            ArithOp::Sub => return Ok(Value::Int(x.wrapping_sub(y))),
            ArithOp::Mul => return Ok(Value::Int(x.wrapping_mul(y))),
            ArithOp::Mod => {
                if y == 0 {
                    return Err(ArithError::ModByZero);
                }
                return Ok(Value::Int(number::imod(x, y)));
            }
            ArithOp::IDiv => {
                if y == 0 {
                    return Err(ArithError::DivByZero);
                }
                return Ok(Value::Int(number::idiv(x, y)));
            }
            ArithOp::Unm => return Ok(Value::Int(x.wrapping_neg())),
            _ => {}
        }
    }
    let x = a
        .to_number()
        .and_then(|v| v.as_f64())
        .ok_or(ArithError::NotNumber)?;
    let y = b
        .to_number()
        .and_then(|v| v.as_f64())
        .ok_or(ArithError::NotNumber)?;
    Ok(Value::Float(arith_float(op, x, y)))
}

#[inline]
pub fn arith_float(op: ArithOp, x: f64, y: f64) -> f64 {
    match op {
        ArithOp::Add => x + y,
        ArithOp::Sub => x - y,
        ArithOp::Mul => x * y,
        ArithOp::Div => x / y,
        ArithOp::Mod => number::fmod(x, y),
        ArithOp::Pow => {
            if y == 2.0 {
                x * x
            } else {
                x.powf(y)
            }
        }
        ArithOp::IDiv => (x / y).floor(),
        ArithOp::Unm => -x,
        _ => 0.0,
    }
}

/// A metatable's field for `event`, using the absence cache.
#[inline]
pub fn fast_tm(mt: Gc<Table>, event: Tm, name: Value) -> Option<Value> {
    let t = mt.get_mut();
    let bit = 1u32 << (event as u32);
    if t.tm_absent & bit != 0 {
        return None;
    }
    let v = t.get_str(name);
    if v.is_nil() {
        t.tm_absent |= bit;
        None
    } else {
        Some(v)
    }
}
