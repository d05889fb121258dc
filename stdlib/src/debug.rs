//! The debug library (ldblib.c): tracebacks, getinfo, locals, upvalues,
//! hooks, metatables and the registry.

use crate::args::{self, arg, check_int, type_error};
use wlua_vm::debuginfo::{Hook, chunkid};
use wlua_vm::gc::Gc;
use wlua_vm::lazy::{TValue, Template};
use wlua_vm::thread::{FrameKind, Thread};
use wlua_vm::{LuaError, NResult, Vals, Value, Vm, rets};

/// The `debug` table, built on demand in each process (wlua_vm::lazy).
pub static LIB: Template = Template {
    name: "debug",
    entries: &[
        ("debug", TValue::Fn(debug)),
        ("traceback", TValue::Fn(traceback)),
        ("getinfo", TValue::Fn(getinfo)),
        ("getlocal", TValue::Fn(getlocal)),
        ("setlocal", TValue::Fn(setlocal)),
        ("getupvalue", TValue::Fn(getupvalue)),
        ("setupvalue", TValue::Fn(setupvalue)),
        ("upvalueid", TValue::Fn(upvalueid)),
        ("upvaluejoin", TValue::Fn(upvaluejoin)),
        ("getmetatable", TValue::Fn(getmetatable)),
        ("setmetatable", TValue::Fn(setmetatable)),
        ("getregistry", TValue::Fn(getregistry)),
        ("sethook", TValue::Fn(sethook)),
        ("gethook", TValue::Fn(gethook)),
        ("getuservalue", TValue::Fn(getuservalue)),
        ("setuservalue", TValue::Fn(setuservalue)),
    ],
    init: None,
};

/// db_debug: runs lines read from stdin until `cont` or end of input;
/// errors go to stderr, as do the prompts.
fn debug(vm: &mut Vm, _args: Vals) -> NResult {
    use std::io::{BufRead, Write};
    loop {
        let mut err = std::io::stderr();
        let _ = err.write_all(b"lua_debug> ");
        let _ = err.flush();
        let mut line = Vec::new();
        match std::io::stdin().lock().read_until(b'\n', &mut line) {
            Ok(0) | Err(_) => return rets![],
            Ok(_) => {}
        }
        if line == b"cont\n" {
            return rets![];
        }
        let r = match crate::load::load_chunk(vm, &line, "=(debug command)", "bt", None) {
            Ok(f) => vm.call(f, &[]).map(|_| ()).map_err(|e| {
                // lua_tostring of a non-string gives NULL, which printf shows as "(null)".
                match vm.error_value(e) {
                    v @ (Value::Str(_) | Value::Int(_) | Value::Float(_)) => {
                        vm.tostring_bytes(v).unwrap_or_default()
                    }
                    _ => b"(null)".to_vec(),
                }
            }),
            Err(m) => Err(m),
        };
        if let Err(mut m) = r {
            m.push(b'\n');
            let _ = err.write_all(&m);
            let _ = err.flush();
        }
    }
}

/// The optional thread first argument: (thread, index of the next arg).
fn thread_arg(vm: &Vm, args: &Vals) -> (Gc<Thread>, usize) {
    match arg(args, 0) {
        Value::Thread(t) => (t, 1),
        _ => (vm.cur, 0),
    }
}

/// Frame index for `level` in `th` (level 0 is the top: this native when
/// `th` is the running thread).
fn frame_at(th: &Thread, level: i64) -> Option<usize> {
    let n = th.frames.len() as i64;
    if level < 0 || level >= n {
        None
    } else {
        Some((n - 1 - level) as usize)
    }
}

fn traceback(vm: &mut Vm, args: Vals) -> NResult {
    let (th, a) = thread_arg(vm, &args);
    let msg = arg(&args, a);
    if !msg.is_nil() && !matches!(msg, Value::Str(_) | Value::Int(_) | Value::Float(_)) {
        return rets![msg];
    }
    let default_level = if th == vm.cur { 1 } else { 0 };
    // A negative level has no frames (lua_getstack fails): an empty traceback.
    let level = args::opt_int(vm, &args, a + 1, default_level)?;
    let level = usize::try_from(level).unwrap_or(usize::MAX);
    let mut out = Vec::new();
    if !msg.is_nil() {
        out.extend(vm.tostring_bytes(msg)?);
        out.push(b'\n');
    }
    out.extend_from_slice(vm.traceback_of(th, level).as_bytes());
    rets![vm.new_str_owned(out)]
}

