//! The string library (lstrlib.c): the natives and the string metatable.
//! The engines live beside this file: `pattern.rs` (Lua patterns),
//! `format.rs` (string.format), `pack.rs` (string.pack/unpack).

pub mod format;
pub mod pack;
pub mod pattern;
#[cfg(test)]
mod test_escapes;

use crate::args::{self, arg, check_int, check_str, opt_int, type_error};
use pattern::{Capture, MatchResult, posrelat};
use std::borrow::Cow;
use wlua_vm::func::Ret;
use wlua_vm::gc::Gc;
use wlua_vm::lazy::{TValue, Template};
use wlua_vm::string::LuaStr;
use wlua_vm::{LuaError, NResult, Vals, Value, Vm, rets};

/// The metatable all strings share: its `__index` is the string table.
pub static META: Template = Template {
    name: "string metatable",
    entries: &[("__index", TValue::Lib(&LIB))],
    init: None,
};

/// The `string` table, built on demand in each process (wlua_vm::lazy).
pub static LIB: Template = Template {
    name: "string",
    entries: &[
        ("len", TValue::Fn(len)),
        ("sub", TValue::Fn(sub)),
        ("upper", TValue::Fn(upper)),
        ("lower", TValue::Fn(lower)),
        ("rep", TValue::Fn(rep)),
        ("reverse", TValue::Fn(reverse)),
        ("byte", TValue::Fn(byte)),
        ("char", TValue::Fn(char)),
        ("find", TValue::Fn(find)),
        ("match", TValue::Fn(match_)),
        ("gmatch", TValue::Fn(gmatch)),
        ("gsub", TValue::Fn(gsub)),
        ("format", TValue::Fn(format_)),
        ("pack", TValue::Fn(pack_)),
        ("packsize", TValue::Fn(packsize)),
        ("unpack", TValue::Fn(unpack)),
        ("dump", TValue::Fn(dump)),
    ],
    init: None,
};

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
    let b: Vec<u8> = s
        .get()
        .as_bytes()
        .iter()
        .map(|c| c.to_ascii_uppercase())
        .collect();
    rets![vm.new_str_owned(b)]
}

