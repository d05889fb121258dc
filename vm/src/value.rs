//! `Value`, the 16-byte tagged value every register, table slot and upvalue
//! holds, with Lua 5.3's raw equality, hashing and number conversions
//! (lobject.c / lvm.c tonumber, tointeger).

use crate::func::{LuaClosure, NativeClosure, NativeFn};
use crate::gc::{Gc, GcRef};
use crate::string::LuaStr;
use crate::table::Table;
use crate::thread::Thread;
use std::any::Any;

#[derive(Clone, Copy)]
pub enum Value {
    Nil,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(Gc<LuaStr>),
    Table(Gc<Table>),
    LuaFn(Gc<LuaClosure>),
    /// A native function with upvalues (a C closure).
    Native(Gc<NativeClosure>),
    /// A native function without upvalues (a light C function).
    LightFn(NativeFn),
    Thread(Gc<Thread>),
    UserData(Gc<UserData>),
    /// A light userdata: an opaque address (`debug.upvalueid`).
    LightUserData(usize),
}

/// Full userdata: an opaque Rust value with a metatable.
pub struct UserData {
    pub meta: Option<Gc<Table>>,
    /// The associated Lua value (`debug.setuservalue`).
    pub user_value: Value,
    pub data: Box<dyn Any + Send>,
    /// Reports the heap values `data` holds, for the collector (channels
    /// hold queued values); `None` when `data` holds none.
    pub trace: Option<fn(&dyn Any, &mut dyn FnMut(Value))>,
}

impl Default for Value {
    fn default() -> Self {
        Value::Nil
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Nil => write!(f, "nil"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Int(i) => write!(f, "{i}"),
            Value::Float(x) => write!(f, "{}", crate::number::fmt_float(*x)),
            Value::Str(s) => write!(f, "{:?}", String::from_utf8_lossy(s.get().as_bytes())),
            other => write!(f, "{}: {:#x}", other.type_name(), other.addr()),
        }
    }
}

impl Value {
    #[inline(always)]
    pub fn is_nil(&self) -> bool {
        matches!(self, Value::Nil)
    }

    /// Lua truthiness: only nil and false are false.
    #[inline(always)]
    pub fn truthy(&self) -> bool {
        !matches!(self, Value::Nil | Value::Bool(false))
    }

    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Nil => "nil",
            Value::Bool(_) => "boolean",
            Value::Int(_) | Value::Float(_) => "number",
            Value::Str(_) => "string",
            Value::Table(_) => "table",
            Value::LuaFn(_) | Value::Native(_) | Value::LightFn(_) => "function",
            Value::Thread(_) => "thread",
            Value::UserData(_) | Value::LightUserData(_) => "userdata",
        }
    }

    pub fn is_function(&self) -> bool {
        matches!(self, Value::LuaFn(_) | Value::Native(_) | Value::LightFn(_))
    }

    /// Identity for `tostring` (`table: 0x...`) and `%p`-like output.
    pub fn addr(&self) -> usize {
        match self {
            Value::Str(g) => g.addr(),
            Value::Table(g) => g.addr(),
            Value::LuaFn(g) => g.addr(),
            Value::Native(g) => g.addr(),
            Value::LightFn(f) => *f as usize,
            Value::Thread(g) => g.addr(),
            Value::UserData(g) => g.addr(),
            Value::LightUserData(p) => *p,
            _ => 0,
        }
    }

    pub fn gc_ref(&self) -> Option<GcRef> {
        match *self {
            Value::Str(g) => Some(GcRef::Str(g)),
            Value::Table(g) => Some(GcRef::Table(g)),
            Value::LuaFn(g) => Some(GcRef::LuaFn(g)),
            Value::Native(g) => Some(GcRef::Native(g)),
            Value::Thread(g) => Some(GcRef::Thread(g)),
            Value::UserData(g) => Some(GcRef::UserData(g)),
            _ => None,
        }
    }

    /// Raw equality (lua_rawequal): no metamethods; strings by content,
    /// numbers by mathematical value across subtypes.
    #[inline]
    pub fn raw_eq(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Nil, Value::Nil) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a == b,
            (Value::Int(a), Value::Float(b)) | (Value::Float(b), Value::Int(a)) => {
                int_eq_float(*a, *b)
            }
            // Short strings are interned: different objects differ.
            (Value::Str(a), Value::Str(b)) => a == b || (!a.get().is_short() && a.get() == b.get()),
            (Value::Table(a), Value::Table(b)) => a == b,
            (Value::LuaFn(a), Value::LuaFn(b)) => a == b,
            (Value::Native(a), Value::Native(b)) => a == b,
            (Value::LightFn(a), Value::LightFn(b)) => std::ptr::fn_addr_eq(*a, *b),
            (Value::Thread(a), Value::Thread(b)) => a == b,
            (Value::UserData(a), Value::UserData(b)) => a == b,
            (Value::LightUserData(a), Value::LightUserData(b)) => a == b,
            _ => false,
        }
    }

    /// Converts to a number without string coercion.
    #[inline]
    pub fn as_f64(&self) -> Option<f64> {
        match *self {
            Value::Int(i) => Some(i as f64),
            Value::Float(f) => Some(f),
            _ => None,
        }
    }

    /// `tonumber` semantics used by arithmetic: numbers, and strings that
    /// convert (luaV_tonumber_).
    pub fn to_number(&self) -> Option<Value> {
        match *self {
            Value::Int(_) | Value::Float(_) => Some(*self),
            Value::Str(s) => str_to_number(s.get().as_bytes()),
            _ => None,
        }
    }

    /// Integer conversion as luaV_tointeger in exact mode: floats with an
    /// integral value in range, strings that convert to such numbers.
    pub fn to_integer(&self) -> Option<i64> {
        match *self {
            Value::Int(i) => Some(i),
            Value::Float(f) => float_to_int(f),
            Value::Str(s) => match str_to_number(s.get().as_bytes())? {
                Value::Int(i) => Some(i),
                Value::Float(f) => float_to_int(f),
                _ => None,
            },
            _ => None,
        }
    }
}