/// The levels of `th` as the reference counts them (see
/// `Vm::level_count`).
fn level_count(vm: &Vm, th: Gc<Thread>) -> usize {
    vm.level_count(th)
}

/// The function name of frame `fi` as getinfo "n" gives it.
fn frame_name(vm: &Vm, th: &Thread, fi: usize) -> Option<(&'static str, String)> {
    vm.frame_name(th, fi)
}

fn set_field(vm: &mut Vm, t: Gc<wlua_vm::Table>, k: &str, v: Value) {
    vm.raw_set_str(t, k, v);
}

fn set_str(vm: &mut Vm, t: Gc<wlua_vm::Table>, k: &str, v: &str) {
    let s = vm.new_str(v);
    vm.raw_set_str(t, k, s);
}

fn getinfo(vm: &mut Vm, args: Vals) -> NResult {
    let (th, a) = thread_arg(vm, &args);
    let what = match args::opt_str(vm, &args, a + 1)? {
        Some(s) => s.get().to_str_lossy().into_owned(),
        None => "flnStu".to_string(),
    };
    if what.starts_with('>') || what.chars().any(|c| !"SlnutfL".contains(c)) {
        return Err(LuaError::arg(a + 2, "invalid option"));
    }
    // The function and, for a level, its frame.
    let (func, frame) = match arg(&args, a) {
        f if f.is_function() => (f, None),
        _ => {
            let level = check_int(vm, &args, a)?;
            let t = th.get();
            match frame_at(t, level) {
                Some(i) => (frame_func(vm, t, i), Some(i)),
                None if level >= 0 && (level as usize) < level_count(vm, th) => {
                    return rets![Value::Table(host_level_info(vm, &what))];
                }
                None => return rets![Value::Nil],
            }
        }
    };
    let t = vm.new_table();
    let proto = match (func, frame) {
        (_, Some(i)) => vm.frame_proto(th.get(), &th.get().frames[i]),
        (Value::LuaFn(c), None) => Some(c.get().proto.get().proto.clone()),
        _ => None,
    };
    if what.contains('S') {
        match &proto {
            Some(p) => {
                set_str(vm, t, "source", &p.source);
                set_str(vm, t, "short_src", &chunkid(&p.source));
                set_field(vm, t, "linedefined", Value::Int(p.line_defined as i64));
                set_field(
                    vm,
                    t,
                    "lastlinedefined",
                    Value::Int(p.last_line_defined as i64),
                );
                set_str(
                    vm,
                    t,
                    "what",
                    if p.line_defined == 0 { "main" } else { "Lua" },
                );
            }
            None => {
                set_str(vm, t, "source", "=[C]");
                set_str(vm, t, "short_src", "[C]");
                set_field(vm, t, "linedefined", Value::Int(-1));
                set_field(vm, t, "lastlinedefined", Value::Int(-1));
                set_str(vm, t, "what", "C");
            }
        }
    }
    if what.contains('l') {
        let line = match frame {
            Some(i) => vm.frame_line(th.get(), &th.get().frames[i]),
            None => -1,
        };
        set_field(vm, t, "currentline", Value::Int(line));
    }
    if what.contains('u') {
        let (nups, nparams, vararg) = match (&proto, func) {
            (Some(p), _) => (p.upvalues.len(), p.num_params as usize, p.is_vararg),
            (None, Value::Native(n)) => (n.get().upvals.len(), 0, true),
            _ => (0, 0, true),
        };
        set_field(vm, t, "nups", Value::Int(nups as i64));
        set_field(vm, t, "nparams", Value::Int(nparams as i64));
        set_field(vm, t, "isvararg", Value::Bool(vararg));
    }
    if what.contains('n') {
        match frame.and_then(|i| frame_name(vm, th.get(), i)) {
            Some((kind, name)) => {
                set_str(vm, t, "name", &name);
                set_str(vm, t, "namewhat", kind);
            }
            None => set_str(vm, t, "namewhat", ""),
        }
    }
    if what.contains('t') {
        let tail = frame.is_some_and(|i| th.get().frames[i].tail);
        set_field(vm, t, "istailcall", Value::Bool(tail));
    }
    if what.contains('L') {
        if let Some(p) = &proto {
            let lines = vm.new_table();
            for l in p.lineinfo.iter() {
                lines.get_mut().set_int(*l as i64, Value::Bool(true));
            }
            set_field(vm, t, "activelines", Value::Table(lines));
        }
    }
    if what.contains('f') {
        set_field(vm, t, "func", func);
    }
    rets![Value::Table(t)]
}

