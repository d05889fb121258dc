//! `string.format` (port of `str_format`, lstrlib.c, lua/lua v5.3.6) and the
//! C `printf` conversions it relies on, byte-identical to glibc on x86-64,
//! plus Lua's number-to-string (`tostring` of a float, `"%.14g"`).
//!
//! This file owns: parsing the format (`%[flags][width][.precision]conv`
//! with the reference's limits and messages), every conversion, `%q`
//! quoting, and the order in which errors arise. It leaves to the VM
//! wrapper, through [`FormatArgs`], everything that needs Lua values:
//! converting argument `n` to an integer, a float or a string (with
//! `__tostring`), and the wording of those conversion errors.
//!
//! # Contract with the wrapper
//!
//! Arguments are numbered as Lua numbers them: the format string is
//! argument 1, the first value argument 2. [`format`] walks the format and,
//! for each conversion, first checks `n <= top()` (else
//! `FormatError::Arg(n, "no value")`), then parses the spec (errors such as
//! `invalid format (repeated flags)` are `FormatError::Plain`), then asks for
//! the argument:
//! - `%c %d %i %o %u %x %X`: [`FormatArgs::integer`] — `luaL_checkinteger`:
//!   integers, floats with an exact integer value, numeric strings; else
//!   `Arg(n, "number has no integer representation")` or
//!   `Arg(n, "number expected, got <type>")`.
//! - `%a %A %e %E %f %g %G`: [`FormatArgs::number`] — `luaL_checknumber`.
//! - `%s`: [`FormatArgs::string`] — `luaL_tolstring` (`__tostring`,
//!   `__name`, floats written by `wlua_vm::number::fmt_float`...).
//! - `%q`: [`FormatArgs::literal`] — the raw value, no metamethods.
//!
//! An error returned by a callback is passed through unchanged. The wrapper
//! renders `Arg(n, msg)` as `bad argument #n to 'format' (msg)` (the
//! reference names the function as `luaL_argerror` finds it, e.g.
//! `'string.format'`), and `Plain(msg)` as a `luaL_error` (which prefixes the
//! calling Lua function's `chunk:line:`).
//!
//! Widths and precisions have at most two digits, so every item is small
//! except `%s` (copied) and `%f` of a huge number (at most ~420 bytes).

use std::borrow::Cow;

/// An error of `string.format`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormatError {
    /// `luaL_error`: the message alone, e.g. `invalid option '%y' to 'format'`.
    Plain(String),
    /// `luaL_argerror(arg, msg)`: `bad argument #arg to 'format' (msg)`.
    Arg(usize, String),
}

/// A `%q` argument, by Lua type (`lua_type`, no metamethods).
#[derive(Clone, Debug, PartialEq)]
pub enum Literal<'a> {
    Str(Cow<'a, [u8]>),
    Int(i64),
    Float(f64),
    Nil,
    Bool(bool),
    /// Any other type: `value has no literal form`.
    Other,
}

/// Access to the arguments of `string.format`; see the module docs.
pub trait FormatArgs {
    /// Number of arguments, the format string included (`lua_gettop`).
    fn top(&self) -> usize;
    /// `luaL_checkinteger(arg)`.
    fn integer(&mut self, arg: usize) -> Result<i64, FormatError>;
    /// `luaL_checknumber(arg)`.
    fn number(&mut self, arg: usize) -> Result<f64, FormatError>;
    /// `luaL_tolstring(arg)`.
    fn string(&mut self, arg: usize) -> Result<Cow<'_, [u8]>, FormatError>;
    /// The raw value for `%q`.
    fn literal(&mut self, arg: usize) -> Result<Literal<'_>, FormatError>;
}