fn lower(vm: &mut Vm, args: Vals) -> NResult {
    let s = check_str(vm, &args, 0)?;
    let b: Vec<u8> = s
        .get()
        .as_bytes()
        .iter()
        .map(|c| c.to_ascii_lowercase())
        .collect();
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
        (i..=j)
            .map(|k| Value::Int(b[k as usize - 1] as i64))
            .collect(),
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

fn capture_value(vm: &mut Vm, s: &[u8], c: Capture) -> Value {
    match c {
        Capture::Pos(p) => Value::Int(p as i64),
        Capture::Span(a, b) => vm.new_str(&s[a..b]),
        Capture::Unfinished => Value::Nil,
    }
}

fn push_captures(vm: &mut Vm, out: &mut Vals, s: &[u8], caps: Vec<Capture>) {
    for c in caps {
        let v = capture_value(vm, s, c);
        out.push(v);
    }
}

/// str_find_aux: `string.find` (find = true) and `string.match`.
fn find_aux(vm: &mut Vm, args: Vals, find: bool) -> NResult {
    let s = check_str(vm, &args, 0)?;
    let p = check_str(vm, &args, 1)?;
    let init = match arg(&args, 2) {
        Value::Nil => None,
        _ => Some(check_int(vm, &args, 2)?),
    };
    let (sb, pb) = (s.get().as_bytes(), p.get().as_bytes());
    let r = if find {
        pattern::str_find(sb, pb, init, arg(&args, 3).truthy())
    } else {
        pattern::str_match(sb, pb, init)
    };
    let m: Option<MatchResult> = r.map_err(LuaError::Msg)?;
    let Some(m) = m else { return rets![Value::Nil] };
    let mut out = Vals::new();
    if find {
        out.push(Value::Int(m.start as i64 + 1));
        out.push(Value::Int(m.end as i64));
        let caps = m.find_values().map_err(LuaError::Msg)?;
        push_captures(vm, &mut out, sb, caps);
    } else {
        let caps = m.values().map_err(LuaError::Msg)?;
        push_captures(vm, &mut out, sb, caps);
    }
    Ok(Ret::Vals(out))
}

fn find(vm: &mut Vm, args: Vals) -> NResult {
    find_aux(vm, args, true)
}

fn match_(vm: &mut Vm, args: Vals) -> NResult {
    find_aux(vm, args, false)
}

/// The iterator behind `gmatch`: upvalues are the subject, the pattern,
/// the next start offset and the end of the last match (-1: none).
fn gmatch_aux(vm: &mut Vm, _args: Vals) -> NResult {
    let (Value::Str(s), Value::Str(p)) = (vm.native_upvalue(0), vm.native_upvalue(1)) else {
        return rets![Value::Nil];
    };
    let src = match vm.native_upvalue(2) {
        Value::Int(i) => i as usize,
        _ => 0,
    };
    let last = match vm.native_upvalue(3) {
        Value::Int(i) if i >= 0 => Some(i as usize),
        _ => None,
    };
    let mut g = pattern::GMatch::resume(src, last);
    let sb = s.get().as_bytes();
    let m = g.next(sb, p.get().as_bytes()).map_err(LuaError::Msg)?;
    let (src, last) = g.state();
    vm.set_native_upvalue(2, Value::Int(src as i64));
    vm.set_native_upvalue(3, Value::Int(last.map_or(-1, |l| l as i64)));
    match m {
        // No more matches: gmatch_aux returns no values at all.
        None => rets![],
        Some(m) => {
            let caps = m.values().map_err(LuaError::Msg)?;
            let mut out = Vals::new();
            push_captures(vm, &mut out, sb, caps);
            Ok(Ret::Vals(out))
        }
    }
}

fn gmatch(vm: &mut Vm, args: Vals) -> NResult {
    let s = check_str(vm, &args, 0)?;
    let p = check_str(vm, &args, 1)?;
    let f = vm.new_native(
        gmatch_aux,
        vec![Value::Str(s), Value::Str(p), Value::Int(0), Value::Int(-1)],
    );
    rets![f]
}

fn gsub(vm: &mut Vm, args: Vals) -> NResult {
    let s = check_str(vm, &args, 0)?;
    let p = check_str(vm, &args, 1)?;
    let repl = arg(&args, 2);
    match repl {
        Value::Int(_) | Value::Float(_) | Value::Str(_) | Value::Table(_) => {}
        f if f.is_function() => {}
        _ => return Err(LuaError::arg(3, "string/function/table expected")),
    }
    let repl_str: Option<Gc<LuaStr>> = match repl {
        Value::Int(_) | Value::Float(_) | Value::Str(_) => Some(check_str(vm, &args, 2)?),
        _ => None,
    };
    let max_n = match arg(&args, 3) {
        Value::Nil => None,
        _ => Some(check_int(vm, &args, 3)?),
    };
    let (sb, pb) = (s.get().as_bytes(), p.get().as_bytes());
    let mut g = pattern::Gsub::new(sb, pb, max_n);
    while let Some(m) = g.next_match(sb, pb).map_err(LuaError::Msg)? {
        if let Some(t) = repl_str {
            g.replace_template(t.get().as_bytes(), sb, &m)
                .map_err(LuaError::Msg)?;
            continue;
        }
        let first = m.capture(0).map_err(LuaError::Msg)?;
        let v = match repl {
            Value::Table(_) => {
                let k = capture_value(vm, sb, first);
                vm.index(repl, k)?
            }
            f => {
                let caps = m.values().map_err(LuaError::Msg)?;
                let mut cv = Vals::new();
                push_captures(vm, &mut cv, sb, caps);
                vm.call(f, &cv)?.first().copied().unwrap_or(Value::Nil)
            }
        };
        match v {
            Value::Nil | Value::Bool(false) => g.replace(sb, &m, None),
            Value::Str(r) => g.replace(sb, &m, Some(r.get().as_bytes())),
            Value::Int(_) | Value::Float(_) => {
                let b = vm.tostring_bytes(v)?;
                g.replace(sb, &m, Some(&b));
            }
            other => {
                return Err(LuaError::msg(format!(
                    "invalid replacement value (a {})",
                    other.type_name()
                )));
            }
        }
    }
    let (out, n) = g.finish(sb);
    let r = vm.new_str_owned(out);
    rets![r, Value::Int(n)]
}

/// Lua values seen through the engines' argument traits.
struct LuaArgs<'v> {
    vm: &'v mut Vm,
    args: &'v Vals,
    buf: Vec<u8>,
}

