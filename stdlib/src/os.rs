//! The os library (loslib.c of Lua 5.3.6): `clock`, `date`, `difftime`,
//! `execute`, `exit`, `getenv`, `remove`, `rename`, `setlocale`, `time`,
//! `tmpname`.
//!
//! Time functions go through the C library (`localtime_r`, `gmtime_r`,
//! `mktime`, `strftime`) as the reference does, so formats, normalisation
//! and time zones agree; `os.date` checks conversion specifiers against the
//! reference's C99 list before handing them to `strftime`.
//!
//! `setlocale` never changes the process locale (other processes share it,
//! and number formatting depends on it): it answers queries and accepts
//! "C", "POSIX" and "" (the C locale), and fails for any other name.

use crate::args::{self, arg, check_int, check_option, check_str, opt_int};
use crate::io::{c_string, exec_result, file_result, flush_all};
use wlua_vm::lazy::{TValue, Template};
use wlua_vm::{LuaError, NResult, Vals, Value, Vm, rets};

/// The `os` table, built on demand in each process (wlua_vm::lazy).
pub static LIB: Template = Template {
    name: "os",
    entries: &[
        ("clock", TValue::Fn(os_clock)),
        ("date", TValue::Fn(os_date)),
        ("difftime", TValue::Fn(os_difftime)),
        ("execute", TValue::Fn(os_execute)),
        ("exit", TValue::Fn(os_exit)),
        ("getenv", TValue::Fn(os_getenv)),
        ("remove", TValue::Fn(os_remove)),
        ("rename", TValue::Fn(os_rename)),
        ("setlocale", TValue::Fn(os_setlocale)),
        ("time", TValue::Fn(os_time)),
        ("tmpname", TValue::Fn(os_tmpname)),
    ],
    init: None,
};

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

fn os_execute(vm: &mut Vm, args: Vals) -> NResult {
    crate::process::before_blocking(vm);
    let cmd = match arg(&args, 0) {
        Value::Nil => None,
        _ => Some(c_string(check_str(vm, &args, 0)?.get().as_bytes())),
    };
    // SAFETY: a NUL-terminated command or NULL, as system() expects.
    let stat = unsafe { libc::system(cmd.as_ref().map_or(std::ptr::null(), |c| c.as_ptr())) };
    match cmd {
        Some(_) => exec_result(vm, if stat == -1 { Err(errno()) } else { Ok(stat) }),
        None => rets![Value::Bool(stat != 0)], // is there a shell?
    }
}

fn os_remove(vm: &mut Vm, args: Vals) -> NResult {
    let name = args::check_bytes(vm, &args, 0)?;
    let c = c_string(&name);
    // SAFETY: NUL-terminated path.
    let r = unsafe { libc::remove(c.as_ptr()) };
    file_result(vm, if r == 0 { Ok(()) } else { Err(errno()) }, Some(&name))
}

fn os_rename(vm: &mut Vm, args: Vals) -> NResult {
    let from = c_string(check_str(vm, &args, 0)?.get().as_bytes());
    let to = c_string(check_str(vm, &args, 1)?.get().as_bytes());
    // SAFETY: NUL-terminated paths.
    let r = unsafe { libc::rename(from.as_ptr(), to.as_ptr()) };
    file_result(vm, if r == 0 { Ok(()) } else { Err(errno()) }, None)
}

fn os_tmpname(vm: &mut Vm, _args: Vals) -> NResult {
    let mut template = *b"/tmp/lua_XXXXXX\0";
    // SAFETY: a writable NUL-terminated template.
    let fd = unsafe { libc::mkstemp(template.as_mut_ptr().cast()) };
    if fd == -1 {
        return Err(LuaError::msg("unable to generate a unique filename"));
    }
    // SAFETY: the descriptor was just opened by mkstemp.
    unsafe { libc::close(fd) };
    rets![vm.new_str(&template[..template.len() - 1])]
}

fn os_getenv(vm: &mut Vm, args: Vals) -> NResult {
    use std::os::unix::ffi::{OsStrExt, OsStringExt};
    let name = check_str(vm, &args, 0)?;
    let name = c_string(name.get().as_bytes());
    let name = std::ffi::OsStr::from_bytes(name.as_bytes());
    if name.is_empty() || name.as_bytes().contains(&b'=') {
        return rets![Value::Nil];
    }
    match std::env::var_os(name) {
        Some(v) => rets![vm.new_str_owned(v.into_vec())],
        None => rets![Value::Nil],
    }
}

/// `clock()` of glibc: the process's CPU time in whole microseconds
/// (CLOCKS_PER_SEC is 1000000).
fn os_clock(_vm: &mut Vm, _args: Vals) -> NResult {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: a valid timespec to fill.
    unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    let ticks = ts.tv_sec as i64 * 1_000_000 + ts.tv_nsec as i64 / 1000;
    rets![Value::Float(ticks as f64 / 1_000_000.0)]
}