/// `string.format(fmt, ...)`.
pub fn format(fmt: &[u8], args: &mut dyn FormatArgs) -> Result<Vec<u8>, FormatError> {
    let top = args.top();
    let mut arg = 1;
    let mut out = Vec::with_capacity(fmt.len() + 16);
    let mut i = 0;
    while i < fmt.len() {
        let c = fmt[i];
        i += 1;
        if c != b'%' {
            out.push(c);
            continue;
        }
        if fmt.get(i) == Some(&b'%') {
            out.push(b'%');
            i += 1;
            continue;
        }
        arg += 1;
        if arg > top {
            return Err(FormatError::Arg(arg, "no value".to_string()));
        }
        let (spec, next) = parse_spec(fmt, i)?;
        i = next;
        match spec.conv {
            b'c' => {
                let n = args.integer(arg)?;
                // as (int) then %c: only the low byte survives
                fmt_char(&mut out, &spec, n as u8);
            }
            b'd' | b'i' | b'o' | b'u' | b'x' | b'X' => {
                let n = args.integer(arg)?;
                fmt_int(&mut out, &spec, n);
            }
            b'a' | b'A' | b'e' | b'E' | b'f' | b'g' | b'G' => {
                let x = args.number(arg)?;
                fmt_float(&mut out, &spec, x);
            }
            b'q' => {
                let lit = args.literal(arg)?;
                add_literal(&mut out, &lit)
                    .map_err(|()| FormatError::Arg(arg, "value has no literal form".into()))?;
            }
            b's' => {
                let s = args.string(arg)?;
                if !spec.modified {
                    out.extend_from_slice(&s); // keep entire string
                } else if s.contains(&0) {
                    return Err(FormatError::Arg(arg, "string contains zeros".to_string()));
                } else if spec.precision.is_none() && s.len() >= 100 {
                    // no precision and too long to be formatted: kept whole
                    out.extend_from_slice(&s);
                } else {
                    fmt_str(&mut out, &spec, &s);
                }
            }
            conv => {
                return Err(FormatError::Plain(format!(
                    "invalid option '%{}' to 'format'",
                    show_char(conv)
                )));
            }
        }
    }
    Ok(out)
}

/// `%c` of `lua_pushfstring`: a printable byte as itself, else `<\N>`.
fn show_char(c: u8) -> String {
    if (32..127).contains(&c) {
        (c as char).to_string()
    } else {
        format!("<\\{c}>")
    }
}

/// A parsed conversion spec `%[flags][width][.precision]conv`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Spec {
    /// `-`: left-justify.
    pub minus: bool,
    /// `+`: sign always (signed conversions).
    pub plus: bool,
    /// ` `: space for a missing sign.
    pub space: bool,
    /// `#`: alternate form.
    pub alt: bool,
    /// `0`: pad with zeros (numbers only, not with `-`).
    pub zero: bool,
    /// Minimum field width (0 to 99).
    pub width: usize,
    /// Precision (0 to 99), if a `.` was given.
    pub precision: Option<usize>,
    /// The conversion byte (`0` when the format ended early).
    pub conv: u8,
    /// Whether anything stands between `%` and the conversion (matters to
    /// `%s`, which copies the string verbatim without modifiers).
    pub modified: bool,
}

impl Spec {
    /// A bare `%<conv>`.
    pub fn plain(conv: u8) -> Self {
        Spec {
            conv,
            ..Spec::default()
        }
    }
}

/// `scanformat`: parses the spec starting at `fmt[i]` (just after the `%`)
/// and returns it with the index after the conversion byte. As in C, the
/// format ends in a virtual zero byte.
pub fn parse_spec(fmt: &[u8], i: usize) -> Result<(Spec, usize), FormatError> {
    let at = |k: usize| fmt.get(k).copied().unwrap_or(0);
    let mut spec = Spec::default();
    let mut p = i;
    while let c @ (b'-' | b'+' | b' ' | b'#' | b'0') = at(p) {
        match c {
            b'-' => spec.minus = true,
            b'+' => spec.plus = true,
            b' ' => spec.space = true,
            b'#' => spec.alt = true,
            _ => spec.zero = true,
        }
        p += 1;
    }
    if p - i >= 6 {
        return Err(FormatError::Plain("invalid format (repeated flags)".into()));
    }
    for _ in 0..2 {
        if at(p).is_ascii_digit() {
            spec.width = spec.width * 10 + (at(p) - b'0') as usize;
            p += 1;
        }
    }
    if at(p) == b'.' {
        p += 1;
        let mut prec = 0;
        for _ in 0..2 {
            if at(p).is_ascii_digit() {
                prec = prec * 10 + (at(p) - b'0') as usize;
                p += 1;
            }
        }
        spec.precision = Some(prec);
    }
    if at(p).is_ascii_digit() {
        return Err(FormatError::Plain(
            "invalid format (width or precision too long)".into(),
        ));
    }
    spec.modified = p > i;
    spec.conv = at(p);
    Ok((spec, p + 1))
}

// ---------------------------------------------------------------------------
// Conversions (glibc printf)

