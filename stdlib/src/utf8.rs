//! The utf8 library (lutf8lib.c of Lua 5.3.6): `char`, `charpattern`,
//! `codepoint`, `codes`, `len`, `offset`.
//!
//! Decoding is the reference's `utf8_decode`: sequences of up to four bytes,
//! code points up to U+10FFFF, overlong forms rejected, surrogates accepted.
//! C strings end in a NUL the decoder may look at; here a read past the end
//! gives 0, which has the same effect (it is not a continuation byte).

use crate::args::{self, check_int, check_str, opt_int};
use wlua_vm::lazy::{TValue, Template};
use wlua_vm::{LuaError, NResult, Ret, Vals, Value, Vm, rets};

const MAXUNICODE: u32 = 0x10FFFF;

/// Pattern matching exactly one UTF-8 byte sequence.
pub const CHARPATTERN: &[u8] = b"[\x00-\x7F\xC2-\xF4][\x80-\xBF]*";

/// The `utf8` table, built on demand in each process (wlua_vm::lazy).
pub static LIB: Template = Template {
    name: "utf8",
    entries: &[
        ("offset", TValue::Fn(byteoffset)),
        ("codepoint", TValue::Fn(codepoint)),
        ("char", TValue::Fn(utfchar)),
        ("len", TValue::Fn(utflen)),
        ("codes", TValue::Fn(iter_codes)),
        ("charpattern", TValue::Bytes(CHARPATTERN)),
    ],
    init: None,
};

/// Byte `i` of `s`, 0 past the end (the C string's terminator).
#[inline]
fn at(s: &[u8], i: usize) -> u8 {
    s.get(i).copied().unwrap_or(0)
}

#[inline]
fn iscont(s: &[u8], i: usize) -> bool {
    at(s, i) & 0xC0 == 0x80
}

/// Decodes the sequence at `s[i..]`: the code point and the index after
/// it, or `None` for an invalid sequence.
pub fn decode(s: &[u8], i: usize) -> Option<(u32, usize)> {
    const LIMITS: [u32; 4] = [0xFF, 0x7F, 0x7FF, 0xFFFF];
    let mut c = at(s, i) as u32;
    if c < 0x80 {
        return Some((c, i + 1));
    }
    let mut res: u32 = 0;
    let mut count = 0usize; // number of continuation bytes
    while c & 0x40 != 0 {
        count += 1;
        let cc = at(s, i + count) as u32;
        if cc & 0xC0 != 0x80 {
            return None;
        }
        res = (res << 6) | (cc & 0x3F);
        c <<= 1;
    }
    if count > 3 {
        return None;
    }
    res |= (c & 0x7F) << (count * 5);
    if res > MAXUNICODE || res <= LIMITS[count] {
        return None;
    }
    Some((res, i + count + 1))
}

/// Appends the UTF-8 encoding of `x` (up to 0x7FFFFFFF, as luaO_utf8esc).
pub fn encode(x: u32, out: &mut Vec<u8>) {
    if x < 0x80 {
        out.push(x as u8);
        return;
    }
    let mut buf = [0u8; 8];
    let mut n = 1;
    let mut x = x;
    let mut mfb: u32 = 0x3f; // maximum that fits in the first byte
    loop {
        buf[8 - n] = 0x80 | (x & 0x3f) as u8;
        n += 1;
        x >>= 6;
        mfb >>= 1;
        if x <= mfb {
            break;
        }
    }
    buf[8 - n] = ((!mfb << 1) | x) as u8;
    out.extend_from_slice(&buf[8 - n..]);
}

/// A relative string position: negative counts back from the end.
fn u_posrelat(pos: i64, len: usize) -> i64 {
    if pos >= 0 {
        pos
    } else if 0u64.wrapping_sub(pos as u64) > len as u64 {
        0
    } else {
        len as i64 + pos + 1
    }
}