// ----- time and date ----------------------------------------------------------------

/// Valid `strftime` conversions (LUA_STRFTIMEOPTIONS for C99): single
/// characters, then after "||" the two-character ones.
const STRFTIME_OPTIONS: &[u8] =
    b"aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%||EcECExEXEyEYOdOeOHOIOmOMOSOuOUOVOwOWOy";

/// Most bytes one conversion may produce (SIZETIMEFMT).
const SIZETIMEFMT: usize = 250;

/// `checkoption`: the length of the valid conversion at the start of
/// `conv`, or the "invalid conversion specifier" argument error.
fn check_conversion(conv: &[u8]) -> Result<usize, LuaError> {
    let mut option = STRFTIME_OPTIONS;
    let mut oplen = 1;
    while !option.is_empty() && oplen <= conv.len() {
        if option[0] == b'|' {
            oplen += 1; // the next block has longer options
        } else if option.len() >= oplen && conv[..oplen] == option[..oplen] {
            return Ok(oplen);
        }
        option = &option[oplen.min(option.len())..];
    }
    // The reference prints the rest of the format as a C string.
    let end = conv.iter().position(|&c| c == 0).unwrap_or(conv.len());
    Err(LuaError::arg(
        1,
        format!(
            "invalid conversion specifier '%{}'",
            String::from_utf8_lossy(&conv[..end])
        ),
    ))
}

fn zero_tm() -> libc::tm {
    // SAFETY: `tm` is plain data; all-zero is a valid value (null tm_zone).
    unsafe { std::mem::zeroed() }
}

/// `l_checktime`.
fn check_time(vm: &mut Vm, args: &Vals, i: usize) -> Result<libc::time_t, LuaError> {
    Ok(check_int(vm, args, i)? as libc::time_t)
}

fn now() -> libc::time_t {
    // SAFETY: time(NULL) only returns a value.
    unsafe { libc::time(std::ptr::null_mut()) }
}

fn cannot_represent() -> LuaError {
    LuaError::msg("time result cannot be represented in this installation")
}

fn os_date(vm: &mut Vm, args: Vals) -> NResult {
    let fmt = match arg(&args, 0) {
        Value::Nil => b"%c".to_vec(),
        _ => args::check_bytes(vm, &args, 0)?,
    };
    let t = if arg(&args, 1).is_nil() {
        now()
    } else {
        check_time(vm, &args, 1)?
    };
    let mut tm = zero_tm();
    let (utc, mut s) = match fmt.strip_prefix(b"!") {
        Some(rest) => (true, rest),
        None => (false, &fmt[..]),
    };
    // SAFETY: valid pointers to a time_t and a tm.
    let ok = unsafe {
        if utc {
            !libc::gmtime_r(&t, &mut tm).is_null()
        } else {
            !libc::localtime_r(&t, &mut tm).is_null()
        }
    };
    if !ok {
        return Err(cannot_represent());
    }
    let cstr_end = s.iter().position(|&c| c == 0).unwrap_or(s.len());
    if &s[..cstr_end] == b"*t" {
        let table = vm.new_table_sized(0, 9);
        set_all_fields(vm, Value::Table(table), &tm)?;
        return rets![Value::Table(table)];
    }
    let mut out = Vec::new();
    while let Some((&c, rest)) = s.split_first() {
        if c != b'%' {
            out.push(c);
            s = rest;
            continue;
        }
        let n = check_conversion(rest)?;
        let mut cc = [0u8; 4];
        cc[0] = b'%';
        cc[1..1 + n].copy_from_slice(&rest[..n]);
        let mut buf = [0u8; SIZETIMEFMT];
        // SAFETY: `cc` is NUL-terminated, `buf` is writable for its length.
        let len = unsafe {
            libc::strftime(
                buf.as_mut_ptr().cast(),
                SIZETIMEFMT,
                cc.as_ptr().cast(),
                &tm,
            )
        };
        out.extend_from_slice(&buf[..len]);
        s = &rest[n..];
    }
    rets![vm.new_str_owned(out)]
}

/// `setallfields`: the fields of `tm` into the table (with `__newindex`).
fn set_all_fields(vm: &mut Vm, t: Value, tm: &libc::tm) -> Result<(), LuaError> {
    let fields = [
        ("sec", tm.tm_sec as i64),
        ("min", tm.tm_min as i64),
        ("hour", tm.tm_hour as i64),
        ("day", tm.tm_mday as i64),
        ("month", tm.tm_mon as i64 + 1),
        ("year", tm.tm_year as i64 + 1900),
        ("wday", tm.tm_wday as i64 + 1),
        ("yday", tm.tm_yday as i64 + 1),
    ];
    for (k, v) in fields {
        let key = vm.new_str(k);
        vm.set_index(t, key, Value::Int(v))?;
    }
    if tm.tm_isdst >= 0 {
        let key = vm.new_str("isdst");
        vm.set_index(t, key, Value::Bool(tm.tm_isdst != 0))?;
    }
    Ok(())
}