/// Lays out `sign prefix body` in the field: left-justified with `-`, zero
/// padded between prefix and body when `zero_pad`, else right-justified.
fn pad(out: &mut Vec<u8>, spec: &Spec, sign: &[u8], prefix: &[u8], body: &[u8], zero_pad: bool) {
    let len = sign.len() + prefix.len() + body.len();
    let fill = spec.width.saturating_sub(len);
    if spec.minus {
        out.extend_from_slice(sign);
        out.extend_from_slice(prefix);
        out.extend_from_slice(body);
        out.resize(out.len() + fill, b' ');
    } else if zero_pad && spec.zero {
        out.extend_from_slice(sign);
        out.extend_from_slice(prefix);
        out.resize(out.len() + fill, b'0');
        out.extend_from_slice(body);
    } else {
        out.resize(out.len() + fill, b' ');
        out.extend_from_slice(sign);
        out.extend_from_slice(prefix);
        out.extend_from_slice(body);
    }
}

/// `%c` (flags other than `-` and the width have no effect).
pub fn fmt_char(out: &mut Vec<u8>, spec: &Spec, c: u8) {
    pad(out, spec, b"", b"", &[c], false);
}

/// `%s` with width and precision (precision truncates).
pub fn fmt_str(out: &mut Vec<u8>, spec: &Spec, s: &[u8]) {
    let s = match spec.precision {
        Some(p) if p < s.len() => &s[..p],
        _ => s,
    };
    pad(out, spec, b"", b"", s, false);
}

/// `%d %i %u %o %x %X` of a Lua integer (`%lld` family); the unsigned
/// conversions see the 64-bit two's-complement pattern.
pub fn fmt_int(out: &mut Vec<u8>, spec: &Spec, n: i64) {
    let signed = matches!(spec.conv, b'd' | b'i');
    let mag = if signed { n.unsigned_abs() } else { n as u64 };
    let mut digits = match spec.conv {
        b'o' => format!("{mag:o}"),
        b'x' => format!("{mag:x}"),
        b'X' => format!("{mag:X}"),
        _ => mag.to_string(),
    }
    .into_bytes();
    if let Some(p) = spec.precision {
        if p == 0 && mag == 0 {
            digits.clear();
        } else if digits.len() < p {
            digits.splice(0..0, std::iter::repeat_n(b'0', p - digits.len()));
        }
    }
    if spec.conv == b'o' && spec.alt && digits.first() != Some(&b'0') {
        digits.insert(0, b'0');
    }
    let prefix: &[u8] = match spec.conv {
        b'x' if spec.alt && mag != 0 => b"0x",
        b'X' if spec.alt && mag != 0 => b"0X",
        _ => b"",
    };
    let sign: &[u8] = if !signed {
        b""
    } else if n < 0 {
        b"-"
    } else if spec.plus {
        b"+"
    } else if spec.space {
        b" "
    } else {
        b""
    };
    pad(out, spec, sign, prefix, &digits, spec.precision.is_none());
}

/// `%a %A %e %E %f %g %G` of a float, as glibc prints a double.
pub fn fmt_float(out: &mut Vec<u8>, spec: &Spec, x: f64) {
    let upper = spec.conv.is_ascii_uppercase();
    let sign: &[u8] = if x.is_sign_negative() {
        b"-"
    } else if spec.plus {
        b"+"
    } else if spec.space {
        b" "
    } else {
        b""
    };
    if !x.is_finite() {
        let body: &[u8] = match (x.is_nan(), upper) {
            (true, false) => b"nan",
            (true, true) => b"NAN",
            (false, false) => b"inf",
            (false, true) => b"INF",
        };
        return pad(out, spec, sign, b"", body, false);
    }
    let a = x.abs();
    let mut prefix: &[u8] = b"";
    let body = match spec.conv.to_ascii_lowercase() {
        b'f' => fixed(a, spec.precision.unwrap_or(6), spec.alt),
        b'e' => exponential(a, spec.precision.unwrap_or(6), spec.alt, upper),
        b'g' => general(a, spec.precision.unwrap_or(6), spec.alt, upper),
        _ => {
            prefix = if upper { b"0X" } else { b"0x" };
            hex_body(a, spec.precision, spec.alt, upper)
        }
    };
    pad(out, spec, sign, prefix, body.as_bytes(), true);
}

/// `%.Nf` of a non-negative finite `a` (Rust's exact formatting is
/// correctly rounded, ties to even, like glibc).
fn fixed(a: f64, prec: usize, alt: bool) -> String {
    let mut s = format!("{a:.prec$}");
    if alt && prec == 0 {
        s.push('.');
    }
    s
}