impl LuaArgs<'_> {
    fn get(&self, arg: usize) -> Value {
        self.args.get(arg - 1).copied().unwrap_or(Value::Nil)
    }

    fn int_err(&self, arg: usize) -> (usize, String) {
        let v = self.get(arg);
        if v.to_number().is_some() {
            (arg, "number has no integer representation".to_string())
        } else {
            (
                arg,
                format!(
                    "number expected, got {}",
                    args::arg_type_name(self.vm, self.args, arg - 1)
                ),
            )
        }
    }

    fn num_err(&self, arg: usize) -> (usize, String) {
        (
            arg,
            format!(
                "number expected, got {}",
                args::arg_type_name(self.vm, self.args, arg - 1)
            ),
        )
    }
}

impl format::FormatArgs for LuaArgs<'_> {
    fn top(&self) -> usize {
        self.args.len()
    }
    fn integer(&mut self, arg: usize) -> Result<i64, format::FormatError> {
        self.get(arg).to_integer().ok_or_else(|| {
            let (a, m) = self.int_err(arg);
            format::FormatError::Arg(a, m)
        })
    }
    fn number(&mut self, arg: usize) -> Result<f64, format::FormatError> {
        self.get(arg)
            .to_number()
            .and_then(|v| v.as_f64())
            .ok_or_else(|| {
                let (a, m) = self.num_err(arg);
                format::FormatError::Arg(a, m)
            })
    }
    fn string(&mut self, arg: usize) -> Result<Cow<'_, [u8]>, format::FormatError> {
        let v = self.get(arg);
        match self.vm.tostring_bytes(v) {
            Ok(b) => {
                self.buf = b;
                Ok(Cow::Borrowed(&self.buf))
            }
            Err(LuaError::Msg(m)) => Err(format::FormatError::Plain(m)),
            Err(e) => {
                let v = self.vm.error_value(e);
                let m = self.vm.tostring_bytes(v).unwrap_or_default();
                Err(format::FormatError::Plain(
                    String::from_utf8_lossy(&m).into_owned(),
                ))
            }
        }
    }
    fn literal(&mut self, arg: usize) -> Result<format::Literal<'_>, format::FormatError> {
        Ok(match self.get(arg) {
            Value::Str(s) => format::Literal::Str(Cow::Owned(s.get().as_bytes().to_vec())),
            Value::Int(i) => format::Literal::Int(i),
            Value::Float(f) => format::Literal::Float(f),
            Value::Nil => format::Literal::Nil,
            Value::Bool(b) => format::Literal::Bool(b),
            _ => format::Literal::Other,
        })
    }
}

