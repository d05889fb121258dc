//! The math library (lmathlib.c of Lua 5.3.6, with the LUA_COMPAT_MATHLIB
//! functions the reference build has: `atan2`, `cosh`, `sinh`, `tanh`,
//! `pow`, `frexp`, `ldexp`, `log10`).
//!
//! Integer/float subtypes follow the reference: `floor`, `ceil` and the
//! integral part of `modf` become integers when they fit, `abs`, `fmod`,
//! `min` and `max` keep their arguments' subtypes.
//!
//! `random` is the reference's arithmetic over C's `random()`; the generator
//! is a port of glibc's `random_r` (the additive feedback generator,
//! TYPE_3), so an unseeded `math.random()` and every `math.randomseed(n)`
//! sequence equal lua5.3's on glibc. Its state is per VM, in a userdata
//! that is an upvalue of `random` and `randomseed`.

use crate::args::{self, arg, check_f64, check_int, check_number};
use wlua_vm::func::NativeFn;
use wlua_vm::lazy::{TValue, Template};
use wlua_vm::value::float_to_int;
use wlua_vm::{LuaError, NResult, Vals, Value, Vm, rets};

const PI: f64 = std::f64::consts::PI;

/// The `math` table, built on demand in each process (wlua_vm::lazy).
pub static LIB: Template = Template {
    name: "math",
    entries: &[
        ("abs", TValue::Fn(abs)),
        ("acos", TValue::Fn(acos)),
        ("asin", TValue::Fn(asin)),
        ("atan", TValue::Fn(atan)),
        ("ceil", TValue::Fn(ceil)),
        ("cos", TValue::Fn(cos)),
        ("deg", TValue::Fn(deg)),
        ("exp", TValue::Fn(exp)),
        ("tointeger", TValue::Fn(tointeger)),
        ("floor", TValue::Fn(floor)),
        ("fmod", TValue::Fn(fmod)),
        ("ult", TValue::Fn(ult)),
        ("log", TValue::Fn(log)),
        ("max", TValue::Fn(max)),
        ("min", TValue::Fn(min)),
        ("modf", TValue::Fn(modf)),
        ("rad", TValue::Fn(rad)),
        ("sin", TValue::Fn(sin)),
        ("sqrt", TValue::Fn(sqrt)),
        ("tan", TValue::Fn(tan)),
        ("type", TValue::Fn(math_type)),
        ("atan2", TValue::Fn(atan)),
        ("cosh", TValue::Fn(cosh)),
        ("sinh", TValue::Fn(sinh)),
        ("tanh", TValue::Fn(tanh)),
        ("pow", TValue::Fn(pow)),
        ("frexp", TValue::Fn(frexp)),
        ("ldexp", TValue::Fn(ldexp)),
        ("log10", TValue::Fn(log10)),
        ("pi", TValue::Float(PI)),
        ("huge", TValue::Float(f64::INFINITY)),
        ("maxinteger", TValue::Int(i64::MAX)),
        ("mininteger", TValue::Int(i64::MIN)),
    ],
    init: Some(init),
};

/// `random` and `randomseed` share the process's generator state.
fn init(vm: &mut Vm, t: wlua_vm::Gc<wlua_vm::Table>) {
    let state = vm.new_userdata(Box::new(RandState::new(1)), None);
    for (name, f) in [("random", random as NativeFn), ("randomseed", randomseed)] {
        let c = vm.new_native(f, vec![state]);
        vm.raw_set_str(t, name, c);
    }
}

/// Upvalue `i` of the running native closure (nil when there is none).
pub(crate) fn upvalue(vm: &Vm, i: usize) -> Value {
    let th = vm.cur.get();
    match th.frames.last().map(|f| th.stack[f.func]) {
        Some(Value::Native(nc)) => nc.get().upvals.get(i).copied().unwrap_or(Value::Nil),
        _ => Value::Nil,
    }
}

/// `lua_numbertointeger` after a float operation: an integer when the
/// value fits, else the float (pushnumint).
fn num_int(d: f64) -> Value {
    match float_to_int(d) {
        Some(i) => Value::Int(i),
        None => Value::Float(d),
    }
}

fn float1(vm: &mut Vm, args: &Vals, f: fn(f64) -> f64) -> NResult {
    let x = check_f64(vm, args, 0)?;
    rets![Value::Float(f(x))]
}

fn abs(vm: &mut Vm, args: Vals) -> NResult {
    if let Some(Value::Int(n)) = args.first() {
        return rets![Value::Int(n.wrapping_abs())];
    }
    float1(vm, &args, f64::abs)
}