/// The function running in frame `fi`. A pcall/xpcall frame keeps its
/// handler (or nil) where the function was: it is the global of that name.
fn frame_func(vm: &mut Vm, t: &Thread, fi: usize) -> Value {
    let f = &t.frames[fi];
    match f.kind {
        FrameKind::Protected { has_handler } => {
            vm.get_global(if has_handler { "xpcall" } else { "pcall" })
        }
        _ => t.stack.get(f.func).copied().unwrap_or(Value::Nil),
    }
}

/// getinfo of the host's C function below the main chunk (see `level_count`).
fn host_level_info(vm: &mut Vm, what: &str) -> Gc<wlua_vm::Table> {
    let t = vm.new_table();
    if what.contains('S') {
        set_str(vm, t, "source", "=[C]");
        set_str(vm, t, "short_src", "[C]");
        set_field(vm, t, "linedefined", Value::Int(-1));
        set_field(vm, t, "lastlinedefined", Value::Int(-1));
        set_str(vm, t, "what", "C");
    }
    if what.contains('l') {
        set_field(vm, t, "currentline", Value::Int(-1));
    }
    if what.contains('u') {
        set_field(vm, t, "nups", Value::Int(0));
        set_field(vm, t, "nparams", Value::Int(0));
        set_field(vm, t, "isvararg", Value::Bool(true));
    }
    if what.contains('n') {
        set_str(vm, t, "namewhat", "");
    }
    if what.contains('t') {
        set_field(vm, t, "istailcall", Value::Bool(false));
    }
    t
}

/// The name and stack slot of local `n` in frame `fi` (luaG_findlocal).
fn find_local(vm: &Vm, th: &Thread, fi: usize, n: i64) -> Option<(String, usize)> {
    let f = &th.frames[fi];
    let limit = match th.frames.get(fi + 1) {
        Some(next) => next.func,
        None => th.top.max(f.base),
    };
    if let Some(p) = vm.frame_proto(th, f) {
        if n < 0 {
            // Varargs live just below base.
            let k = (-n) as usize;
            if k <= f.nvarargs as usize {
                return Some((
                    "(*vararg)".to_string(),
                    f.base - f.nvarargs as usize + k - 1,
                ));
            }
            return None;
        }
        if let Some(name) = p.local_name(n as usize, f.pc.saturating_sub(1)) {
            return Some((name.to_string(), f.base + n as usize - 1));
        }
        let slot = f.base + n as usize - 1;
        let top = if fi + 1 < th.frames.len() {
            limit
        } else {
            f.base + p.max_stack as usize
        };
        if n > 0 && slot < top {
            return Some(("(*temporary)".to_string(), slot));
        }
        return None;
    }
    if n > 0 && matches!(f.kind, FrameKind::Native) {
        let slot = f.base + n as usize - 1;
        if slot < limit {
            return Some(("(*temporary)".to_string(), slot));
        }
    }
    None
}

fn getlocal(vm: &mut Vm, args: Vals) -> NResult {
    let (th, a) = thread_arg(vm, &args);
    let n = check_int(vm, &args, a + 1)?;
    if arg(&args, a).is_function() && !matches!(arg(&args, a), Value::LuaFn(_)) {
        // A C function has no parameter names.
        return rets![Value::Nil];
    }
    if let Value::LuaFn(c) = arg(&args, a) {
        let p = c.get().proto.get().proto.clone();
        return match p.local_name(n as usize, 0) {
            Some(name) if n > 0 && (n as usize) <= p.num_params as usize => rets![vm.new_str(name)],
            _ => rets![Value::Nil],
        };
    }
    let level = check_int(vm, &args, a)?;
    let t = th.get();
    let Some(fi) = frame_at(t, level) else {
        return Err(LuaError::arg(a + 1, "level out of range"));
    };
    match find_local(vm, t, fi, n) {
        Some((name, slot)) => {
            let v = t.stack.get(slot).copied().unwrap_or(Value::Nil);
            let s = vm.new_str(name);
            rets![s, v]
        }
        None => rets![Value::Nil],
    }
}

