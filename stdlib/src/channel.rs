//! The `channel` global (spec/channels.md): `channel.new`, the channel
//! methods `send`/`receive`/`close`/`case_send`/`case_receive`,
//! `channel.select`, and `coroutine.spawn`. The queues and wake-ups are the
//! scheduler's (scheduler/src/channel.rs, local.rs); a native that must
//! wait queues a waiter and returns `Ret::Block`.

use crate::args::{self, arg, type_error};
use wlua_sched::channel::{self as ch, Chan, Owner};
use wlua_sched::local::{self, Local};
use wlua_sched::msgobj;
use wlua_vm::func::Ret;
use wlua_vm::lazy::{TValue, Template};
use wlua_vm::thread::CoStatus;
use wlua_vm::{LuaError, NResult, Vals, Value, Vm, rets};

/// The `channel` table, built on demand in each process (wlua_vm::lazy).
pub static LIB: Template = Template {
    name: "channel",
    entries: &[("new", TValue::Fn(new)), ("select", TValue::Fn(select))],
    init: None,
};

/// The metatable channels share (registry key `CHANNEL_META_KEY`).
pub static META: Template = Template {
    name: "channel metatable",
    entries: &[
        ("__index", TValue::Build(channel_methods)),
        ("send", TValue::Fn(send)),
        ("receive", TValue::Fn(receive)),
        ("close", TValue::Fn(close)),
        ("case_send", TValue::Fn(case_send)),
        ("case_receive", TValue::Fn(case_receive)),
        ("__name", TValue::Str("channel")),
    ],
    init: None,
};

/// The metatable of select cases (registry key `CASE_META_KEY`).
pub static CASE_META: Template = Template {
    name: "case metatable",
    entries: &[("__name", TValue::Str("channel case"))],
    init: None,
};

/// The process state, for natives that wait.
pub fn need_local(vm: &mut Vm) -> Result<&'static mut Local, LuaError> {
    local::local(vm).ok_or_else(|| LuaError::msg("no process runtime (channels need one)"))
}

/// Checks that the running code may park (not inside a native that
/// re-entered the VM, such as a `table.sort` comparator).
pub fn check_can_block(vm: &Vm) -> Result<(), LuaError> {
    if vm.c_depth > 0 || vm.hook_frame.is_some() {
        return Err(LuaError::msg("attempt to yield across a C-call boundary"));
    }
    Ok(())
}

fn check_chan(vm: &Vm, args: &Vals, i: usize) -> Result<(Value, &'static mut Chan), LuaError> {
    let v = arg(args, i);
    match ch::as_chan(&v) {
        Some(c) => Ok((v, c)),
        None => Err(type_error(vm, args, i, "channel")),
    }
}

fn waiting_text(c: &Chan, send: bool) -> &'static str {
    match (c.owner, send) {
        (Owner::Runtime("inbox"), _) => "receive from inbox",
        (Owner::Runtime("events"), _) => "receive from events",
        (Owner::Runtime(_), _) => "receive from a runtime channel",
        (Owner::User, true) => "channel send",
        (Owner::User, false) => "channel receive",
    }
}

fn new(vm: &mut Vm, args: Vals) -> NResult {
    let size = match arg(&args, 0) {
        Value::Nil => 0,
        _ => args::check_int(vm, &args, 0)?,
    };
    if size < 0 {
        return Err(LuaError::arg(1, "size must be a non-negative integer"));
    }
    let c = ch::new_channel(vm, size as usize, Owner::User);
    rets![c]
}

fn send(vm: &mut Vm, args: Vals) -> NResult {
    let (chv, c) = check_chan(vm, &args, 0)?;
    let v = arg(&args, 1);
    let l = need_local(vm)?;
    match ch::try_send(l, chv, c, v) {
        Err(()) => Err(LuaError::msg(ch::SEND_ON_CLOSED)),
        Ok(true) => rets![Value::Bool(true)],
        Ok(false) => {
            check_can_block(vm)?;
            let w = l.current_waiter(None);
            c.sendq.push_back((w, v));
            l.block_current(waiting_text(c, true));
            Ok(Ret::Block)
        }
    }
}

fn receive(vm: &mut Vm, args: Vals) -> NResult {
    let (chv, c) = check_chan(vm, &args, 0)?;
    let l = need_local(vm)?;
    match ch::try_recv(l, chv, c) {
        Some((it, ok)) => {
            let v = msgobj::item_value(vm, it);
            rets![v, Value::Bool(ok)]
        }
        None => {
            check_can_block(vm)?;
            let w = l.current_waiter(None);
            c.recvq.push_back(w);
            l.block_current(waiting_text(c, false));
            Ok(Ret::Block)
        }
    }
}