/// `utf8.len(s [, i [, j]])`: characters starting in [i, j], or nil and
/// the position of the first invalid byte.
fn utflen(vm: &mut Vm, args: Vals) -> NResult {
    let s = check_str(vm, &args, 0)?;
    let s = s.get().as_bytes();
    let len = s.len();
    let mut posi = u_posrelat(opt_int(vm, &args, 1, 1)?, len);
    let mut posj = u_posrelat(opt_int(vm, &args, 2, -1)?, len);
    if !(1 <= posi && {
        posi -= 1;
        posi <= len as i64
    }) {
        return Err(LuaError::arg(2, "initial position out of string"));
    }
    posj -= 1;
    if posj >= len as i64 {
        return Err(LuaError::arg(3, "final position out of string"));
    }
    let mut n = 0i64;
    while posi <= posj {
        match decode(s, posi as usize) {
            Some((_, next)) => {
                posi = next as i64;
                n += 1;
            }
            None => return rets![Value::Nil, Value::Int(posi + 1)],
        }
    }
    rets![Value::Int(n)]
}

/// `utf8.codepoint(s [, i [, j]])`: the code points of the characters
/// starting in [i, j].
fn codepoint(vm: &mut Vm, args: Vals) -> NResult {
    let s = check_str(vm, &args, 0)?;
    let s = s.get().as_bytes();
    let len = s.len();
    let posi = u_posrelat(opt_int(vm, &args, 1, 1)?, len);
    let pose = u_posrelat(opt_int(vm, &args, 2, posi)?, len);
    if posi < 1 {
        return Err(LuaError::arg(2, "out of range"));
    }
    if pose > len as i64 {
        return Err(LuaError::arg(3, "out of range"));
    }
    if posi > pose {
        return rets![];
    }
    if pose - posi >= i32::MAX as i64 {
        return Err(LuaError::msg("string slice too long"));
    }
    // luaL_checkstack(L, n, "string slice too long"): the results must fit in
    // LUAI_MAXSTACK with what the thread already uses (+ EXTRA_STACK).
    let n = (pose - posi) as u64 + 1;
    let in_use = vm.cur.get().top as u64 + 5;
    if in_use + n > wlua_vm::vm::MAX_STACK as u64 {
        return Err(LuaError::msg("stack overflow (string slice too long)"));
    }
    let mut out = Vals::new();
    let se = pose as usize;
    let mut i = posi as usize - 1;
    while i < se {
        match decode(s, i) {
            Some((code, next)) => {
                out.push(Value::Int(code as i64));
                i = next;
            }
            None => return Err(LuaError::msg("invalid UTF-8 code")),
        }
    }
    Ok(Ret::Vals(out))
}

/// `utf8.char(...)`: the concatenated encodings of the arguments.
fn utfchar(vm: &mut Vm, args: Vals) -> NResult {
    let mut out = Vec::new();
    for i in 0..args.len() {
        let code = check_int(vm, &args, i)?;
        if !(0..=MAXUNICODE as i64).contains(&code) {
            return Err(LuaError::arg(i + 1, "value out of range"));
        }
        encode(code as u32, &mut out);
    }
    rets![vm.new_str_owned(out)]
}

