//! The base library (lbaselib.c): print, type, tostring, tonumber, pairs,
//! ipairs, next, select, raw*, metatables, assert, error, pcall, xpcall,
//! load, loadfile, dofile, collectgarbage.

use crate::args::{self, arg, check_any, check_int, check_table, type_error};
use crate::load;
use crate::types::{self, Prim};
use wlua_vm::func::Ret;
use wlua_vm::lazy::{TValue, Template};
use wlua_vm::{LuaError, NResult, Vals, Value, Vm, rets};

/// The global environment, built on demand in each process
/// (wlua_vm::lazy): the base functions and every library.
pub static GLOBALS: Template = Template {
    name: "_G",
    entries: &[
        ("print", TValue::Fn(print)),
        ("type", TValue::Fn(type_)),
        ("tostring", TValue::Fn(tostring)),
        ("tonumber", TValue::Fn(tonumber)),
        ("ipairs", TValue::Fn(ipairs)),
        ("pairs", TValue::Fn(pairs)),
        ("next", TValue::Fn(next)),
        ("select", TValue::Fn(select)),
        ("rawget", TValue::Fn(rawget)),
        ("rawset", TValue::Fn(rawset)),
        ("rawequal", TValue::Fn(rawequal)),
        ("rawlen", TValue::Fn(rawlen)),
        ("setmetatable", TValue::Fn(setmetatable)),
        ("getmetatable", TValue::Fn(getmetatable)),
        ("assert", TValue::Fn(assert)),
        ("error", TValue::Fn(error)),
        ("pcall", TValue::Fn(pcall)),
        ("xpcall", TValue::Fn(xpcall)),
        ("load", TValue::Fn(load_)),
        ("loadfile", TValue::Fn(loadfile)),
        ("dofile", TValue::Fn(dofile)),
        ("collectgarbage", TValue::Fn(collectgarbage)),
        ("_G", TValue::Build(globals)),
        ("_VERSION", TValue::Str("Lua 5.3")),
        ("require", TValue::Build(crate::package::build_require)),
        ("coroutine", TValue::Lib(&crate::coroutine::LIB)),
        ("string", TValue::Lib(&crate::string::LIB)),
        ("table", TValue::Lib(&crate::table::LIB)),
        ("math", TValue::Lib(&crate::math::LIB)),
        ("utf8", TValue::Lib(&crate::utf8::LIB)),
        ("os", TValue::Lib(&crate::os::LIB)),
        ("io", TValue::Lib(&crate::io::LIB)),
        ("debug", TValue::Lib(&crate::debug::LIB)),
        ("package", TValue::Lib(&crate::package::LIB)),
        ("errors", TValue::Lib(&crate::errors::LIB)),
        ("types", TValue::Lib(&crate::types::LIB)),
        ("channel", TValue::Lib(&crate::channel::LIB)),
        ("process", TValue::Lib(&crate::process::LIB)),
        // Types as values (docs/types-runtime.md): the same values as
        // `types.nil`, `types.boolean`, ...
        ("typeof", TValue::Fn(crate::types::typeof_fn)),
        ("Nil", TValue::Build(|vm| types::prim(vm, Prim::Nil))),
        (
            "Boolean",
            TValue::Build(|vm| types::prim(vm, Prim::Boolean)),
        ),
        ("Number", TValue::Build(|vm| types::prim(vm, Prim::Number))),
        (
            "Integer",
            TValue::Build(|vm| types::prim(vm, Prim::Integer)),
        ),
        ("String", TValue::Build(|vm| types::prim(vm, Prim::String))),
        ("Any", TValue::Build(|vm| types::prim(vm, Prim::Any))),
        (
            "Unknown",
            TValue::Build(|vm| types::prim(vm, Prim::Unknown)),
        ),
        ("Never", TValue::Build(|vm| types::prim(vm, Prim::Never))),
        ("Error", TValue::Build(|vm| types::prim(vm, Prim::Error))),
        ("Table", TValue::Build(|vm| types::prim(vm, Prim::Table))),
        (
            "Function",
            TValue::Build(|vm| types::prim(vm, Prim::Function)),
        ),
        ("Thread", TValue::Build(|vm| types::prim(vm, Prim::Thread))),
        (
            "Userdata",
            TValue::Build(|vm| types::prim(vm, Prim::Userdata)),
        ),
    ],
    init: None,
};

