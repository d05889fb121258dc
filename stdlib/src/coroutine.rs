//! The coroutine library (lcorolib.c). The switches themselves happen in
//! the VM (`Ret::Resume`, `Ret::Yield`); this file checks arguments and
//! states as the reference does.

use crate::args::{arg, type_error};
use wlua_vm::func::Ret;
use wlua_vm::gc::Gc;
use wlua_vm::lazy::{TValue, Template};
use wlua_vm::thread::{CoStatus, FrameKind, Thread};
use wlua_vm::{LuaError, NResult, Vals, Value, Vm, rets};

/// The `coroutine` table, built on demand in each process (wlua_vm::lazy).
pub static LIB: Template = Template {
    name: "coroutine",
    entries: &[
        ("create", TValue::Fn(create)),
        ("resume", TValue::Fn(resume)),
        ("yield", TValue::Fn(yield_)),
        ("status", TValue::Fn(status)),
        ("wrap", TValue::Fn(wrap)),
        ("running", TValue::Fn(running)),
        ("isyieldable", TValue::Fn(isyieldable)),
        ("spawn", TValue::Fn(crate::channel::spawn)),
    ],
    init: None,
};

fn check_co(args: &Vals, i: usize, _fname: &str) -> Result<Gc<Thread>, LuaError> {
    match arg(args, i) {
        Value::Thread(t) => Ok(t),
        _ => Err(LuaError::arg(i + 1, "thread expected")),
    }
}

fn create(vm: &mut Vm, args: Vals) -> NResult {
    let f = arg(&args, 0);
    if !f.is_function() {
        return Err(type_error(vm, &args, 0, "function"));
    }
    let co = vm.new_thread(f);
    rets![Value::Thread(co)]
}

/// Why `co` cannot be resumed now, if it cannot. `nargs` is the number of
/// values the calling native (`resume` or a `wrap` function) was given.
///
/// The reference checks `lua_gettop(co) == 0` before anything else, so a
/// running or normal coroutine whose current C function has an empty stack
/// is reported as dead: one that is resuming through a `wrap` function
/// (auxwrap moved its arguments away), or one calling its own `wrap`
/// function with no arguments.
fn resume_problem(vm: &Vm, co: Gc<Thread>, nargs: usize) -> Option<&'static str> {
    let t = co.get();
    if co == vm.cur {
        if nargs == 0 {
            return Some("cannot resume dead coroutine");
        }
        return Some("cannot resume non-suspended coroutine");
    }
    if t.status != CoStatus::Suspended {
        if t.status == CoStatus::Dead {
            return Some("cannot resume dead coroutine");
        }
        if t.frames
            .last()
            .is_some_and(|f| matches!(f.kind, FrameKind::Resume { wrap: true }))
        {
            return Some("cannot resume dead coroutine");
        }
        return Some("cannot resume non-suspended coroutine");
    }
    // Nested resumes count as C calls in the reference (lua_resume bumps
    // nCcalls), so a runaway chain of coroutines stops at the C-stack limit
    // instead of exhausting memory.
    if vm.resumers.len() + vm.c_depth as usize >= 197 {
        return Some("C stack overflow");
    }
    if t.frames.is_empty() && t.stack.is_empty() {
        return Some("cannot resume dead coroutine");
    }
    None
}

fn resume(vm: &mut Vm, args: Vals) -> NResult {
    let co = check_co(&args, 0, "resume")?;
    if let Some(p) = resume_problem(vm, co, args.len()) {
        let m = vm.new_str(p);
        return rets![Value::Bool(false), m];
    }
    Ok(Ret::Resume {
        co,
        args: Vals::from_slice(&args[1..]),
        wrap: false,
    })
}

fn yield_(_vm: &mut Vm, args: Vals) -> NResult {
    Ok(Ret::Yield(args))
}

fn status(vm: &mut Vm, args: Vals) -> NResult {
    let co = check_co(&args, 0, "status")?;
    let s = if co == vm.cur {
        "running"
    } else {
        match co.get().status {
            CoStatus::Suspended => "suspended",
            CoStatus::Normal => "normal",
            CoStatus::Running => "running",
            CoStatus::Dead => "dead",
        }
    };
    rets![vm.new_str(s)]
}

fn wrap_call(vm: &mut Vm, args: Vals) -> NResult {
    let Value::Thread(co) = vm.native_upvalue(0) else {
        return Err(LuaError::msg("cannot resume dead coroutine"));
    };
    if let Some(p) = resume_problem(vm, co, args.len()) {
        return Err(LuaError::msg(p));
    }
    Ok(Ret::Resume {
        co,
        args,
        wrap: true,
    })
}

fn wrap(vm: &mut Vm, args: Vals) -> NResult {
    let f = arg(&args, 0);
    if !f.is_function() {
        return Err(type_error(vm, &args, 0, "function"));
    }
    let co = vm.new_thread(f);
    rets![vm.new_native(wrap_call, vec![Value::Thread(co)])]
}

fn running(vm: &mut Vm, _args: Vals) -> NResult {
    let cur = vm.cur;
    rets![Value::Thread(cur), Value::Bool(cur == vm.main)]
}

fn isyieldable(vm: &mut Vm, _args: Vals) -> NResult {
    let cur = vm.cur;
    rets![Value::Bool(cur != vm.main && cur.get().nny == 0)]
}
