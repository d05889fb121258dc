//! Literal decoding, ported from the reference (lua/lua v5.3.6): numerals
//! (`luaO_str2num` in lobject.c, `read_numeral` in llex.c), short strings with
//! every escape (`read_string`), long brackets (`read_long_string`) and long
//! comments. The scanners work on raw bytes and report the reference's exact
//! error text, including the "near" part, which is the scanner buffer as the
//! reference would hold it at the moment of the error.
//!
//! Tokenising (which scanner to call) is token.rs's job; this file only
//! decodes.

use crate::{LexError, Near, Span};

/// A Lua number: the integer and float subtypes are distinct (Lua 5.3).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Number {
    Int(i64),
    Float(f64),
}

/// `lisspace` in the "C" locale.
#[inline]
pub(crate) fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

#[inline]
fn hexval(c: u8) -> u32 {
    match c {
        b'0'..=b'9' => (c - b'0') as u32,
        _ => ((c | 0x20) - b'a' + 10) as u32,
    }
}

/// Converts a string to a number exactly as `lua_stringtonumber` does
/// (`luaO_str2num`): optional surrounding whitespace, optional sign, decimal
/// or hexadecimal integers (hex wraps around modulo 2^64, a decimal integer
/// that does not fit becomes a float), decimal and hexadecimal floats (hex
/// with an optional `p` exponent). `inf` and `nan` are rejected, and so is a
/// string with an embedded NUL (the reference compares C string lengths).
pub fn str_to_number(s: &[u8]) -> Option<Number> {
    if s.contains(&0) {
        return None;
    }
    str2num(s)
}

/// `luaO_str2num` on a string known to hold no NUL.
pub(crate) fn str2num(s: &[u8]) -> Option<Number> {
    if let Some(i) = str2int(s) {
        return Some(Number::Int(i));
    }
    str2d(s).map(Number::Float)
}

/// `l_str2int` (lobject.c).
fn str2int(s: &[u8]) -> Option<i64> {
    let n = s.len();
    let mut i = 0;
    while i < n && is_space(s[i]) {
        i += 1;
    }
    let mut neg = false;
    if i < n && s[i] == b'-' {
        neg = true;
        i += 1;
    } else if i < n && s[i] == b'+' {
        i += 1;
    }
    let mut a: u64 = 0;
    let mut empty = true;
    if i + 1 < n && s[i] == b'0' && (s[i + 1] == b'x' || s[i + 1] == b'X') {
        i += 2;
        while i < n && s[i].is_ascii_hexdigit() {
            a = a.wrapping_mul(16).wrapping_add(hexval(s[i]) as u64);
            empty = false;
            i += 1;
        }
    } else {
        const MAXBY10: u64 = (i64::MAX / 10) as u64;
        const MAXLASTD: u64 = (i64::MAX % 10) as u64;
        while i < n && s[i].is_ascii_digit() {
            let d = (s[i] - b'0') as u64;
            if a >= MAXBY10 && (a > MAXBY10 || d > MAXLASTD + neg as u64) {
                return None; // overflow: not accepted as an integer
            }
            a = a * 10 + d;
            empty = false;
            i += 1;
        }
    }
    while i < n && is_space(s[i]) {
        i += 1;
    }
    if empty || i != n {
        return None;
    }
    Some(if neg { 0u64.wrapping_sub(a) } else { a } as i64)
}

/// `l_str2d` (lobject.c) with C99 `strtod` semantics in the "C" locale.
/// `strtod` would accept `inf`/`nan`, but the reference rejects any string
/// whose first character among `.xXnN` is `n`/`N`, which covers every
/// spelling of those, so they are simply not implemented here.
fn str2d(s: &[u8]) -> Option<f64> {
    let n = s.len();
    let mut i = 0;
    while i < n && is_space(s[i]) {
        i += 1;
    }
    let start = i;
    let mut neg = false;
    if i < n && (s[i] == b'-' || s[i] == b'+') {
        neg = s[i] == b'-';
        i += 1;
    }
    let (value, end) = if i + 1 < n
        && s[i] == b'0'
        && (s[i + 1] == b'x' || s[i + 1] == b'X')
        && hex_mantissa_len(&s[i + 2..]) > 0
    {
        let (v, len) = hex_float(&s[i + 2..]);
        (v, i + 2 + len)
    } else {
        let len = dec_float_len(&s[i..]);
        if len == 0 {
            return None;
        }
        let end = i + len;
        // SAFETY-free: the accepted prefix is ASCII by construction.
        let text = std::str::from_utf8(&s[start..end]).ok()?;
        let text = text.strip_prefix('+').unwrap_or(text);
        let v: f64 = text.parse().ok()?;
        return finish(s, end, v);
    };
    let value = if neg { -value } else { value };
    finish(s, end, value)
}

