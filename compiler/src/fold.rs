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

/// The operators that can be folded are the VM's: folding computes with
/// the VM's own arithmetic, so a folded constant is exactly what the
/// instruction would have produced.
pub(crate) use wlua_vm::meta::ArithOp;

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
        Num::Flt(f) => wlua_vm::value::float_to_int(f),
    }
}

/// luaO_arith on numbers, by the VM's implementation.
fn arith(op: ArithOp, a: Num, b: Num) -> Option<Num> {
    use wlua_vm::Value;
    let v = |n: Num| match n {
        Num::Int(i) => Value::Int(i),
        Num::Flt(f) => Value::Float(f),
    };
    match wlua_vm::meta::arith(op, v(a), v(b)).ok()? {
        Value::Int(i) => Some(Num::Int(i)),
        Value::Float(f) => Some(Num::Flt(f)),
        _ => None,
    }
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