fn sin(vm: &mut Vm, args: Vals) -> NResult {
    float1(vm, &args, f64::sin)
}

fn cos(vm: &mut Vm, args: Vals) -> NResult {
    float1(vm, &args, f64::cos)
}

fn tan(vm: &mut Vm, args: Vals) -> NResult {
    float1(vm, &args, f64::tan)
}

fn asin(vm: &mut Vm, args: Vals) -> NResult {
    float1(vm, &args, f64::asin)
}

fn acos(vm: &mut Vm, args: Vals) -> NResult {
    float1(vm, &args, f64::acos)
}

fn atan(vm: &mut Vm, args: Vals) -> NResult {
    let y = check_f64(vm, &args, 0)?;
    let x = args::opt_f64(vm, &args, 1, 1.0)?;
    rets![Value::Float(y.atan2(x))]
}

fn cosh(vm: &mut Vm, args: Vals) -> NResult {
    float1(vm, &args, f64::cosh)
}

fn sinh(vm: &mut Vm, args: Vals) -> NResult {
    float1(vm, &args, f64::sinh)
}

fn tanh(vm: &mut Vm, args: Vals) -> NResult {
    float1(vm, &args, f64::tanh)
}

fn log10(vm: &mut Vm, args: Vals) -> NResult {
    float1(vm, &args, f64::log10)
}

fn sqrt(vm: &mut Vm, args: Vals) -> NResult {
    float1(vm, &args, f64::sqrt)
}

fn exp(vm: &mut Vm, args: Vals) -> NResult {
    float1(vm, &args, f64::exp)
}

fn deg(vm: &mut Vm, args: Vals) -> NResult {
    float1(vm, &args, |x| x * (180.0 / PI))
}

fn rad(vm: &mut Vm, args: Vals) -> NResult {
    float1(vm, &args, |x| x * (PI / 180.0))
}

fn pow(vm: &mut Vm, args: Vals) -> NResult {
    let x = check_f64(vm, &args, 0)?;
    let y = check_f64(vm, &args, 1)?;
    rets![Value::Float(x.powf(y))]
}

fn tointeger(_vm: &mut Vm, args: Vals) -> NResult {
    // lua_tointegerx: integers, integral floats, and strings converting to them
    match arg(&args, 0).to_integer() {
        Some(n) => rets![Value::Int(n)],
        None => {
            args::check_any(&args, 0)?;
            rets![Value::Nil]
        }
    }
}

fn floor(vm: &mut Vm, args: Vals) -> NResult {
    if let Some(v @ Value::Int(_)) = args.first() {
        return rets![*v];
    }
    let d = check_f64(vm, &args, 0)?.floor();
    rets![num_int(d)]
}

fn ceil(vm: &mut Vm, args: Vals) -> NResult {
    if let Some(v @ Value::Int(_)) = args.first() {
        return rets![*v];
    }
    let d = check_f64(vm, &args, 0)?.ceil();
    rets![num_int(d)]
}

fn fmod(vm: &mut Vm, args: Vals) -> NResult {
    if let (Some(Value::Int(a)), Some(Value::Int(d))) = (args.first(), args.get(1)) {
        let (a, d) = (*a, *d);
        if (d as u64).wrapping_add(1) <= 1 {
            // special cases: -1 or 0
            if d == 0 {
                return Err(LuaError::arg(2, "zero"));
            }
            return rets![Value::Int(0)]; // avoids overflow with mininteger % -1
        }
        return rets![Value::Int(a % d)];
    }
    // The reference evaluates `fmod(luaL_checknumber(L, 1), luaL_checknumber(L, 2))`'s
    // arguments right to left (gcc), so argument 2 is checked first.
    let b = check_f64(vm, &args, 1)?;
    let a = check_f64(vm, &args, 0)?;
    rets![Value::Float(a % b)]
}

fn modf(vm: &mut Vm, args: Vals) -> NResult {
    if let Some(v @ Value::Int(_)) = args.first() {
        return rets![*v, Value::Float(0.0)];
    }
    let n = check_f64(vm, &args, 0)?;
    // integer part (rounds toward zero)
    let ip = if n < 0.0 { n.ceil() } else { n.floor() };
    // fractional part (test needed for inf/-inf)
    let frac = if n == ip { 0.0 } else { n - ip };
    rets![num_int(ip), Value::Float(frac)]
}