fn finish(s: &[u8], mut end: usize, v: f64) -> Option<f64> {
    while end < s.len() && is_space(s[end]) {
        end += 1;
    }
    (end == s.len()).then_some(v)
}

/// Length of the decimal float `strtod` would accept at the start of `s`
/// (no sign, no leading space): digits, optional fraction, optional exponent.
/// 0 when there is no digit at all.
fn dec_float_len(s: &[u8]) -> usize {
    let n = s.len();
    let mut j = 0;
    while j < n && s[j].is_ascii_digit() {
        j += 1;
    }
    let int_digits = j;
    let mut frac_digits = 0;
    if j < n && s[j] == b'.' {
        j += 1;
        while j < n && s[j].is_ascii_digit() {
            j += 1;
            frac_digits += 1;
        }
    }
    if int_digits + frac_digits == 0 {
        return 0;
    }
    if j < n && (s[j] == b'e' || s[j] == b'E') {
        let mut k = j + 1;
        if k < n && (s[k] == b'+' || s[k] == b'-') {
            k += 1;
        }
        if k < n && s[k].is_ascii_digit() {
            while k < n && s[k].is_ascii_digit() {
                k += 1;
            }
            j = k;
        }
    }
    j
}

/// Number of hex digits (integer and fraction part) at the start of `s`,
/// the part after `0x`; 0 means `strtod` would stop at the `x`.
fn hex_mantissa_len(s: &[u8]) -> usize {
    let n = s.len();
    let mut j = 0;
    let mut digits = 0;
    while j < n && s[j].is_ascii_hexdigit() {
        j += 1;
        digits += 1;
    }
    if j < n && s[j] == b'.' {
        j += 1;
        while j < n && s[j].is_ascii_hexdigit() {
            j += 1;
            digits += 1;
        }
    }
    digits
}

/// Parses a hexadecimal float after its `0x` prefix (at least one hex digit
/// present): returns the correctly rounded value (round half to even, like
/// glibc's `strtod`) and the length consumed.
fn hex_float(s: &[u8]) -> (f64, usize) {
    let n = s.len();
    let mut j = 0;
    let mut mant: u64 = 0;
    let mut exp: i64 = 0;
    let mut sticky = false;
    let mut push = |d: u32, frac: bool, mant: &mut u64, exp: &mut i64| {
        if *mant < (1u64 << 60) {
            *mant = *mant * 16 + d as u64;
            if frac {
                *exp -= 4;
            }
        } else {
            sticky |= d != 0;
            if !frac {
                *exp += 4;
            }
        }
    };
    while j < n && s[j].is_ascii_hexdigit() {
        push(hexval(s[j]), false, &mut mant, &mut exp);
        j += 1;
    }
    if j < n && s[j] == b'.' {
        j += 1;
        while j < n && s[j].is_ascii_hexdigit() {
            push(hexval(s[j]), true, &mut mant, &mut exp);
            j += 1;
        }
    }
    if j < n && (s[j] == b'p' || s[j] == b'P') {
        let mut k = j + 1;
        let mut eneg = false;
        if k < n && (s[k] == b'+' || s[k] == b'-') {
            eneg = s[k] == b'-';
            k += 1;
        }
        if k < n && s[k].is_ascii_digit() {
            let mut e: i64 = 0;
            while k < n && s[k].is_ascii_digit() {
                e = (e * 10 + (s[k] - b'0') as i64).min(1 << 40);
                k += 1;
            }
            exp += if eneg { -e } else { e };
            j = k;
        }
    }
    (make_float(mant, exp, sticky), j)
}