fn globals(vm: &mut Vm) -> Value {
    Value::Table(vm.globals)
}

fn print(vm: &mut Vm, args: Vals) -> NResult {
    let tostring = vm.get_global("tostring");
    let mut out = Vec::new();
    for (i, v) in args.iter().enumerate() {
        let s = if matches!(tostring, Value::LightFn(_)) && is_builtin_tostring(&tostring) {
            vm.tostring(*v)?
        } else {
            vm.call(tostring, &[*v])?
                .first()
                .copied()
                .unwrap_or(Value::Nil)
        };
        let Value::Str(s) = s else {
            return Err(LuaError::msg("'tostring' must return a string to 'print'"));
        };
        if i > 0 {
            out.push(b'\t');
        }
        out.extend_from_slice(s.get().as_bytes());
    }
    out.push(b'\n');
    // lua_writeline flushes stdout after every print.
    crate::io::stdout_write(&out);
    crate::io::stdout_flush();
    rets!()
}

fn is_builtin_tostring(f: &Value) -> bool {
    matches!(f, Value::LightFn(p) if std::ptr::fn_addr_eq(*p, tostring as wlua_vm::NativeFn))
}

fn type_(vm: &mut Vm, args: Vals) -> NResult {
    let v = check_any(&args, 0)?;
    let s = vm.new_str(v.type_name());
    rets![s]
}

fn tostring(vm: &mut Vm, args: Vals) -> NResult {
    let v = check_any(&args, 0)?;
    rets![vm.tostring(v)?]
}

/// l_str2int: an integer numeral in `base`, with surrounding spaces.
fn str2int(s: &[u8], base: i64) -> Option<i64> {
    let is_space = |c: u8| matches!(c, b' ' | b'\x0c' | b'\n' | b'\r' | b'\t' | b'\x0b');
    let mut i = 0;
    while i < s.len() && is_space(s[i]) {
        i += 1;
    }
    let mut neg = false;
    if i < s.len() && s[i] == b'-' {
        neg = true;
        i += 1;
    } else if i < s.len() && s[i] == b'+' {
        i += 1;
    }
    if i >= s.len() || !s[i].is_ascii_alphanumeric() {
        return None;
    }
    let mut n: u64 = 0;
    while i < s.len() && s[i].is_ascii_alphanumeric() {
        let c = s[i];
        let d = if c.is_ascii_digit() {
            (c - b'0') as i64
        } else {
            (c.to_ascii_uppercase() - b'A') as i64 + 10
        };
        if d >= base {
            return None;
        }
        n = n.wrapping_mul(base as u64).wrapping_add(d as u64);
        i += 1;
    }
    while i < s.len() && is_space(s[i]) {
        i += 1;
    }
    if i != s.len() {
        return None;
    }
    Some(if neg {
        0u64.wrapping_sub(n) as i64
    } else {
        n as i64
    })
}

fn tonumber(vm: &mut Vm, args: Vals) -> NResult {
    if arg(&args, 1).is_nil() {
        let v = arg(&args, 0);
        match v {
            Value::Int(_) | Value::Float(_) => return rets![v],
            Value::Str(s) => {
                if let Some(n) = wlua_vm::value::str_to_number(s.get().as_bytes()) {
                    return rets![n];
                }
            }
            _ => {
                check_any(&args, 0)?;
            }
        }
        return rets![Value::Nil];
    }
    let base = check_int(vm, &args, 1)?;
    let Value::Str(s) = arg(&args, 0) else {
        return Err(type_error(vm, &args, 0, "string"));
    };
    if !(2..=36).contains(&base) {
        return Err(LuaError::arg(2, "base out of range"));
    }
    match str2int(s.get().as_bytes(), base) {
        Some(n) => rets![Value::Int(n)],
        None => rets![Value::Nil],
    }
}