fn setlocal(vm: &mut Vm, args: Vals) -> NResult {
    let (th, a) = thread_arg(vm, &args);
    let level = check_int(vm, &args, a)?;
    let n = check_int(vm, &args, a + 1)?;
    let v = args::check_any(&args, a + 2)?;
    let t = th.get();
    let Some(fi) = frame_at(t, level) else {
        return Err(LuaError::arg(a + 1, "level out of range"));
    };
    match find_local(vm, t, fi, n) {
        Some((name, slot)) => {
            if let Some(s) = th.get_mut().stack.get_mut(slot) {
                *s = v;
            }
            rets![vm.new_str(name)]
        }
        None => rets![Value::Nil],
    }
}

fn getupvalue(vm: &mut Vm, args: Vals) -> NResult {
    let n = check_int(vm, &args, 1)?;
    match arg(&args, 0) {
        Value::LuaFn(c) => {
            let c = c.get();
            if n < 1 || n as usize > c.upvals.len() {
                return rets![];
            }
            let p = &c.proto.get().proto;
            // Stripped functions have no upvalue names (aux_upvalue).
            let name = p
                .upvalues
                .get(n as usize - 1)
                .map_or("(*no name)".to_string(), |u| {
                    if u.name.is_empty() {
                        "(*no name)".to_string()
                    } else {
                        u.name.to_string()
                    }
                });
            let v = c.upvals[n as usize - 1].get().get();
            let s = vm.new_str(name);
            rets![s, v]
        }
        Value::Native(nc) => {
            let ups = &nc.get().upvals;
            if n < 1 || n as usize > ups.len() {
                return rets![];
            }
            let v = ups[n as usize - 1];
            let s = vm.new_str("");
            rets![s, v]
        }
        f if f.is_function() => rets![],
        _ => Err(type_error(vm, &args, 0, "function")),
    }
}

fn setupvalue(vm: &mut Vm, args: Vals) -> NResult {
    let n = check_int(vm, &args, 1)?;
    let v = args::check_any(&args, 2)?;
    match arg(&args, 0) {
        Value::LuaFn(c) => {
            let cl = c.get();
            if n < 1 || n as usize > cl.upvals.len() {
                return rets![];
            }
            cl.upvals[n as usize - 1].get_mut().set(v);
            let name = cl.proto.get().proto.upvalues[n as usize - 1]
                .name
                .to_string();
            rets![vm.new_str(if name.is_empty() {
                "(*no name)".to_string()
            } else {
                name
            })]
        }
        Value::Native(nc) => {
            let ups = &mut nc.get_mut().upvals;
            if n < 1 || n as usize > ups.len() {
                return rets![];
            }
            ups[n as usize - 1] = v;
            rets![vm.new_str("")]
        }
        f if f.is_function() => rets![],
        _ => Err(type_error(vm, &args, 0, "function")),
    }
}

/// checkupval (ldblib.c): argument `fi` is a function with an upvalue
/// number `ni`; the upvalue's identity.
fn check_upval(vm: &Vm, args: &Vals, fi: usize, ni: usize) -> Result<usize, LuaError> {
    let f = arg(args, fi);
    if !f.is_function() {
        return Err(type_error(vm, args, fi, "function"));
    }
    let n = check_int(vm, args, ni)?;
    let id = match f {
        Value::LuaFn(c) if n >= 1 && n as usize <= c.get().upvals.len() => {
            Some(c.get().upvals[n as usize - 1].addr())
        }
        Value::Native(c) if n >= 1 && n as usize <= c.get().upvals.len() => {
            Some(c.addr() + n as usize)
        }
        _ => None,
    };
    id.ok_or_else(|| LuaError::arg(ni + 1, "invalid upvalue index"))
}

fn upvalueid(vm: &mut Vm, args: Vals) -> NResult {
    let id = check_upval(vm, &args, 0, 1)?;
    rets![Value::LightUserData(id)]
}