fn ult(vm: &mut Vm, args: Vals) -> NResult {
    let a = check_int(vm, &args, 0)?;
    let b = check_int(vm, &args, 1)?;
    rets![Value::Bool((a as u64) < (b as u64))]
}

fn log(vm: &mut Vm, args: Vals) -> NResult {
    let x = check_f64(vm, &args, 0)?;
    let res = if arg(&args, 1).is_nil() {
        x.ln()
    } else {
        let base = check_f64(vm, &args, 1)?;
        if base == 2.0 {
            x.log2()
        } else if base == 10.0 {
            x.log10()
        } else {
            x.ln() / base.ln()
        }
    };
    rets![Value::Float(res)]
}

/// `min`/`max`: the first argument that is smallest/largest by `<`
/// (lua_compare, so any comparable values, metamethods included).
fn extreme(vm: &mut Vm, args: &Vals, want_max: bool) -> NResult {
    if args.is_empty() {
        return Err(LuaError::arg(1, "value expected"));
    }
    let mut best = args[0];
    for &v in &args[1..] {
        let better = if want_max {
            crate::table::lua_lt(vm, best, v)?
        } else {
            crate::table::lua_lt(vm, v, best)?
        };
        if better {
            best = v;
        }
    }
    rets![best]
}

fn min(vm: &mut Vm, args: Vals) -> NResult {
    extreme(vm, &args, false)
}

fn max(vm: &mut Vm, args: Vals) -> NResult {
    extreme(vm, &args, true)
}

fn math_type(vm: &mut Vm, args: Vals) -> NResult {
    let name = match args.first() {
        Some(Value::Int(_)) => "integer",
        Some(Value::Float(_)) => "float",
        Some(_) => return rets![Value::Nil],
        None => return Err(LuaError::arg(1, "value expected")),
    };
    rets![vm.new_str(name)]
}