fn ipairs_aux(vm: &mut Vm, args: Vals) -> NResult {
    let i = check_int(vm, &args, 1)?.wrapping_add(1);
    let t = arg(&args, 0);
    let v = match t {
        Value::Table(tab) if tab.get().meta.is_none() => tab.get().get_int(i),
        _ => vm.index(t, Value::Int(i))?,
    };
    if v.is_nil() {
        rets![Value::Nil]
    } else {
        rets![Value::Int(i), v]
    }
}

fn ipairs(_vm: &mut Vm, args: Vals) -> NResult {
    let t = check_any(&args, 0)?;
    rets![Value::LightFn(ipairs_aux), t, Value::Int(0)]
}

fn pairs(vm: &mut Vm, args: Vals) -> NResult {
    let t = check_any(&args, 0)?;
    if let Some(h) = vm.meta_field(&t, "__pairs") {
        let r = vm.call(h, &[t])?;
        let g = |i: usize| r.get(i).copied().unwrap_or(Value::Nil);
        return rets![g(0), g(1), g(2)];
    }
    rets![Value::LightFn(next), t, Value::Nil]
}

fn next(vm: &mut Vm, args: Vals) -> NResult {
    let t = check_table(vm, &args, 0)?;
    match t.get().next(arg(&args, 1)) {
        Ok(Some((k, v))) => rets![k, v],
        Ok(None) => rets![Value::Nil],
        Err(()) => Err(LuaError::Value(vm.new_str("invalid key to 'next'"))),
    }
}

fn select(vm: &mut Vm, args: Vals) -> NResult {
    let n = args.len() as i64;
    if let Value::Str(s) = arg(&args, 0) {
        if s.get().as_bytes() == b"#" {
            return rets![Value::Int(n - 1)];
        }
    }
    let i = check_int(vm, &args, 0)?;
    let i = if i < 0 {
        n + i
    } else if i > n {
        n
    } else {
        i
    };
    if i < 1 {
        return Err(LuaError::arg(1, "index out of range"));
    }
    Ok(Ret::Vals(Vals::from_slice(&args[i as usize..])))
}

fn rawget(vm: &mut Vm, args: Vals) -> NResult {
    let t = check_table(vm, &args, 0)?;
    let k = check_any(&args, 1)?;
    rets![t.get().get(k)]
}

fn rawset(vm: &mut Vm, args: Vals) -> NResult {
    let t = check_table(vm, &args, 0)?;
    let k = check_any(&args, 1)?;
    let v = check_any(&args, 2)?;
    vm.raw_set(t, k, v).map_err(|e| match e {
        LuaError::Msg(m) => LuaError::Value(vm.new_str(m)),
        e => e,
    })?;
    rets![Value::Table(t)]
}

fn rawequal(_vm: &mut Vm, args: Vals) -> NResult {
    let a = check_any(&args, 0)?;
    let b = check_any(&args, 1)?;
    rets![Value::Bool(a.raw_eq(&b))]
}

fn rawlen(_vm: &mut Vm, args: Vals) -> NResult {
    match arg(&args, 0) {
        Value::Table(t) => rets![Value::Int(t.get().len())],
        Value::Str(s) => rets![Value::Int(s.get().len() as i64)],
        _ => Err(LuaError::arg(1, "table or string expected")),
    }
}

fn setmetatable(vm: &mut Vm, args: Vals) -> NResult {
    let t = check_table(vm, &args, 0)?;
    let mt = match arg(&args, 1) {
        Value::Nil if args.len() >= 2 => None,
        Value::Table(m) => Some(m),
        _ => return Err(LuaError::arg(2, "nil or table expected")),
    };
    if vm.meta_field(&Value::Table(t), "__metatable").is_some() {
        return Err(LuaError::msg("cannot change a protected metatable"));
    }
    vm.set_metatable(&Value::Table(t), mt);
    rets![Value::Table(t)]
}