/// `mant * 2^exp`, where `sticky` says nonzero bits were dropped below
/// `mant`, rounded to nearest-even.
fn make_float(mant: u64, exp: i64, sticky: bool) -> f64 {
    if mant == 0 {
        return 0.0;
    }
    let lz = mant.leading_zeros() as i64;
    let m = (mant as u128) << (lz + 64); // top bit at position 127
    // value = m * 2^(exp - lz - 64); the leading bit has weight 2^e2.
    let e2 = exp - lz + 63;
    if e2 > 1023 {
        return f64::INFINITY;
    }
    // Number of low bits of `m` that do not fit the significand.
    let shift: i64 = if e2 >= -1022 {
        128 - 53
    } else {
        128 - 53 + (-1022 - e2)
    };
    if shift >= 128 {
        // Below half the smallest subnormal (or exactly half with nothing
        // else set rounds to even, i.e. zero), unless it is above half.
        if shift == 128 && (m > (1u128 << 127) || (m == (1u128 << 127) && sticky)) {
            return f64::from_bits(1);
        }
        return 0.0;
    }
    let shift = shift as u32;
    let mut kept = (m >> shift) as u64;
    let rem = m & ((1u128 << shift) - 1);
    let half = 1u128 << (shift - 1);
    if rem > half || (rem == half && (sticky || kept & 1 == 1)) {
        kept += 1;
    }
    if e2 >= -1022 {
        let mut e2 = e2;
        if kept == 1u64 << 53 {
            kept >>= 1;
            e2 += 1;
            if e2 > 1023 {
                return f64::INFINITY;
            }
        }
        let bits = (((e2 + 1023) as u64) << 52) | (kept & ((1u64 << 52) - 1));
        f64::from_bits(bits)
    } else {
        // Subnormal: `kept` is the raw fraction; rounding up to 2^52 lands
        // exactly on the smallest normal number's encoding.
        f64::from_bits(kept)
    }
}

/// Scans a numeral as `read_numeral` does, from `start` (a digit, or the `.`
/// of `.5`), and converts it. Returns the end offset and the value.
pub(crate) fn read_numeral(
    src: &[u8],
    start: usize,
    line: u32,
) -> Result<(usize, Number), LexError> {
    let n = src.len();
    let mut i = start;
    if src[i] == b'.' {
        i += 1;
    }
    let first = src[i];
    i += 1;
    let mut expo = [b'E', b'e'];
    if first == b'0' && i < n && (src[i] == b'x' || src[i] == b'X') {
        i += 1;
        expo = [b'P', b'p'];
    }
    loop {
        if i < n && (src[i] == expo[0] || src[i] == expo[1]) {
            i += 1;
            if i < n && (src[i] == b'-' || src[i] == b'+') {
                i += 1;
            }
        }
        if i < n && (src[i].is_ascii_hexdigit() || src[i] == b'.') {
            i += 1;
        } else {
            break;
        }
    }
    match str2num(&src[start..i]) {
        Some(v) => Ok((i, v)),
        None => Err(LexError {
            message: "malformed number".into(),
            line,
            near: Near::Text(src[start..i].to_vec()),
            span: Span::new(start, i),
        }),
    }
}

/// `luaO_utf8esc`: the reference's UTF-8 encoder (no surrogate check).
pub(crate) fn utf8esc(buf: &mut Vec<u8>, mut x: u32) {
    if x < 0x80 {
        buf.push(x as u8);
        return;
    }
    let mut tmp = [0u8; 8];
    let mut n = 0;
    let mut mfb: u32 = 0x3f;
    loop {
        tmp[7 - n] = 0x80 | (x & 0x3f) as u8;
        n += 1;
        x >>= 6;
        mfb >>= 1;
        if x <= mfb {
            break;
        }
    }
    tmp[7 - n] = ((!mfb << 1) | x) as u8;
    n += 1;
    buf.extend_from_slice(&tmp[8 - n..]);
}

/// Where a decoded string value lives: still in the source (no escapes, no
/// line-break normalisation) or in the lexer's scratch buffer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum StrVal {
    #[default]
    Buf,
    Source(usize, usize),
}

/// Skips one line break at `i` (`\n`, `\r`, `\n\r` or `\r\n` count as one, as
/// `inclinenumber` does); returns the offset after it.
#[inline]
pub(crate) fn skip_newline(src: &[u8], i: usize) -> usize {
    let c = src[i];
    if i + 1 < src.len() && (src[i + 1] == b'\n' || src[i + 1] == b'\r') && src[i + 1] != c {
        i + 2
    } else {
        i + 1
    }
}