impl pack::PackArgs for LuaArgs<'_> {
    fn integer(&mut self, arg: usize) -> Result<i64, pack::PackError> {
        self.get(arg).to_integer().ok_or_else(|| {
            let (a, m) = self.int_err(arg);
            pack::PackError::Arg(a, m)
        })
    }
    fn number(&mut self, arg: usize) -> Result<f64, pack::PackError> {
        self.get(arg)
            .to_number()
            .and_then(|v| v.as_f64())
            .ok_or_else(|| {
                let (a, m) = self.num_err(arg);
                pack::PackError::Arg(a, m)
            })
    }
    fn string(&mut self, arg: usize) -> Result<Cow<'_, [u8]>, pack::PackError> {
        match self.get(arg) {
            Value::Str(s) => Ok(Cow::Owned(s.get().as_bytes().to_vec())),
            v @ (Value::Int(_) | Value::Float(_)) => {
                Ok(Cow::Owned(self.vm.tostring_bytes(v).unwrap_or_default()))
            }
            _ => Err(pack::PackError::Arg(
                arg,
                format!(
                    "string expected, got {}",
                    args::arg_type_name(self.vm, self.args, arg - 1)
                ),
            )),
        }
    }
}

fn format_(vm: &mut Vm, args: Vals) -> NResult {
    let fmt = check_str(vm, &args, 0)?;
    let mut la = LuaArgs {
        vm,
        args: &args,
        buf: Vec::new(),
    };
    match format::format(fmt.get().as_bytes(), &mut la) {
        Ok(out) => rets![vm.new_str_owned(out)],
        Err(format::FormatError::Arg(n, m)) => Err(LuaError::arg(n, m)),
        Err(format::FormatError::Plain(m)) => Err(LuaError::Msg(m)),
    }
}

fn pack_err(e: pack::PackError) -> LuaError {
    match e {
        pack::PackError::Arg(n, m) => LuaError::arg(n, m),
        pack::PackError::Plain(m) => LuaError::Msg(m),
    }
}

fn pack_(vm: &mut Vm, mut args: Vals) -> NResult {
    let fmt = check_str(vm, &args, 0)?;
    // str_pack pushes a nil to separate the arguments from its buffer, so the
    // first missing value is reported as `got nil`, not `got no value`.
    args.push(Value::Nil);
    let mut la = LuaArgs {
        vm,
        args: &args,
        buf: Vec::new(),
    };
    let out = pack::pack(fmt.get().as_bytes(), &mut la).map_err(pack_err)?;
    rets![vm.new_str_owned(out)]
}

fn packsize(vm: &mut Vm, args: Vals) -> NResult {
    let fmt = check_str(vm, &args, 0)?;
    let n = pack::packsize(fmt.get().as_bytes()).map_err(pack_err)?;
    rets![Value::Int(n)]
}

fn unpack(vm: &mut Vm, args: Vals) -> NResult {
    let fmt = check_str(vm, &args, 0)?;
    let data = check_str(vm, &args, 1)?;
    let init = match arg(&args, 2) {
        Value::Nil => None,
        _ => Some(check_int(vm, &args, 2)?),
    };
    let (vals, next) =
        pack::unpack(fmt.get().as_bytes(), data.get().as_bytes(), init).map_err(pack_err)?;
    let mut out = Vals::new();
    for v in vals {
        out.push(match v {
            pack::Unpacked::Int(i) => Value::Int(i),
            pack::Unpacked::Float(f) => Value::Float(f),
            pack::Unpacked::Str(b) => vm.new_str(b),
        });
    }
    out.push(Value::Int(next));
    Ok(Ret::Vals(out))
}

/// `string.dump(f [, strip])`: wlua's own binary chunk (see dump.rs), which
/// `load` of the same build reads back. Natives cannot be dumped.
fn dump(vm: &mut Vm, args: Vals) -> NResult {
    let f = arg(&args, 0);
    let Value::LuaFn(cl) = f else {
        if !f.is_function() {
            return Err(type_error(vm, &args, 0, "function"));
        }
        return Err(LuaError::msg("unable to dump given function"));
    };
    let strip = arg(&args, 1).truthy();
    let bytes = crate::dump::dump(&cl.get().proto.get().proto, strip);
    rets![vm.new_str_owned(bytes)]
}
