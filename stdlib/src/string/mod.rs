//! The string library (lstrlib.c): the natives and the string metatable.
//! The engines live beside this file: `pattern.rs` (Lua patterns),
//! `format.rs` (string.format), `pack.rs` (string.pack/unpack).

use crate::args::{self, arg, check_int, check_str, opt_int};
use wlua_vm::{LuaError, NResult, Vals, Value, Vm, rets};

pub fn open(vm: &mut Vm) {
    let t = args::new_lib(
        vm,
        "string",
        &[
            ("len", len),
            ("sub", sub),
            ("upper", upper),
            ("lower", lower),
            ("rep", rep),
            ("reverse", reverse),
            ("byte", byte),
            ("char", char),
        ],
    );
    // Strings share one metatable whose __index is the string table.
    let mt = vm.new_table();
    vm.raw_set_str(mt, "__index", Value::Table(t));
    let empty = vm.new_str("");
    vm.set_metatable(&empty, Some(mt));
}

/// posrelat (5.3 lstrlib.c): a relative string position; negative counts
/// from the end.
pub fn posrelat(pos: i64, len: usize) -> i64 {
    if pos >= 0 {
        pos
    } else if pos.unsigned_abs() > len as u64 {
        0
    } else {
        len as i64 + pos + 1
    }
}

fn len(vm: &mut Vm, args: Vals) -> NResult {
    let s = check_str(vm, &args, 0)?;
    rets![Value::Int(s.get().len() as i64)]
}

fn sub(vm: &mut Vm, args: Vals) -> NResult {
    let s = check_str(vm, &args, 0)?;
    let l = s.get().len();
    let mut start = posrelat(check_int(vm, &args, 1)?, l);
    let mut end = posrelat(opt_int(vm, &args, 2, -1)?, l);
    if start < 1 {
        start = 1;
    }
    if end > l as i64 {
        end = l as i64;
    }
    if start > end {
        return rets![vm.new_str("")];
    }
    let b = &s.get().as_bytes()[start as usize - 1..end as usize];
    let b = b.to_vec();
    rets![vm.new_str_owned(b)]
}

fn upper(vm: &mut Vm, args: Vals) -> NResult {
    let s = check_str(vm, &args, 0)?;
    let b: Vec<u8> = s.get().as_bytes().iter().map(|c| c.to_ascii_uppercase()).collect();
    rets![vm.new_str_owned(b)]
}

fn lower(vm: &mut Vm, args: Vals) -> NResult {
    let s = check_str(vm, &args, 0)?;
    let b: Vec<u8> = s.get().as_bytes().iter().map(|c| c.to_ascii_lowercase()).collect();
    rets![vm.new_str_owned(b)]
}

/// Results larger than this are refused (MAXSIZE-style) instead of
/// exhausting memory.
const MAX_STRING: u64 = 1 << 31;

fn rep(vm: &mut Vm, args: Vals) -> NResult {
    let s = check_str(vm, &args, 0)?;
    let n = check_int(vm, &args, 1)?;
    let sep = match arg(&args, 2) {
        Value::Nil => None,
        _ => Some(check_str(vm, &args, 2)?),
    };
    if n <= 0 {
        return rets![vm.new_str("")];
    }
    let sb = s.get().as_bytes();
    let sepb: &[u8] = sep.as_ref().map_or(&[], |x| x.get().as_bytes());
    let total = (sb.len() as u64 + sepb.len() as u64)
        .checked_mul(n as u64)
        .filter(|t| *t < MAX_STRING);
    let Some(total) = total else {
        return Err(LuaError::msg("resulting string too large"));
    };
    let mut out = Vec::with_capacity(total as usize);
    for i in 0..n {
        out.extend_from_slice(sb);
        if i + 1 < n {
            out.extend_from_slice(sepb);
        }
    }
    rets![vm.new_str_owned(out)]
}

fn reverse(vm: &mut Vm, args: Vals) -> NResult {
    let s = check_str(vm, &args, 0)?;
    let mut b = s.get().as_bytes().to_vec();
    b.reverse();
    rets![vm.new_str_owned(b)]
}

fn byte(vm: &mut Vm, args: Vals) -> NResult {
    let s = check_str(vm, &args, 0)?;
    let l = s.get().len();
    let i = posrelat(opt_int(vm, &args, 1, 1)?, l);
    let j = posrelat(opt_int(vm, &args, 2, i)?, l);
    let i = i.max(1);
    let j = j.min(l as i64);
    if i > j {
        return rets!();
    }
    if j - i >= i32::MAX as i64 {
        return Err(LuaError::msg("string slice too long"));
    }
    let b = s.get().as_bytes();
    Ok(wlua_vm::Ret::Vals(
        (i..=j).map(|k| Value::Int(b[k as usize - 1] as i64)).collect(),
    ))
}

fn char(vm: &mut Vm, args: Vals) -> NResult {
    let mut out = Vec::with_capacity(args.len());
    for i in 0..args.len() {
        let c = check_int(vm, &args, i)?;
        if !(0..=255).contains(&c) {
            return Err(LuaError::arg(i + 1, "value out of range"));
        }
        out.push(c as u8);
    }
    rets![vm.new_str_owned(out)]
}