/// Parses a numeral as `lua_stringtonumber` does.
pub fn str_to_number(b: &[u8]) -> Option<Value> {
    match wlua_lexer::str_to_number(b)? {
        wlua_lexer::Number::Int(i) => Some(Value::Int(i)),
        wlua_lexer::Number::Float(f) => Some(Value::Float(f)),
    }
}

/// Exact float→integer conversion (no rounding), as luaV_tointeger mode 0.
#[inline]
pub fn float_to_int(f: f64) -> Option<i64> {
    // -2^63 <= f < 2^63 and integral.
    if f >= -9223372036854775808.0 && f < 9223372036854775808.0 && f.floor() == f {
        Some(f as i64)
    } else {
        None
    }
}

/// Exact comparison of an integer with a float (no rounding of the integer).
#[inline]
pub fn int_eq_float(i: i64, f: f64) -> bool {
    match float_to_int(f) {
        Some(fi) => fi == i,
        None => false,
    }
}

/// `i < f` exactly (LTintfloat).
pub fn int_lt_float(i: i64, f: f64) -> bool {
    if f.is_nan() {
        return false;
    }
    // If f >= 2^63, every int is less; if f <= -2^63 (and not equal) none.
    if f >= 9223372036854775808.0 {
        return true;
    }
    if f > -9223372036854775808.0 {
        // i < f  <=>  i < ceil(f)
        let c = f.ceil();
        (i as i128) < (c as i128)
    } else {
        false
    }
}

/// `i <= f` exactly (LEintfloat).
pub fn int_le_float(i: i64, f: f64) -> bool {
    if f.is_nan() {
        return false;
    }
    if f >= 9223372036854775808.0 {
        return true;
    }
    if f >= -9223372036854775808.0 {
        let fl = f.floor();
        (i as i128) <= (fl as i128)
    } else {
        false
    }
}

/// `f < i` exactly.
pub fn float_lt_int(f: f64, i: i64) -> bool {
    if f.is_nan() {
        return false;
    }
    !int_le_float(i, f)
}

/// `f <= i` exactly.
pub fn float_le_int(f: f64, i: i64) -> bool {
    if f.is_nan() {
        return false;
    }
    !int_lt_float(i, f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_is_sixteen_bytes() {
        assert_eq!(std::mem::size_of::<Value>(), 16);
    }

    #[test]
    fn int_float_comparisons_are_exact() {
        let big = 9007199254740993i64; // 2^53 + 1
        let f = 9007199254740992.0; // 2^53
        assert!(!int_eq_float(big, f));
        assert!(!int_lt_float(big, f));
        assert!(float_lt_int(f, big));
        assert!(int_lt_float(i64::MAX, 9223372036854775808.0));
        assert!(!int_le_float(0, f64::NAN));
        assert!(float_to_int(9223372036854775808.0).is_none());
        assert_eq!(float_to_int(-9223372036854775808.0), Some(i64::MIN));
    }
}