fn getmetatable(vm: &mut Vm, args: Vals) -> NResult {
    let v = check_any(&args, 0)?;
    match vm.get_metatable(&v) {
        None => rets![Value::Nil],
        Some(mt) => match vm.meta_field(&v, "__metatable") {
            Some(p) => rets![p],
            None => rets![Value::Table(mt)],
        },
    }
}

fn assert(vm: &mut Vm, args: Vals) -> NResult {
    if arg(&args, 0).truthy() {
        return Ok(Ret::Vals(args));
    }
    check_any(&args, 0)?;
    let msg = match args.get(1) {
        Some(m) => *m,
        None => vm.new_str("assertion failed!"),
    };
    raise(vm, msg, 1)
}

/// `error(msg, level)`: strings get the position of `level`.
fn raise(vm: &mut Vm, msg: Value, level: i64) -> NResult {
    if let Value::Str(s) = msg {
        if level > 0 {
            let mut b = vm.where_(level as usize).into_bytes();
            b.extend_from_slice(s.get().as_bytes());
            return Err(LuaError::Value(vm.new_str_owned(b)));
        }
    }
    Err(LuaError::Value(msg))
}

fn error(vm: &mut Vm, args: Vals) -> NResult {
    let level = args::opt_int(vm, &args, 1, 1)?;
    raise(vm, arg(&args, 0), level)
}

fn pcall(_vm: &mut Vm, args: Vals) -> NResult {
    check_any(&args, 0)?;
    Ok(Ret::Protected {
        handler: None,
        args,
    })
}

fn xpcall(vm: &mut Vm, args: Vals) -> NResult {
    let h = arg(&args, 1);
    if !h.is_function() {
        return Err(type_error(vm, &args, 1, "function"));
    }
    let mut rest = Vals::new();
    rest.push(arg(&args, 0));
    rest.extend_from_slice(args.get(2..).unwrap_or(&[]));
    Ok(Ret::Protected {
        handler: Some(h),
        args: rest,
    })
}

fn load_(vm: &mut Vm, args: Vals) -> NResult {
    let chunk = arg(&args, 0);
    let mode = match args::opt_str(vm, &args, 2)? {
        Some(m) => m.get().to_str_lossy().into_owned(),
        None => "bt".to_string(),
    };
    let env = if args.len() >= 4 { Some(args[3]) } else { None };
    let chunk = match chunk {
        // lua_tolstring: numbers load as their text.
        Value::Int(_) | Value::Float(_) => vm.tostring(chunk)?,
        other => other,
    };
    let (src, name) = match chunk {
        Value::Str(s) => {
            let name = match args::opt_str(vm, &args, 1)? {
                Some(n) => n.get().to_str_lossy().into_owned(),
                None => s.get().to_str_lossy().into_owned(),
            };
            (s.get().as_bytes().to_vec(), name)
        }
        f if f.is_function() => {
            let name = match args::opt_str(vm, &args, 1)? {
                Some(n) => n.get().to_str_lossy().into_owned(),
                None => "=(load)".to_string(),
            };
            let mut src = Vec::new();
            loop {
                // lua_load runs the reader protected: its errors, like a
                // bad piece, come back as `nil, message`.
                let r = match vm.call(f, &[]) {
                    Ok(r) => r,
                    Err(e) => {
                        let v = vm.error_value(e);
                        return rets![Value::Nil, v];
                    }
                };
                match r.first() {
                    None | Some(Value::Nil) => break,
                    Some(Value::Str(s)) => {
                        if s.get().is_empty() {
                            break;
                        }
                        src.extend_from_slice(s.get().as_bytes());
                    }
                    Some(_) => {
                        let m = format!("{}reader function must return a string", vm.where_(1));
                        let m = vm.new_str(m);
                        return rets![Value::Nil, m];
                    }
                }
            }
            (src, name)
        }
        _ => return Err(type_error(vm, &args, 0, "string")),
    };
    match load::load_chunk(vm, &src, &name, &mode, env) {
        Ok(f) => rets![f],
        Err(msg) => {
            let m = vm.new_str_owned(msg);
            rets![Value::Nil, m]
        }
    }
}

