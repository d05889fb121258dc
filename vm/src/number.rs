//! Number formatting and the integer/float arithmetic rules of Lua 5.3
//! (lvm.c luaV_mod, luaV_div, luaV_shiftl; lobject.c tostringbuff).

/// C's `%.{prec}g`, as glibc prints it.
pub fn fmt_g(x: f64, prec: usize) -> String {
    if x.is_nan() {
        return if x.is_sign_negative() {
            "-nan".into()
        } else {
            "nan".into()
        };
    }
    if x.is_infinite() {
        return if x < 0.0 { "-inf".into() } else { "inf".into() };
    }
    let p = if prec == 0 { 1 } else { prec };
    if x == 0.0 {
        return if x.is_sign_negative() {
            "-0".into()
        } else {
            "0".into()
        };
    }
    let e = format!("{:.*e}", p - 1, x);
    let epos = e.rfind('e').unwrap_or(e.len());
    let exp: i32 = e[epos + 1..].parse().unwrap_or(0);
    if exp < -4 || exp >= p as i32 {
        let mant = strip_zeros(&e[..epos]);
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{}e{}{:02}", mant, sign, exp.abs())
    } else {
        let decimals = (p as i32 - 1 - exp).max(0) as usize;
        strip_zeros(&format!("{:.*}", decimals, x)).to_string()
    }
}

fn strip_zeros(s: &str) -> &str {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        s
    }
}

/// `tostring` of a float: `%.14g`, plus `.0` when it looks like an integer.
pub fn fmt_float(x: f64) -> String {
    let mut s = fmt_g(x, 14);
    if s.bytes().all(|c| c.is_ascii_digit() || c == b'-') {
        s.push_str(".0");
    }
    s
}

/// Integer floor division (luaV_div); the caller handles division by zero.
#[inline]
pub fn idiv(a: i64, b: i64) -> i64 {
    if b == -1 {
        return a.wrapping_neg();
    }
    let q = a / b;
    if (a % b != 0) && ((a ^ b) < 0) {
        q - 1
    } else {
        q
    }
}

/// Integer modulo with the sign of the divisor (luaV_mod).
#[inline]
pub fn imod(a: i64, b: i64) -> i64 {
    if b == -1 {
        return 0;
    }
    let r = a % b;
    if r != 0 && (r ^ b) < 0 { r + b } else { r }
}

/// Float modulo (luai_nummod).
#[inline]
pub fn fmod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m * b < 0.0 { m + b } else { m }
}

/// Logical shift left; negative counts shift right (luaV_shiftl).
#[inline]
pub fn shift_left(x: i64, y: i64) -> i64 {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_print_like_the_reference() {
        assert_eq!(fmt_float(1e15), "1e+15");
        assert_eq!(fmt_float(1e16), "1e+16");
        assert_eq!(fmt_float(-0.0), "-0.0");
        assert_eq!(fmt_float(2f64.powi(63)), "9.2233720368548e+18");
        assert_eq!(fmt_float(100.0), "100.0");
        assert_eq!(fmt_float(0.1), "0.1");
        assert_eq!(fmt_float(std::f64::consts::PI), "3.1415926535898");
        assert_eq!(fmt_float(123456789012345.0), "1.2345678901234e+14");
        assert_eq!(fmt_float(f64::INFINITY), "inf");
        assert_eq!(fmt_float(1e-5), "1e-05");
    }

    #[test]
    fn integer_division_rounds_down() {
        assert_eq!(idiv(7, -2), -4);
        assert_eq!(imod(7, -2), -1);
        assert_eq!(imod(-7, 2), 1);
        assert_eq!(idiv(i64::MIN, -1), i64::MIN);
        assert_eq!(fmod(-7.0, 2.0), 1.0);
    }
}