fn upvaluejoin(vm: &mut Vm, args: Vals) -> NResult {
    check_upval(vm, &args, 0, 1)?;
    check_upval(vm, &args, 2, 3)?;
    let (Value::LuaFn(c1), Value::LuaFn(c2)) = (arg(&args, 0), arg(&args, 2)) else {
        let bad = if matches!(arg(&args, 0), Value::LuaFn(_)) {
            3
        } else {
            1
        };
        return Err(LuaError::arg(bad, "Lua function expected"));
    };
    let i1 = check_int(vm, &args, 1)? as usize - 1;
    let i2 = check_int(vm, &args, 3)? as usize - 1;
    let u = c2.get().upvals[i2];
    c1.get_mut().upvals[i1] = u;
    rets![]
}

fn getmetatable(vm: &mut Vm, args: Vals) -> NResult {
    let v = args::check_any(&args, 0)?;
    match vm.get_metatable(&v) {
        Some(mt) => rets![Value::Table(mt)],
        None => rets![Value::Nil],
    }
}

fn setmetatable(vm: &mut Vm, args: Vals) -> NResult {
    let v = arg(&args, 0);
    let mt = match arg(&args, 1) {
        // luaL_argexpected: a missing argument is neither nil nor a table.
        Value::Nil if args.len() < 2 => return Err(LuaError::arg(2, "nil or table expected")),
        Value::Nil => None,
        Value::Table(t) => Some(t),
        _ => return Err(LuaError::arg(2, "nil or table expected")),
    };
    vm.set_metatable(&v, mt);
    rets![v]
}

fn getregistry(vm: &mut Vm, _args: Vals) -> NResult {
    rets![Value::Table(vm.registry)]
}

/// Debug hooks belong to threads: the running thread's is `Vm::hook`, the
/// others' wait in their `Thread` until it runs again.
fn set_hook(vm: &mut Vm, th: Gc<Thread>, hook: Option<Hook>) {
    if th == vm.cur {
        vm.hook = hook;
    } else {
        th.get_mut().hook = hook;
    }
}

fn sethook(vm: &mut Vm, args: Vals) -> NResult {
    let (th, a) = thread_arg(vm, &args);
    let f = arg(&args, a);
    if f.is_nil() || args.len() <= a {
        set_hook(vm, th, None);
        return rets![];
    }
    let mask = args::check_bytes(vm, &args, a + 1)?;
    let count = args::opt_int(vm, &args, a + 2, 0)?.max(0) as u32;
    if !f.is_function() {
        return Err(type_error(vm, &args, a, "function"));
    }
    let has = |c: u8| mask.contains(&c);
    if !has(b'c') && !has(b'r') && !has(b'l') && count == 0 {
        set_hook(vm, th, None);
        return rets![];
    }
    let hook = Some(Hook {
        func: f,
        call: has(b'c'),
        ret: has(b'r'),
        line: has(b'l'),
        count,
        counter: 0,
        last_line: -1,
        last_pc: usize::MAX,
    });
    set_hook(vm, th, hook);
    rets![]
}

fn gethook(vm: &mut Vm, args: Vals) -> NResult {
    let (th, _) = thread_arg(vm, &args);
    let hook = if th == vm.cur { vm.hook } else { th.get().hook };
    match hook {
        // lua_gethook is NULL: nil, then the (empty) mask and the count.
        None => {
            let ms = vm.new_str("");
            rets![Value::Nil, ms, Value::Int(0)]
        }
        Some(h) => {
            let mut m = String::new();
            if h.call {
                m.push('c');
            }
            if h.ret {
                m.push('r');
            }
            if h.line {
                m.push('l');
            }
            let ms = vm.new_str(m);
            rets![h.func, ms, Value::Int(h.count as i64)]
        }
    }
}

fn getuservalue(_vm: &mut Vm, args: Vals) -> NResult {
    match arg(&args, 0) {
        Value::UserData(u) => rets![u.get().user_value],
        _ => rets![Value::Nil],
    }
}

fn setuservalue(vm: &mut Vm, args: Vals) -> NResult {
    match arg(&args, 0) {
        Value::UserData(u) => {
            u.get_mut().user_value = arg(&args, 1);
            rets![arg(&args, 0)]
        }
        _ => Err(type_error(vm, &args, 0, "userdata")),
    }
}