fn loadfile(vm: &mut Vm, args: Vals) -> NResult {
    let fname = args::opt_str(vm, &args, 0)?.map(|s| s.get().to_str_lossy().into_owned());
    let mode = match args::opt_str(vm, &args, 1)? {
        Some(m) => m.get().to_str_lossy().into_owned(),
        None => "bt".to_string(),
    };
    let env = if args.len() >= 3 { Some(args[2]) } else { None };
    match load::load_file(vm, fname.as_deref(), &mode, env) {
        Ok(f) => rets![f],
        Err(msg) => {
            let m = vm.new_str_owned(msg);
            rets![Value::Nil, m]
        }
    }
}

fn dofile(vm: &mut Vm, args: Vals) -> NResult {
    let fname = args::opt_str(vm, &args, 0)?.map(|s| s.get().to_str_lossy().into_owned());
    match load::load_file(vm, fname.as_deref(), "bt", None) {
        Ok(f) => Ok(Ret::TailCall {
            func: f,
            args: Vals::new(),
        }),
        Err(msg) => Err(LuaError::Value(vm.new_str_owned(msg))),
    }
}

fn collectgarbage(vm: &mut Vm, args: Vals) -> NResult {
    const OPTS: &[&str] = &[
        "stop",
        "restart",
        "collect",
        "count",
        "step",
        "setpause",
        "setstepmul",
        "isrunning",
    ];
    let o = args::check_option(vm, &args, 0, Some("collect"), OPTS)?;
    let ex = args::opt_int(vm, &args, 1, 0)?;
    match OPTS[o] {
        "stop" => {
            vm.heap.stopped = true;
            rets![Value::Int(0)]
        }
        "restart" => {
            vm.heap.stopped = false;
            rets![Value::Int(0)]
        }
        "collect" => {
            vm.full_gc()?;
            rets![Value::Int(0)]
        }
        "count" => {
            let b = vm.heap.total_bytes();
            rets![Value::Float(b as f64 / 1024.0)]
        }
        "step" => {
            // The collector is not incremental: a step adds `ex` KB of work
            // (a basic step, 1 KB, when `ex` is 0) to the debt and completes
            // a cycle, returning true, once the debt reaches the point where
            // a cycle would start. As in the reference, a step runs even
            // when the collector is stopped, but then only the steps' own
            // work counts: what was allocated meanwhile does not make a
            // small step finish a cycle ("steps should not unblock the
            // collector").
            let work = if ex > 0 { ex as usize } else { 1 }.saturating_mul(1024);
            let due = if vm.heap.stopped {
                vm.heap.step_work = vm.heap.step_work.saturating_add(work);
                vm.heap.step_work > vm.heap.threshold
            } else {
                wlua_vm::gc::note_alloc(work);
                wlua_vm::gc::debt() > vm.heap.threshold
            };
            if due {
                vm.full_gc()?;
                rets![Value::Bool(true)]
            } else {
                rets![Value::Bool(false)]
            }
        }
        "setpause" => {
            let old = vm.heap.pause as i64;
            vm.heap.pause = ex.max(0) as usize;
            rets![Value::Int(old)]
        }
        "setstepmul" => {
            let old = vm.heap.stepmul as i64;
            vm.heap.stepmul = ex.max(0) as usize;
            rets![Value::Int(old)]
        }
        _ => rets![Value::Bool(!vm.heap.stopped)],
    }
}

#[cfg(test)]
mod tests {
    use super::str2int;

    #[test]
    fn str2int_reads_any_base() {
        assert_eq!(str2int(b"  ff  ", 16), Some(255));
        assert_eq!(str2int(b"-z", 36), Some(-35));
        assert_eq!(str2int(b"8", 8), None);
        assert_eq!(str2int(b"", 10), None);
        assert_eq!(str2int(b"1 2", 10), None);
    }
}