/// Splits Rust's `{:.Ne}` output into mantissa and decimal exponent.
fn rust_exp(a: f64, prec: usize) -> (String, i32) {
    let s = format!("{a:.prec$e}");
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    (m.to_string(), e.parse().unwrap_or(0))
}

/// `%.Ne` of a non-negative finite `a`: `d.ddde+XX`.
fn exponential(a: f64, prec: usize, alt: bool, upper: bool) -> String {
    let (mut m, e) = rust_exp(a, prec);
    if alt && prec == 0 {
        m.push('.');
    }
    m.push(if upper { 'E' } else { 'e' });
    m.push(if e < 0 { '-' } else { '+' });
    let e = e.unsigned_abs();
    if e < 10 {
        m.push('0');
    }
    m.push_str(&e.to_string());
    m
}

/// `%.Pg` of a non-negative finite `a`: `%e` when the exponent X (after
/// rounding to P digits) is below -4 or at least P, else `%f` with P-1-X
/// decimals; trailing zeros go unless `#`.
fn general(a: f64, prec: usize, alt: bool, upper: bool) -> String {
    let p = prec.max(1);
    let x = if a == 0.0 { 0 } else { rust_exp(a, p - 1).1 };
    if alt && x == p as i32 && format!("{:.0}", a.trunc()).len() == p {
        // glibc quirk: with `#`, a value of P integer digits that rounds up
        // to P+1 (999999.5 with "%#g") loses its fraction zeros: "1.e+06".
        let e = if upper { 'E' } else { 'e' };
        return format!("1.{e}+{x:02}");
    }
    let mut s = if x < -4 || x >= p as i32 {
        exponential(a, p - 1, alt, upper)
    } else {
        fixed(a, (p as i32 - 1 - x) as usize, alt)
    };
    if !alt {
        let exp_at = s.find(['e', 'E']).unwrap_or(s.len());
        let (num, exp) = s.split_at(exp_at);
        if num.contains('.') {
            let num = num.trim_end_matches('0').trim_end_matches('.');
            s = format!("{num}{exp}");
        }
    }
    s
}

/// The part of `%a` after `0x` for a non-negative finite `a`, as glibc:
/// normal numbers `1.hhhp+E`, subnormals `0.hhhp-1022`, zero `0p+0`;
/// without precision the 13 hex digits lose their trailing zeros; with one
/// they are rounded (ties to even), a carry may make the first digit `2`.
fn hex_body(a: f64, precision: Option<usize>, alt: bool, upper: bool) -> String {
    let bits = a.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (lead, exp) = match (biased, frac) {
        (0, 0) => (0u64, 0i64),
        (0, _) => (0, -1022),
        _ => (1, biased - 1023),
    };
    let (lead, digits) = match precision {
        None => {
            let mut d = format!("{frac:013x}");
            d.truncate(d.trim_end_matches('0').len());
            (lead, d)
        }
        Some(p) if p >= 13 => (lead, format!("{frac:013x}{}", "0".repeat(p - 13))),
        Some(p) => {
            let v = (lead << 52) | frac;
            let shift = 4 * (13 - p) as u32;
            let mut q = v >> shift;
            let rem = v & ((1u64 << shift) - 1);
            let half = 1u64 << (shift - 1);
            if rem > half || (rem == half && q & 1 == 1) {
                q += 1;
            }
            let lead = q >> (4 * p);
            let fr = q & ((1u64 << (4 * p)) - 1);
            let d = if p == 0 {
                String::new()
            } else {
                format!("{fr:0p$x}")
            };
            (lead, d)
        }
    };
    let mut s = format!("{lead:x}");
    if !digits.is_empty() || alt {
        s.push('.');
    }
    s.push_str(&digits);
    s.push('p');
    if exp >= 0 {
        s.push('+');
    }
    s.push_str(&exp.to_string());
    if upper {
        s.make_ascii_uppercase();
    }
    s
}

/// `%q` (`addliteral`); `Err(())` for a value with no literal form.
fn add_literal(out: &mut Vec<u8>, lit: &Literal<'_>) -> Result<(), ()> {
    match lit {
        Literal::Str(s) => add_quoted(out, s),
        Literal::Int(i64::MIN) => out.extend_from_slice(b"0x8000000000000000"),
        Literal::Int(n) => out.extend_from_slice(n.to_string().as_bytes()),
        Literal::Float(x) => fmt_float(out, &Spec::plain(b'a'), *x),
        Literal::Nil => out.extend_from_slice(b"nil"),
        Literal::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Literal::Other => return Err(()),
    }
    Ok(())
}