/// `frexp`: `x = m * 2^e` with `0.5 <= |m| < 1` (m = x for 0, inf, nan).
fn frexp_f64(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // subnormal: scale into the normal range first
        let (m, e) = frexp_f64(x * f64::from_bits(0x43f0_0000_0000_0000)); // 2^64
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// `ldexp`: `x * 2^e` with a single rounding (as musl's scalbn).
fn ldexp_f64(mut x: f64, mut e: i32) -> f64 {
    let p1023 = f64::from_bits(0x7fe0_0000_0000_0000); // 2^1023
    let m1022 = f64::from_bits(0x0010_0000_0000_0000); // 2^-1022
    let p53 = f64::from_bits(0x4340_0000_0000_0000); // 2^53
    if e > 1023 {
        x *= p1023;
        e -= 1023;
        if e > 1023 {
            x *= p1023;
            e -= 1023;
            e = e.min(1023);
        }
    } else if e < -1022 {
        // keep the result exact until the final multiplication
        x *= m1022 * p53;
        e += 1022 - 53;
        if e < -1022 {
            x *= m1022 * p53;
            e += 1022 - 53;
            e = e.max(-1022);
        }
    }
    x * f64::from_bits(((0x3ff + e as i64) as u64) << 52)
}

fn frexp(vm: &mut Vm, args: Vals) -> NResult {
    let (m, e) = frexp_f64(check_f64(vm, &args, 0)?);
    rets![Value::Float(m), Value::Int(e as i64)]
}

fn ldexp(vm: &mut Vm, args: Vals) -> NResult {
    let x = check_f64(vm, &args, 0)?;
    let e = check_int(vm, &args, 1)? as i32; // the reference casts to int
    rets![Value::Float(ldexp_f64(x, e))]
}

// ----- random -------------------------------------------------------------------

/// glibc's `random_r` state for TYPE_3: x[i] = x[i-3] + x[i-31].
pub(crate) struct RandState {
    r: [i32; 31],
    f: usize,
    b: usize,
}

/// RAND_MAX of `random()` (L_RANDMAX in lmathlib.c).
const RAND_MAX: f64 = 2147483647.0;

impl RandState {
    /// `srandom(seed)`.
    pub(crate) fn new(seed: u32) -> RandState {
        let mut s = RandState {
            r: [0; 31],
            f: 3,
            b: 0,
        };
        s.seed(seed);
        s
    }

    fn seed(&mut self, seed: u32) {
        let seed = if seed == 0 { 1 } else { seed };
        self.r[0] = seed as i32;
        let mut word = seed as i32;
        for i in 1..31 {
            // r[i] = (16807 * r[i-1]) % 2147483647 without overflowing 31 bits
            let hi = word as i64 / 127773;
            let lo = word as i64 % 127773;
            let mut w = 16807 * lo - 2836 * hi;
            if w < 0 {
                w += 2147483647;
            }
            word = w as i32;
            self.r[i] = word;
        }
        self.f = 3;
        self.b = 0;
        for _ in 0..310 {
            self.next();
        }
    }

    /// `random()`: 31 random bits.
    pub(crate) fn next(&mut self) -> u32 {
        let val = (self.r[self.f] as u32).wrapping_add(self.r[self.b] as u32);
        self.r[self.f] = val as i32;
        self.f = (self.f + 1) % 31;
        self.b = (self.b + 1) % 31;
        val >> 1
    }
}

fn with_state<R>(vm: &Vm, f: impl FnOnce(&mut RandState) -> R) -> Option<R> {
    match upvalue(vm, 0) {
        Value::UserData(u) => u.get_mut().data.downcast_mut::<RandState>().map(f),
        _ => None,
    }
}

fn random(vm: &mut Vm, args: Vals) -> NResult {
    let raw = with_state(vm, |s| s.next()).unwrap_or(0);
    let r = raw as f64 * (1.0 / (RAND_MAX + 1.0));
    let (low, up) = match args.len() {
        0 => return rets![Value::Float(r)],
        1 => (1, check_int(vm, &args, 0)?),
        2 => (check_int(vm, &args, 0)?, check_int(vm, &args, 1)?),
        _ => return Err(LuaError::msg("wrong number of arguments")),
    };
    if low > up {
        return Err(LuaError::arg(1, "interval is empty"));
    }
    if !(low >= 0 || up <= i64::MAX + low) {
        return Err(LuaError::arg(1, "interval too large"));
    }
    let r = r * ((up - low) as f64 + 1.0);
    rets![Value::Int((r as i64).wrapping_add(low))]
}

fn randomseed(vm: &mut Vm, args: Vals) -> NResult {
    let x = match check_number(vm, &args, 0)? {
        Value::Int(i) => i,
        v => c_double_to_i64(v.as_f64().unwrap_or(0.0)),
    };
    with_state(vm, |s| {
        s.seed(x as u32);
        s.next(); // discard first value to avoid undesirable correlations
    });
    rets![]
}

/// C's `(long long)d` on x86-64: truncation, with the "integer indefinite"
/// value for NaN and out-of-range values.
fn c_double_to_i64(d: f64) -> i64 {
    if !(-9223372036854775808.0..9223372036854775808.0).contains(&d) {
        i64::MIN
    } else {
        d as i64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unseeded_random_matches_glibc() {
        let mut s = RandState::new(1);
        assert_eq!(s.next(), 1804289383);
        assert_eq!(s.next(), 846930886);
        assert_eq!(s.next(), 1681692777);
    }

    #[test]
    fn seeded_sequence_matches_lua53() {
        // lua5.3: math.randomseed(42) print(math.random(), math.random(1,100))
        let mut s = RandState::new(42);
        s.next();
        let r = s.next() as f64 / (RAND_MAX + 1.0);
        assert_eq!(wlua_vm::number::fmt_g(r, 14), "0.32996420748532");
        let r = s.next() as f64 / (RAND_MAX + 1.0);
        assert_eq!((r * 100.0) as i64 + 1, 70);
    }

    #[test]
    fn frexp_and_ldexp_round_trip() {
        assert_eq!(frexp_f64(8.0), (0.5, 4));
        assert_eq!(frexp_f64(-3.0), (-0.75, 2));
        assert_eq!(frexp_f64(0.0), (0.0, 0));
        let tiny = f64::from_bits(1);
        let (m, e) = frexp_f64(tiny);
        assert_eq!((m, e), (0.5, -1073));
        assert_eq!(ldexp_f64(m, e), tiny);
        assert_eq!(ldexp_f64(1.0, 3), 8.0);
        assert_eq!(ldexp_f64(1.0, -2147483647), 0.0);
        assert_eq!(ldexp_f64(1.0, 1024), f64::INFINITY);
        assert_eq!(ldexp_f64(3.0, -1), 1.5);
    }

    #[test]
    fn float_to_integer_results_keep_their_subtype() {
        assert!(matches!(num_int(3.0), Value::Int(3)));
        assert!(matches!(num_int(-0.0), Value::Int(0)));
        assert!(matches!(num_int(9223372036854775808.0), Value::Float(_)));
        assert_eq!(c_double_to_i64(1e300), i64::MIN);
    }
}