/// Largest magnitude of a date field (L_MAXDATEFIELD), keeping `int`
/// arithmetic in mktime from overflowing.
const MAXDATEFIELD: i64 = i32::MAX as i64 / 2;

/// `getfield`: an integer field of the date table, `d` when absent (an
/// error when `d` < 0), minus `delta`.
fn get_field(vm: &mut Vm, t: Value, key: &str, d: i64, delta: i64) -> Result<i32, LuaError> {
    let k = vm.new_str(key);
    let v = vm.index(t, k)?;
    let res = match v.to_integer() {
        Some(res) => {
            if !(-MAXDATEFIELD..=MAXDATEFIELD).contains(&res) {
                return Err(LuaError::msg(format!("field '{}' is out-of-bound", key)));
            }
            res - delta
        }
        None if !v.is_nil() => {
            return Err(LuaError::msg(format!("field '{}' is not an integer", key)));
        }
        None if d < 0 => {
            return Err(LuaError::msg(format!(
                "field '{}' missing in date table",
                key
            )));
        }
        None => d,
    };
    Ok(res as i32)
}

fn os_time(vm: &mut Vm, args: Vals) -> NResult {
    let t = if arg(&args, 0).is_nil() {
        now()
    } else {
        let table = args::check_table(vm, &args, 0)?;
        let tv = Value::Table(table);
        let mut ts = zero_tm();
        ts.tm_sec = get_field(vm, tv, "sec", 0, 0)?;
        ts.tm_min = get_field(vm, tv, "min", 0, 0)?;
        ts.tm_hour = get_field(vm, tv, "hour", 12, 0)?;
        ts.tm_mday = get_field(vm, tv, "day", -1, 0)?;
        ts.tm_mon = get_field(vm, tv, "month", -1, 1)?;
        ts.tm_year = get_field(vm, tv, "year", -1, 1900)?;
        let k = vm.new_str("isdst");
        ts.tm_isdst = match vm.index(tv, k)? {
            Value::Nil => -1,
            v => v.truthy() as i32,
        };
        // SAFETY: a valid tm.
        let t = unsafe { libc::mktime(&mut ts) };
        set_all_fields(vm, tv, &ts)?;
        t
    };
    if t == -1 {
        return Err(cannot_represent());
    }
    rets![Value::Int(t as i64)]
}

fn os_difftime(vm: &mut Vm, args: Vals) -> NResult {
    let t1 = check_time(vm, &args, 0)?;
    let t2 = check_time(vm, &args, 1)?;
    rets![Value::Float(t1 as f64 - t2 as f64)]
}

// ----- locale and exit ----------------------------------------------------------------

fn os_setlocale(vm: &mut Vm, args: Vals) -> NResult {
    let locale = match arg(&args, 0) {
        Value::Nil => None,
        _ => Some(args::check_bytes(vm, &args, 0)?),
    };
    check_option(
        vm,
        &args,
        1,
        Some("all"),
        &["all", "collate", "ctype", "monetary", "numeric", "time"],
    )?;
    match locale.as_deref() {
        None | Some(b"C") | Some(b"POSIX") | Some(b"") => rets![vm.new_str("C")],
        Some(_) => rets![Value::Nil],
    }
}

fn os_exit(vm: &mut Vm, args: Vals) -> NResult {
    let status = match arg(&args, 0) {
        Value::Bool(b) => {
            if b {
                0
            } else {
                1
            }
        }
        _ => opt_int(vm, &args, 0, 0)? as i32,
    };
    if arg(&args, 1).truthy() {
        vm.close();
    }
    flush_all();
    std::process::exit(status)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversions_follow_the_c99_list() {
        assert_eq!(check_conversion(b"Y-%m").ok(), Some(1));
        assert_eq!(check_conversion(b"%").ok(), Some(1));
        assert_eq!(check_conversion(b"Ec").ok(), Some(2));
        assert_eq!(check_conversion(b"OS rest").ok(), Some(2));
        for bad in [&b"Ez"[..], b"E", b"q", b"", b"|"] {
            assert!(check_conversion(bad).is_err(), "{:?}", bad);
        }
        match check_conversion(b"Ez abc") {
            Err(LuaError::Arg { arg, msg }) => {
                assert_eq!(arg, 1);
                assert_eq!(msg, "invalid conversion specifier '%Ez abc'");
            }
            _ => panic!("expected an argument error"),
        }
    }
}