/// `addquoted`: a string as a Lua literal that reads back the same bytes.
pub fn add_quoted(out: &mut Vec<u8>, s: &[u8]) {
    out.push(b'"');
    for (i, &c) in s.iter().enumerate() {
        if c == b'"' || c == b'\\' || c == b'\n' {
            out.push(b'\\');
            out.push(c);
        } else if c < 32 || c == 127 {
            let next_is_digit = s.get(i + 1).is_some_and(u8::is_ascii_digit);
            let esc = if next_is_digit {
                format!("\\{c:03}")
            } else {
                format!("\\{c}")
            };
            out.extend_from_slice(esc.as_bytes());
        } else {
            out.push(c);
        }
    }
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::string::test_escapes::{esc, unesc};

    #[derive(Clone, Debug)]
    enum V {
        Int(i64),
        Float(f64),
        Str(Vec<u8>),
        Table,
    }

    /// What the VM wrapper does, for the value kinds the tests use.
    struct Args(Vec<V>);

    impl Args {
        fn get(&self, arg: usize) -> Option<&V> {
            self.0.get(arg - 2)
        }
    }

    fn str_to_number(s: &[u8]) -> Option<V> {
        let s = std::str::from_utf8(s).ok()?.trim();
        if let Ok(n) = s.parse::<i64>() {
            return Some(V::Int(n));
        }
        s.parse::<f64>().ok().map(V::Float)
    }

    impl FormatArgs for Args {
        fn top(&self) -> usize {
            self.0.len() + 1
        }
        fn integer(&mut self, arg: usize) -> Result<i64, FormatError> {
            let v = match self.get(arg) {
                Some(V::Str(s)) => str_to_number(s),
                v => v.cloned(),
            };
            match v {
                Some(V::Int(n)) => Ok(n),
                Some(V::Float(x))
                    if x.fract() == 0.0 && x >= -(2f64.powi(63)) && x < 2f64.powi(63) =>
                {
                    Ok(x as i64)
                }
                Some(V::Float(_)) => Err(FormatError::Arg(
                    arg,
                    "number has no integer representation".into(),
                )),
                _ => Err(FormatError::Arg(arg, "number expected, got string".into())),
            }
        }
        fn number(&mut self, arg: usize) -> Result<f64, FormatError> {
            let v = match self.get(arg) {
                Some(V::Str(s)) => str_to_number(s),
                v => v.cloned(),
            };
            match v {
                Some(V::Int(n)) => Ok(n as f64),
                Some(V::Float(x)) => Ok(x),
                _ => Err(FormatError::Arg(arg, "number expected, got string".into())),
            }
        }
        fn string(&mut self, arg: usize) -> Result<Cow<'_, [u8]>, FormatError> {
            Ok(match self.get(arg) {
                Some(V::Int(n)) => Cow::Owned(n.to_string().into_bytes()),
                Some(V::Float(x)) => Cow::Owned(wlua_vm::number::fmt_float(*x).into_bytes()),
                Some(V::Str(s)) => Cow::Borrowed(s),
                _ => Cow::Borrowed(b"table: 0x0"),
            })
        }
        fn literal(&mut self, arg: usize) -> Result<Literal<'_>, FormatError> {
            Ok(match self.get(arg) {
                Some(V::Int(n)) => Literal::Int(*n),
                Some(V::Float(x)) => Literal::Float(*x),
                Some(V::Str(s)) => Literal::Str(Cow::Borrowed(s)),
                _ => Literal::Other,
            })
        }
    }

    fn run(fmt: &[u8], args: Vec<V>) -> String {
        match format(fmt, &mut Args(args)) {
            Ok(out) => format!("R:{}", esc(&out)),
            Err(FormatError::Plain(m)) => format!("E:{}", esc(m.as_bytes())),
            Err(FormatError::Arg(n, m)) => {
                let m = format!("bad argument #{n} to 'string.format' ({m})");
                format!("E:{}", esc(m.as_bytes()))
            }
        }
    }

    #[test]
    fn matches_reference_cases() {
        let data = include_str!("testdata/format.txt");
        let mut failures = Vec::new();
        let mut n = 0;
        for line in data.lines() {
            let f: Vec<&str> = line.split('\t').collect();
            let (got, want) = match f[0] {
                "F" => {
                    let x = f64::from_bits(f[2].parse::<i64>().unwrap() as u64);
                    (run(&unesc(f[1]), vec![V::Float(x)]), f[3].to_string())
                }
                "I" => {
                    let v = match f[2].parse::<i64>() {
                        Ok(i) => V::Int(i),
                        Err(_) => V::Float(f[2].parse().unwrap()), // "1000.0"
                    };
                    (run(&unesc(f[1]), vec![v]), f[3].to_string())
                }
                "S" => (
                    run(&unesc(f[1]), vec![V::Str(unesc(f[2]))]),
                    f[3].to_string(),
                ),
                "T" => {
                    let x = f64::from_bits(f[1].parse::<i64>().unwrap() as u64);
                    (
                        esc(wlua_vm::number::fmt_float(x).as_bytes()),
                        f[2].to_string(),
                    )
                }
                other => panic!("unknown case kind {other}"),
            };
            n += 1;
            if got != want {
                failures.push(format!("{line}\n   got: {got}"));
            }
        }
        assert!(n > 5000, "only {n} cases");
        assert!(
            failures.is_empty(),
            "{} of {n} failed:\n{}",
            failures.len(),
            failures[..failures.len().min(30)].join("\n")
        );
    }

    #[test]
    fn argument_errors_come_in_the_reference_order() {
        let r = |fmt: &[u8], args: Vec<V>| run(fmt, args);
        // "no value" is checked before the spec is parsed
        assert_eq!(
            r(b"%d %123d", vec![V::Int(1)]),
            "E:bad argument #3 to 'string.format' (no value)"
        );
        assert_eq!(
            r(b"%123d", vec![V::Int(1)]),
            "E:invalid format (width or precision too long)"
        );
        assert_eq!(
            r(b"%d", vec![V::Float(1.5)]),
            "E:bad argument #2 to 'string.format' (number has no integer representation)"
        );
        assert_eq!(
            r(b"%q", vec![V::Table]),
            "E:bad argument #2 to 'string.format' (value has no literal form)"
        );
        assert_eq!(r(b"%s|%d", vec![V::Table, V::Float(3.0)]), "R:table: 0x0|3");
        assert_eq!(r(b"100%% %c", vec![V::Int(0x141)]), "R:100% A");
        assert_eq!(r(b"%q", vec![V::Int(i64::MIN)]), "R:0x8000000000000000");
        assert_eq!(r(b"%q", vec![V::Float(f64::INFINITY)]), "R:inf");
        assert_eq!(r(b"%5.1q", vec![V::Float(1.0)]), "R:0x1p+0");
    }

    #[test]
    fn tostring_of_floats() {
        assert_eq!(wlua_vm::number::fmt_float(1.0), "1.0");
        assert_eq!(wlua_vm::number::fmt_float(-0.0), "-0.0");
        assert_eq!(wlua_vm::number::fmt_float(1e15), "1e+15");
        assert_eq!(
            wlua_vm::number::fmt_float(2f64.powi(63)),
            "9.2233720368548e+18"
        );
        assert_eq!(wlua_vm::number::fmt_float(f64::NAN), "nan");
        assert_eq!(wlua_vm::number::fmt_float(-f64::NAN), "-nan");
        assert_eq!(wlua_vm::number::fmt_float(f64::NEG_INFINITY), "-inf");
        assert_eq!(wlua_vm::number::fmt_float(0.1), "0.1");
        assert_eq!(wlua_vm::number::fmt_g(100.0, 14), "100");
    }

    #[test]
    fn alternate_g_follows_glibc_when_rounding_adds_a_digit() {
        // expectations from lua5.3 on glibc
        let cases: &[(&[u8], f64, &str)] = &[
            (b"%#g", 999999.5, "1.e+06"),
            (b"%g", 999999.5, "1e+06"),
            (b"%#.2g", 99.6, "1.e+02"),
            (b"%#.5G", 99999.6, "1.E+05"),
            (b"%#.1g", 9.6, "1.e+01"),
            (b"%#.2g", 9.96, "10."),
            (b"%#.3g", 99.96, "100."),
            (b"%#.2g", 0.996, "1.0"),
            (b"%#.3g", 9.9996e5, "1.00e+06"),
            (b"%#g", 9.999996e-5, "0.000100000"),
            (b"%#.4g", 0.00099996, "0.001000"),
            (b"%.1g", 9.6e-5, "0.0001"),
        ];
        for &(fmt, x, want) in cases {
            assert_eq!(
                run(fmt, vec![V::Float(x)]),
                format!("R:{want}"),
                "{}",
                String::from_utf8_lossy(fmt)
            );
        }
    }
}
