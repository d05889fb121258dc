//! Constant folding (lcode.c constfolding/validop, with lobject.c luaO_arith
//! for the arithmetic itself).
//!
//! Folding happens only when the result is exactly what the VM would compute
//! and cannot raise: no integer division or modulo by zero (nor float ones:
//! the reference refuses any zero divisor), bitwise operators only on
//! operands with an exact integer representation, and never a result that is
//! NaN or a float zero (which could be -0.0, and 0.0 and -0.0 would collide
//! as constant-table keys).

use crate::expdesc::Num;

/// The operators that can be folded, in the reference's LUA_OP* sense.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ArithOp {
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

/// Folds `a op b` (for unary operators `b` is the dummy integer 0), or
/// returns None when the reference would leave the operation to run time.
pub(crate) fn fold(op: ArithOp, a: Num, b: Num) -> Option<Num> {
    if !valid_op(op, a, b) {
        return None;
    }
    match arith(op, a, b)? {
        Num::Int(i) => Some(Num::Int(i)),
        Num::Flt(f) => {
            // Folds neither NaN nor 0.0 (to avoid problems with -0.0).
            if f.is_nan() || f == 0.0 {
                None
            } else {
                Some(Num::Flt(f))
            }
        }
    }
}

/// lcode.c validop: would this operation be safe to do at compile time?
fn valid_op(op: ArithOp, a: Num, b: Num) -> bool {
    use ArithOp::*;
    match op {
        BAnd | BOr | BXor | Shl | Shr | BNot => to_integer(a).is_some() && to_integer(b).is_some(),
        Div | IDiv | Mod => to_float(b) != 0.0,
        _ => true,
    }
}

fn to_float(n: Num) -> f64 {
    match n {
        Num::Int(i) => i as f64,
        Num::Flt(f) => f,
    }
}

/// luaV_tointeger in exact mode: floats convert only when integral and in
/// range.
pub(crate) fn to_integer(n: Num) -> Option<i64> {
    match n {
        Num::Int(i) => Some(i),
        Num::Flt(f) => float_to_integer(f),
    }
}

pub(crate) fn float_to_integer(f: f64) -> Option<i64> {
    // -2^63 <= f < 2^63, and no fractional part.
    if f.floor() == f && (-9223372036854775808.0..9223372036854775808.0).contains(&f) {
        Some(f as i64)
    } else {
        None
    }
}

/// luaO_arith on numbers: integer operations when both operands are
/// integers (and the operator has an integer version), float otherwise.
fn arith(op: ArithOp, a: Num, b: Num) -> Option<Num> {
    use ArithOp::*;
    match op {
        BAnd | BOr | BXor | Shl | Shr | BNot => {
            let x = to_integer(a)?;
            let y = to_integer(b)?;
            Some(Num::Int(match op {
                BAnd => x & y,
                BOr => x | y,
                BXor => x ^ y,
                Shl => shift_left(x, y),
                Shr => shift_left(x, y.wrapping_neg()),
                _ => !x,
            }))
        }
        Div | Pow => {
            let (x, y) = (to_float(a), to_float(b));
            Some(Num::Flt(if op == Div { x / y } else { pow(x, y) }))
        }
        _ => match (a, b) {
            (Num::Int(x), Num::Int(y)) => Some(Num::Int(match op {
                Add => x.wrapping_add(y),
                Sub => x.wrapping_sub(y),
                Mul => x.wrapping_mul(y),
                Mod => int_mod(x, y)?,
                IDiv => int_div(x, y)?,
                _ => x.wrapping_neg(), // Unm
            })),
            _ => {
                let (x, y) = (to_float(a), to_float(b));
                Some(Num::Flt(match op {
                    Add => x + y,
                    Sub => x - y,
                    Mul => x * y,
                    Mod => float_mod(x, y),
                    IDiv => (x / y).floor(),
                    _ => -x, // Unm
                }))
            }
        },
    }
}

/// luaV_shiftl: logical shifts; shifting by 64 or more bits gives 0 and a
/// negative count shifts the other way.
fn shift_left(x: i64, y: i64) -> i64 {
    if y < 0 {
        if y <= -64 {
            0
        } else {
            ((x as u64) >> (-y) as u32) as i64
        }
    } else if y >= 64 {
        0
    } else {
        ((x as u64) << y as u32) as i64
    }
}