fn close(vm: &mut Vm, args: Vals) -> NResult {
    let (chv, c) = check_chan(vm, &args, 0)?;
    if let Owner::Runtime(what) = c.owner {
        return Err(LuaError::msg(format!(
            "cannot close the {what} channel (it belongs to the runtime)"
        )));
    }
    let l = need_local(vm)?;
    ch::close(l, chv, c);
    rets![]
}

fn case_send(vm: &mut Vm, args: Vals) -> NResult {
    let (chv, _) = check_chan(vm, &args, 0)?;
    let c = ch::new_case(vm, chv, Some(arg(&args, 1)));
    rets![c]
}

fn case_receive(vm: &mut Vm, args: Vals) -> NResult {
    let (chv, _) = check_chan(vm, &args, 0)?;
    let c = ch::new_case(vm, chv, None);
    rets![c]
}

fn select(vm: &mut Vm, args: Vals) -> NResult {
    let t = args::check_table(vm, &args, 0)?;
    let mut cases: Vec<(Value, Option<Value>)> = Vec::new();
    let mut i = 1;
    loop {
        let v = t.get().get_int(i);
        if v.is_nil() {
            break;
        }
        match ch::as_case(&v) {
            Some(c) => cases.push((c.chan, c.send)),
            None => {
                return Err(LuaError::arg(
                    1,
                    format!(
                        "case expected at index {}, got {}",
                        i,
                        vm.type_name_meta(&v)
                    ),
                ));
            }
        }
        i += 1;
    }
    let key = vm.new_str("default");
    let has_default = t.get().get(key).truthy();
    need_local(vm)?;
    // With `default`, a runtime channel (the inbox, events...) is first
    // brought up to date with what has arrived in the mailbox, so a poll
    // sees messages already sent (Erlang's `receive ... after 0`).
    let polls_runtime = has_default
        && cases
            .iter()
            .any(|(c, _)| ch::as_chan(c).is_some_and(|c| c.owner != Owner::User));
    for attempt in 0..2 {
        if attempt == 1 && !(polls_runtime && local::poll_signals(vm)) {
            break;
        }
        let l = need_local(vm)?;
        let mut ready: smallvec::SmallVec<[usize; 8]> = smallvec::SmallVec::new();
        for (i, (chv, send)) in cases.iter().enumerate() {
            let c = ch::as_chan(chv).expect("case channel");
            let ok = match send {
                Some(_) => ch::send_ready(l, c),
                None => ch::recv_ready(l, c),
            };
            if ok {
                ready.push(i);
            }
        }
        if !ready.is_empty() {
            let pick = ready[l.random_below(ready.len())];
            let (chv, send) = cases[pick];
            let c = ch::as_chan(&chv).expect("case channel");
            let done = match send {
                Some(v) => match ch::try_send(l, chv, c, v) {
                    Err(()) => return Err(LuaError::msg(ch::SEND_ON_CLOSED)),
                    Ok(true) => Some((ch::Item::Val(v), true)),
                    Ok(false) => None,
                },
                None => ch::try_recv(l, chv, c),
            };
            if let Some((it, ok)) = done {
                let v = msgobj::item_value(vm, it);
                let r = local::select_result(vm, Some(pick as u32), chv, v, ok);
                return rets![r];
            }
        }
    }
    let l = need_local(vm)?;
    if has_default {
        let r = vm.new_table_sized(0, 2);
        vm.raw_set_str(r, "default", Value::Bool(true));
        vm.raw_set_str(r, "ok", Value::Bool(true));
        return rets![Value::Table(r)];
    }
    if cases.is_empty() {
        return Err(LuaError::msg(
            "select with no cases and no default would block forever",
        ));
    }
    check_can_block(vm)?;
    for (i, (chv, send)) in cases.iter().enumerate() {
        let c = ch::as_chan(chv).expect("case channel");
        let w = l.current_waiter(Some(i as u32));
        match send {
            Some(v) => c.sendq.push_back((w, *v)),
            None => c.recvq.push_back(w),
        }
    }
    l.block_current("select");
    Ok(Ret::Block)
}

/// `coroutine.spawn(fn, ...)`: a coroutine the scheduler runs inside this
/// process, first when the caller blocks.
pub fn spawn(vm: &mut Vm, args: Vals) -> NResult {
    let f = arg(&args, 0);
    if !f.is_function() {
        return Err(type_error(vm, &args, 0, "function"));
    }
    let th = vm.new_thread(f);
    // Not resumable by hand: the scheduler drives it.
    th.get_mut().status = CoStatus::Running;
    let rest: Vals = args.iter().skip(1).copied().collect();
    let l = need_local(vm)?;
    l.spawn_task(th, f, rest);
    rets![]
}

/// `__index` of `META`: the metatable itself, which holds the
/// methods (one table per process instead of two).
fn channel_methods(vm: &mut Vm) -> Value {
    Value::Table(vm.lib_table(&META))
}