/// State a scanner needs besides the source: the line counter and the
/// decoding buffer.
pub(crate) struct Scan<'x> {
    pub line: &'x mut u32,
    pub buf: &'x mut Vec<u8>,
}

fn string_error(
    message: &str,
    line: u32,
    start: usize,
    delim: u8,
    buf: &[u8],
    raw: &[u8],
    at: usize,
) -> LexError {
    let mut near = Vec::with_capacity(buf.len() + raw.len() + 1);
    near.push(delim);
    near.extend_from_slice(buf);
    near.extend_from_slice(raw);
    LexError {
        message: message.into(),
        line,
        near: Near::Text(near),
        span: Span::new(start, at),
    }
}

/// `read_string`: `start` is the offset of the opening quote. On success
/// returns the offset after the closing quote and where the value is.
pub(crate) fn read_string(
    src: &[u8],
    start: usize,
    sc: &mut Scan,
) -> Result<(usize, StrVal), LexError> {
    let delim = src[start];
    let n = src.len();
    let mut i = start + 1;
    // Fast path: no escapes and no line break, the value is a source slice.
    while i < n {
        let c = src[i];
        if c == delim {
            return Ok((i + 1, StrVal::Source(start + 1, i)));
        }
        if c == b'\\' || c == b'\n' || c == b'\r' {
            break;
        }
        i += 1;
    }
    let buf = &mut *sc.buf;
    buf.clear();
    buf.extend_from_slice(&src[start + 1..i]);
    loop {
        if i >= n {
            return Err(LexError {
                message: "unfinished string".into(),
                line: *sc.line,
                near: Near::Eof,
                span: Span::new(start, n),
            });
        }
        let c = src[i];
        if c == delim {
            return Ok((i + 1, StrVal::Buf));
        }
        match c {
            b'\n' | b'\r' => {
                return Err(string_error(
                    "unfinished string",
                    *sc.line,
                    start,
                    delim,
                    buf,
                    b"",
                    i,
                ));
            }
            b'\\' => {
                // `esc` is the raw text of the escape read so far, for messages.
                let esc_start = i;
                i += 1;
                if i >= n {
                    continue; // "unfinished string" at the next turn
                }
                let e = src[i];
                let simple = match e {
                    b'a' => Some(0x07),
                    b'b' => Some(0x08),
                    b'f' => Some(0x0c),
                    b'n' => Some(b'\n'),
                    b'r' => Some(b'\r'),
                    b't' => Some(b'\t'),
                    b'v' => Some(0x0b),
                    b'\\' | b'"' | b'\'' => Some(e),
                    _ => None,
                };
                if let Some(v) = simple {
                    buf.push(v);
                    i += 1;
                    continue;
                }
                // Builds an escape error: the raw escape so far plus the
                // current character (unless at EOF), as `esccheck` does.
                let fail = |msg: &str, upto: usize, buf: &[u8], line: u32| {
                    let end = if upto < n { upto + 1 } else { upto };
                    string_error(msg, line, start, delim, buf, &src[esc_start..end], end)
                };
                match e {
                    b'x' => {
                        let mut v = 0u32;
                        let mut j = i + 1;
                        for _ in 0..2 {
                            if j >= n || !src[j].is_ascii_hexdigit() {
                                return Err(fail("hexadecimal digit expected", j, buf, *sc.line));
                            }
                            v = v * 16 + hexval(src[j]);
                            j += 1;
                        }
                        buf.push(v as u8);
                        i = j;
                    }
                    b'u' => {
                        let mut j = i + 1;
                        if j >= n || src[j] != b'{' {
                            return Err(fail("missing '{'", j, buf, *sc.line));
                        }
                        j += 1;
                        if j >= n || !src[j].is_ascii_hexdigit() {
                            return Err(fail("hexadecimal digit expected", j, buf, *sc.line));
                        }
                        let mut r = hexval(src[j]);
                        j += 1;
                        while j < n && src[j].is_ascii_hexdigit() {
                            r = (r << 4) + hexval(src[j]);
                            if r > 0x10FFFF {
                                return Err(fail("UTF-8 value too large", j, buf, *sc.line));
                            }
                            j += 1;
                        }
                        if j >= n || src[j] != b'}' {
                            return Err(fail("missing '}'", j, buf, *sc.line));
                        }
                        utf8esc(buf, r);
                        i = j + 1;
                    }
                    b'\n' | b'\r' => {
                        *sc.line += 1;
                        i = skip_newline(src, i);
                        buf.push(b'\n');
                    }
                    b'z' => {
                        i += 1;
                        while i < n && is_space(src[i]) {
                            if src[i] == b'\n' || src[i] == b'\r' {
                                *sc.line += 1;
                                i = skip_newline(src, i);
                            } else {
                                i += 1;
                            }
                        }
                    }
                    b'0'..=b'9' => {
                        let mut r = 0u32;
                        let mut j = i;
                        while j < i + 3 && j < n && src[j].is_ascii_digit() {
                            r = r * 10 + (src[j] - b'0') as u32;
                            j += 1;
                        }
                        if r > 255 {
                            return Err(fail("decimal escape too large", j, buf, *sc.line));
                        }
                        buf.push(r as u8);
                        i = j;
                    }
                    _ => return Err(fail("invalid escape sequence", i, buf, *sc.line)),
                }
            }
            _ => {
                // Copy a run of ordinary bytes at once.
                let run_start = i;
                while i < n {
                    let c = src[i];
                    if c == delim || c == b'\\' || c == b'\n' || c == b'\r' {
                        break;
                    }
                    i += 1;
                }
                buf.extend_from_slice(&src[run_start..i]);
            }
        }
    }
}