/// `utf8.offset(s, n [, i])`: the byte position where the n-th character
/// counting from position i starts (0: the character containing i).
fn byteoffset(vm: &mut Vm, args: Vals) -> NResult {
    let s = check_str(vm, &args, 0)?;
    let s = s.get().as_bytes();
    let len = s.len() as i64;
    let mut n = check_int(vm, &args, 1)?;
    let default = if n >= 0 { 1 } else { len + 1 };
    let mut posi = u_posrelat(opt_int(vm, &args, 2, default)?, s.len());
    if !(1 <= posi && {
        posi -= 1;
        posi <= len
    }) {
        return Err(LuaError::arg(3, "position out of range"));
    }
    if n == 0 {
        // find the beginning of the current byte sequence
        while posi > 0 && iscont(s, posi as usize) {
            posi -= 1;
        }
    } else {
        if iscont(s, posi as usize) {
            return Err(LuaError::msg("initial position is a continuation byte"));
        }
        if n < 0 {
            while n < 0 && posi > 0 {
                // find the beginning of the previous character
                loop {
                    posi -= 1;
                    if !(posi > 0 && iscont(s, posi as usize)) {
                        break;
                    }
                }
                n += 1;
            }
        } else {
            n -= 1; // do not move for the first character
            while n > 0 && posi < len {
                // find the beginning of the next character
                loop {
                    posi += 1;
                    if !iscont(s, posi as usize) {
                        break;
                    }
                }
                n -= 1;
            }
        }
    }
    if n == 0 {
        rets![Value::Int(posi + 1)]
    } else {
        rets![Value::Nil]
    }
}

/// The iterator of `utf8.codes`: from the byte position in the control
/// variable to the next character.
fn iter_aux(vm: &mut Vm, args: Vals) -> NResult {
    let s = check_str(vm, &args, 0)?;
    let s = s.get().as_bytes();
    let len = s.len() as i64;
    // lua_tointeger: 0 when not convertible
    let mut n = args::arg(&args, 1)
        .to_integer()
        .unwrap_or(0)
        .wrapping_sub(1);
    if n < 0 {
        n = 0; // first iteration
    } else if n < len {
        n += 1; // skip the current byte and its continuations
        while iscont(s, n as usize) {
            n += 1;
        }
    }
    if n >= len {
        return rets![];
    }
    match decode(s, n as usize) {
        Some((code, next)) if !iscont(s, next) => rets![Value::Int(n + 1), Value::Int(code as i64)],
        _ => Err(LuaError::msg("invalid UTF-8 code")),
    }
}

fn iter_codes(vm: &mut Vm, args: Vals) -> NResult {
    let s = check_str(vm, &args, 0)?;
    rets![Value::LightFn(iter_aux), Value::Str(s), Value::Int(0)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_rejects_overlong_and_out_of_range_sequences() {
        assert_eq!(decode(b"\xC3\xA9", 0), Some((0xE9, 2)));
        assert_eq!(decode(b"\xF4\x8F\xBF\xBF", 0), Some((0x10FFFF, 4)));
        assert_eq!(decode(b"\xED\xA0\x80", 0), Some((0xD800, 3)));
        assert_eq!(decode(b"\xC0\x80", 0), None);
        assert_eq!(decode(b"\xE0\x80\x80", 0), None);
        assert_eq!(decode(b"\xF4\x90\x80\x80", 0), None);
        assert_eq!(decode(b"\xF8\x88\x80\x80\x80", 0), None);
        assert_eq!(decode(b"\xFF\x80\x80\x80\x80\x80\x80\x80", 0), None);
        assert_eq!(decode(b"\xC3", 0), None);
        assert_eq!(decode(b"", 0), Some((0, 1)));
    }

    #[test]
    fn encode_matches_the_reference_escape() {
        let mut out = Vec::new();
        for c in [0u32, 0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF] {
            out.clear();
            encode(c, &mut out);
            let expect = char::from_u32(c).map(|ch| ch.to_string().into_bytes());
            assert_eq!(Some(out.clone()), expect);
        }
        out.clear();
        encode(0x7FFFFFFF, &mut out);
        assert_eq!(out, b"\xFD\xBF\xBF\xBF\xBF\xBF");
    }

    #[test]
    fn relative_positions_clip_at_zero() {
        assert_eq!(u_posrelat(-1, 3), 3);
        assert_eq!(u_posrelat(-3, 3), 1);
        assert_eq!(u_posrelat(-4, 3), 0);
        assert_eq!(u_posrelat(i64::MIN, 3), 0);
        assert_eq!(u_posrelat(5, 3), 5);
    }
}