/// luaV_div: floor division. The divisor is never 0 here (valid_op).
fn int_div(m: i64, n: i64) -> Option<i64> {
    if n == 0 {
        return None;
    }
    if n == -1 {
        return Some(m.wrapping_neg());
    }
    let q = m / n;
    if (m ^ n) < 0 && m % n != 0 {
        Some(q - 1)
    } else {
        Some(q)
    }
}

/// luaV_mod: the result has the sign of the divisor.
fn int_mod(m: i64, n: i64) -> Option<i64> {
    if n == 0 {
        return None;
    }
    if n == -1 {
        return Some(0);
    }
    let r = m % n;
    if r != 0 && (r ^ n) < 0 {
        Some(r + n)
    } else {
        Some(r)
    }
}

/// luai_nummod: C fmod, corrected so the result has the divisor's sign.
fn float_mod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if if m > 0.0 { b < 0.0 } else { m < 0.0 && b != m } {
        m + b
    } else {
        m
    }
}

/// luai_numpow: C pow (5.3 has no special case for squares).
fn pow(a: f64, b: f64) -> f64 {
    a.powf(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ArithOp::*;
    use Num::*;

    #[test]
    fn integer_arithmetic_wraps_and_floors() {
        assert_eq!(fold(Add, Int(i64::MAX), Int(1)), Some(Int(i64::MIN)));
        assert_eq!(fold(IDiv, Int(7), Int(-2)), Some(Int(-4)));
        assert_eq!(fold(Mod, Int(-7), Int(3)), Some(Int(2)));
        assert_eq!(fold(Mod, Int(i64::MIN), Int(-1)), Some(Int(0)));
        assert_eq!(fold(IDiv, Int(i64::MIN), Int(-1)), Some(Int(i64::MIN)));
        assert_eq!(fold(Unm, Int(5), Int(0)), Some(Int(-5)));
    }

    #[test]
    fn division_by_zero_is_never_folded() {
        assert_eq!(fold(IDiv, Int(1), Int(0)), None);
        assert_eq!(fold(Mod, Int(1), Int(0)), None);
        assert_eq!(fold(Div, Int(1), Int(0)), None);
        assert_eq!(fold(Div, Flt(1.0), Flt(0.0)), None);
        assert_eq!(fold(Mod, Flt(1.0), Flt(-0.0)), None);
    }

    #[test]
    fn nan_and_zero_floats_are_not_folded() {
        assert_eq!(fold(Sub, Flt(1.0), Flt(1.0)), None);
        assert_eq!(fold(Unm, Flt(0.0), Int(0)), None);
        assert_eq!(fold(Mul, Flt(f64::INFINITY), Int(0)), None);
        assert_eq!(fold(Add, Flt(f64::INFINITY), Flt(f64::NEG_INFINITY)), None);
        assert_eq!(fold(Div, Int(1), Int(2)), Some(Flt(0.5)));
        assert_eq!(fold(Pow, Int(2), Int(10)), Some(Flt(1024.0)));
        assert_eq!(fold(Mod, Flt(5.5), Int(-2)), Some(Flt(-0.5)));
    }

    #[test]
    fn bitwise_needs_exact_integers() {
        assert_eq!(fold(BAnd, Flt(3.0), Int(1)), Some(Int(1)));
        assert_eq!(fold(BAnd, Flt(3.5), Int(1)), None);
        assert_eq!(fold(BOr, Flt(1e100), Int(1)), None);
        assert_eq!(fold(BNot, Int(0), Int(0)), Some(Int(-1)));
        assert_eq!(fold(Shl, Int(1), Int(64)), Some(Int(0)));
        assert_eq!(fold(Shl, Int(1), Int(63)), Some(Int(i64::MIN)));
        assert_eq!(fold(Shr, Int(-1), Int(63)), Some(Int(1)));
        assert_eq!(fold(Shl, Int(8), Int(-2)), Some(Int(2)));
    }
}