/// If `src[i..]` starts a long bracket `[=*[`, returns its level.
pub(crate) fn long_bracket_level(src: &[u8], i: usize) -> Option<usize> {
    debug_assert_eq!(src[i], b'[');
    let mut j = i + 1;
    while j < src.len() && src[j] == b'=' {
        j += 1;
    }
    (j < src.len() && src[j] == b'[').then_some(j - i - 1)
}

/// `read_long_string`: `start` is the offset of the opening `[`, `level` its
/// number of `=`. With `keep` false (a comment) nothing is decoded. Returns
/// the end offset and where the value is.
pub(crate) fn read_long_string(
    src: &[u8],
    start: usize,
    level: usize,
    keep: bool,
    sc: &mut Scan,
) -> Result<(usize, StrVal), LexError> {
    let n = src.len();
    let first_line = *sc.line;
    let mut i = start + level + 2;
    if i < n && (src[i] == b'\n' || src[i] == b'\r') {
        *sc.line += 1;
        i = skip_newline(src, i);
    }
    let content_start = i;
    // `in_buf` turns true at the first line break that needs normalising
    // (`\r`, `\r\n`, `\n\r`); until then the value is a plain source slice.
    // In buffer mode `src[copied..i]` is what remains to append.
    let mut in_buf = false;
    let mut copied = i;
    loop {
        while i < n && !matches!(src[i], b']' | b'\n' | b'\r') {
            i += 1;
        }
        if i >= n {
            let what = if keep { "string" } else { "comment" };
            return Err(LexError {
                message: format!("unfinished long {what} (starting at line {first_line})"),
                line: *sc.line,
                near: Near::Eof,
                span: Span::new(start, n),
            });
        }
        if src[i] == b']' {
            let mut j = i + 1;
            while j < n && src[j] == b'=' {
                j += 1;
            }
            if j - i - 1 == level && j < n && src[j] == b']' {
                let val = if !keep {
                    StrVal::Buf
                } else if in_buf {
                    sc.buf.extend_from_slice(&src[copied..i]);
                    StrVal::Buf
                } else {
                    StrVal::Source(content_start, i)
                };
                return Ok((j + 1, val));
            }
            i = j;
        } else {
            let c = src[i];
            let next = skip_newline(src, i);
            *sc.line += 1;
            if keep && !in_buf && (c == b'\r' || next - i == 2) {
                in_buf = true;
                sc.buf.clear();
            }
            if in_buf {
                sc.buf.extend_from_slice(&src[copied..i]);
                sc.buf.push(b'\n');
                copied = next;
            }
            i = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str) -> Option<Number> {
        str_to_number(s.as_bytes())
    }

    #[test]
    fn integers_parse_with_spaces_signs_and_hex_wraparound() {
        assert_eq!(num("10"), Some(Number::Int(10)));
        assert_eq!(num("  -7 \t\n"), Some(Number::Int(-7)));
        assert_eq!(num("+3"), Some(Number::Int(3)));
        assert_eq!(num("0x10"), Some(Number::Int(16)));
        assert_eq!(num("0XfF"), Some(Number::Int(255)));
        assert_eq!(num("0xffffffffffffffff"), Some(Number::Int(-1)));
        assert_eq!(num("0x1ffffffffffffffff"), Some(Number::Int(-1)));
        assert_eq!(num("-0x1"), Some(Number::Int(-1)));
        assert_eq!(num("9223372036854775807"), Some(Number::Int(i64::MAX)));
        assert_eq!(num("-9223372036854775808"), Some(Number::Int(i64::MIN)));
        assert_eq!(
            num("9223372036854775808"),
            Some(Number::Float(9223372036854775808.0))
        );
        assert_eq!(
            num("-9223372036854775809"),
            Some(Number::Float(-9223372036854775809.0))
        );
    }

    #[test]
    fn floats_follow_strtod() {
        assert_eq!(num("1.5"), Some(Number::Float(1.5)));
        assert_eq!(num(".5"), Some(Number::Float(0.5)));
        assert_eq!(num("5."), Some(Number::Float(5.0)));
        assert_eq!(num("1.e2"), Some(Number::Float(100.0)));
        assert_eq!(num("1e+2"), Some(Number::Float(100.0)));
        assert_eq!(num(" -1E-2 "), Some(Number::Float(-0.01)));
        assert_eq!(num("1e400"), Some(Number::Float(f64::INFINITY)));
        assert_eq!(num("0x.8"), Some(Number::Float(0.5)));
        assert_eq!(num("0x1p4"), Some(Number::Float(16.0)));
        assert_eq!(num("0x1P-1"), Some(Number::Float(0.5)));
        assert_eq!(num("0xA.8p1"), Some(Number::Float(21.0)));
        assert_eq!(num("-0x1.8"), Some(Number::Float(-1.5)));
        assert_eq!(num("0x1p99999"), Some(Number::Float(f64::INFINITY)));
        assert_eq!(num("0x1p-1074"), Some(Number::Float(f64::from_bits(1))));
        assert_eq!(num("0x1p-1075"), Some(Number::Float(0.0)));
        assert_eq!(num("0x3p-1076"), Some(Number::Float(f64::from_bits(1))));
        assert_eq!(num("0x3p-1075"), Some(Number::Float(f64::from_bits(2))));
        assert_eq!(
            num("0x1.0000000000001p-1075"),
            Some(Number::Float(f64::from_bits(1)))
        );
        assert_eq!(num("0x5p-1076"), Some(Number::Float(f64::from_bits(1))));
        assert_eq!(num("0x1.fffffffffffff8p0"), Some(Number::Float(2.0)));
        assert_eq!(
            num("0x1.fffffffffffff7ffffp0"),
            Some(Number::Float(f64::from_bits(0x3FFF_FFFF_FFFF_FFFF)))
        );
        assert_eq!(
            num("0x10000000000000000000001p-88"),
            Some(Number::Float(1.0))
        );
    }

    #[test]
    fn malformed_strings_are_rejected() {
        for s in [
            "", " ", "-", "0x", "0x ", "1e", "1e+", "1.5x", "inf", "nan", "-inf", "INF", " NaN",
            "1 2", "0x1p", ".", "e5", "0xg", "1..2", "- 1", "\u{0}", "1\u{0}",
        ] {
            assert_eq!(num(s), None, "{s:?}");
        }
    }

    #[test]
    fn utf8_escapes_encode_like_the_reference() {
        let enc = |x| {
            let mut b = vec![];
            utf8esc(&mut b, x);
            b
        };
        assert_eq!(enc(0x41), b"A");
        assert_eq!(enc(0xE9), "é".as_bytes());
        assert_eq!(enc(0x20AC), "€".as_bytes());
        assert_eq!(enc(0x10FFFF), "\u{10FFFF}".as_bytes());
        assert_eq!(enc(0xD800), [0xED, 0xA0, 0x80]);
    }
}
