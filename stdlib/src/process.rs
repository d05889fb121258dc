//! The `process` global (spec/processes.md, spec/wlua-decisions.md):
//! identity, spawning (by entry id `"module:function"` or by a function
//! that captures nothing but `_ENV`), sending, inbox/events/listeners,
//! links, monitors, trapping, terminate/cancel, options, the name registry,
//! and the Message/Payload object methods. The runtime side is the
//! scheduler crate's `runtime.rs`; failures a caller can expect come back
//! as `nil, err` with an `errors` value.

use crate::args::{self, arg, type_error};
use crate::channel::{check_can_block, need_local};
use crate::errors::new_error;
use std::sync::Arc;
use wlua_sched::channel::{self as ch, Owner};
use wlua_sched::local::{self, Local};
use wlua_sched::message::{self, Message};
use wlua_sched::msgobj::{self, MsgObj, PayloadObj};
use wlua_sched::process::{Envelope, ProcessHandle, Signal, Topic, parse_pid, pid_string};
use wlua_sched::runtime::{Code, Runtime};
use wlua_vm::func::Ret;
use wlua_vm::lazy::{TValue, Template};
use wlua_vm::value::UserData;
use wlua_vm::{Gc, LuaError, NResult, Vals, Value, Vm, rets};

/// The `process` table, built on demand in each process (wlua_vm::lazy).
pub static LIB: Template = Template {
    name: "process",
    entries: &[
        ("pid", TValue::Fn(pid)),
        ("id", TValue::Fn(id)),
        ("send", TValue::Fn(send)),
        ("spawn", TValue::Fn(spawn)),
        ("spawn_monitored", TValue::Fn(spawn_monitored)),
        ("spawn_linked", TValue::Fn(spawn_linked)),
        ("spawn_linked_monitored", TValue::Fn(spawn_linked_monitored)),
        ("exec", TValue::Fn(exec)),
        ("terminate", TValue::Fn(terminate)),
        ("cancel", TValue::Fn(cancel)),
        ("monitor", TValue::Fn(monitor)),
        ("unmonitor", TValue::Fn(unmonitor)),
        ("link", TValue::Fn(link)),
        ("unlink", TValue::Fn(unlink)),
        ("inbox", TValue::Fn(inbox)),
        ("events", TValue::Fn(events)),
        ("listen", TValue::Fn(listen)),
        ("unlisten", TValue::Fn(unlisten)),
        ("get_options", TValue::Fn(get_options)),
        ("set_options", TValue::Fn(set_options)),
        ("upgrade", TValue::Fn(upgrade)),
        ("with_context", TValue::Fn(with_context)),
        ("with_options", TValue::Fn(with_options)),
        ("event", TValue::Lib(&EVENT)),
        ("registry", TValue::Lib(&REGISTRY)),
    ],
    init: None,
};

static EVENT: Template = Template {
    name: "process.event",
    entries: &[
        ("CANCEL", TValue::Str("CANCEL")),
        ("EXIT", TValue::Str("EXIT")),
        ("LINK_DOWN", TValue::Str("LINK_DOWN")),
        ("OUTDATED", TValue::Str("OUTDATED")),
    ],
    init: None,
};

static REGISTRY: Template = Template {
    name: "process.registry",
    entries: &[
        ("register", TValue::Fn(reg_register)),
        ("lookup", TValue::Fn(reg_lookup)),
        ("unregister", TValue::Fn(reg_unregister)),
        ("LOCAL", TValue::Str("local")),
        ("EVENTUAL", TValue::Str("eventual")),
        ("CONSISTENT", TValue::Str("consistent")),
        ("STRONG", TValue::Str("strong")),
    ],
    init: None,
};

/// The metatable of Message objects (registry key `MESSAGE_META_KEY`).
pub static MESSAGE_META: Template = Template {
    name: "message metatable",
    entries: &[
        ("__index", TValue::Build(message_methods)),
        ("topic", TValue::Fn(msg_topic)),
        ("from", TValue::Fn(msg_from)),
        ("payload", TValue::Fn(msg_payload)),
        ("__name", TValue::Str("message")),
    ],
    init: None,
};

/// The metatable of Payload objects (registry key `PAYLOAD_META_KEY`).
pub static PAYLOAD_META: Template = Template {
    name: "payload metatable",
    entries: &[
        ("__index", TValue::Build(payload_methods)),
        ("data", TValue::Fn(payload_data)),
        ("unmarshal", TValue::Fn(payload_data)),
        ("get_format", TValue::Fn(payload_format)),
        ("__name", TValue::Str("payload")),
    ],
    init: None,
};

/// The runtime and the running process, borrowed for one native call.
struct Ctx {
    rt: &'static Runtime,
    me: &'static ProcessHandle,
}

fn ctx(vm: &mut Vm) -> Result<(Ctx, &'static mut Local), LuaError> {
    let l = need_local(vm)?;
    match (&l.rt, &l.me) {
        // SAFETY: the Local holds both Arcs for the whole life of the VM
        // and never replaces them while a native runs, so the pointees
        // outlive the call; they are separate allocations, not part of
        // the Local the caller also borrows.
        (Some(rt), Some(me)) => Ok((
            Ctx {
                rt: unsafe { &*Arc::as_ptr(rt) },
                me: unsafe { &*Arc::as_ptr(me) },
            },
            l,
        )),
        _ => Err(LuaError::msg("no process runtime")),
    }
}

/// For natives about to block their thread in a system call (reads from
/// pipes and terminals, waiting for a child): lets another worker take
/// the process this one would have run next (runtime::before_blocking_call).
pub fn before_blocking(vm: &mut Vm) {
    if let Some(rt) = local::local(vm).and_then(|l| l.rt.as_ref()) {
        wlua_sched::runtime::before_blocking_call(rt);
    }
}

fn fail(vm: &mut Vm, kind: &str, msg: &str) -> NResult {
    let e = new_error(vm, kind, msg);
    rets![Value::Nil, e]
}

fn str_value(vm: &mut Vm, s: &str) -> Value {
    vm.new_str(s)
}

/// A destination: a PID string, or a registered name.
fn destination(
    vm: &mut Vm,
    rt: &Runtime,
    args: &Vals,
    i: usize,
) -> Result<Result<u64, String>, LuaError> {
    match arg(args, i) {
        Value::Str(s) => {
            let b = s.get().as_bytes();
            if let Some(id) = parse_pid(b) {
                return Ok(Ok(id));
            }
            let name = String::from_utf8_lossy(b).into_owned();
            match rt.lookup_name(&name) {
                Some(id) => Ok(Ok(id)),
                None => Ok(Err(format!("no process registered as '{name}'"))),
            }
        }
        _ => Err(type_error(vm, args, i, "string")),
    }
}

fn pid(vm: &mut Vm, _args: Vals) -> NResult {
    let (c, _) = ctx(vm)?;
    let s = str_value(vm, &pid_string(c.me.id));
    rets![s]
}

/// The frame id: the PID and the number of the running coroutine task.
fn id(vm: &mut Vm, _args: Vals) -> NResult {
    let (c, l) = ctx(vm)?;
    let task = l.current_waiter(None).task;
    let s = str_value(vm, &format!("{}/{}", pid_string(c.me.id), task));
    rets![s]
}

fn send(vm: &mut Vm, args: Vals) -> NResult {
    let (c, _) = ctx(vm)?;
    let dest = destination(vm, c.rt, &args, 0)?;
    let topic = args::check_str(vm, &args, 1)?;
    let topic = Topic::from_slice(topic.get().as_bytes());
    if topic.first() == Some(&b'@') {
        let topic = String::from_utf8_lossy(&topic);
        return fail(
            vm,
            "INVALID",
            &format!(
                "topic '{topic}' is reserved (topics starting with '@' belong to the runtime)"
            ),
        );
    }
    let payload = message::encode(vm, &args[2.min(args.len())..], "payload value #")
        .map_err(|e| LuaError::msg(e.to_string()))?;
    let to = match dest {
        Ok(id) => id,
        Err(m) => return fail(vm, "NOT_FOUND", &m),
    };
    // A dead PID is not an error: delivery is fire-and-forget (Erlang).
    c.rt.signal(
        to,
        Signal::Message(Box::new(Envelope {
            from: Some(c.me.id),
            topic,
            payload,
        })),
    );
    rets![Value::Bool(true)]
}

/// What `spawn`'s first argument names.
fn resolve_code(
    vm: &mut Vm,
    rt: &Runtime,
    args: &Vals,
) -> Result<Result<Code, (String, String)>, LuaError> {
    match arg(args, 0) {
        Value::LuaFn(f) => {
            let proto = f.get().proto.get().proto.clone();
            for (i, up) in proto.upvalues.iter().enumerate() {
                if !(i == 0 && &*up.name == "_ENV") {
                    return Err(LuaError::arg(
                        1,
                        format!(
                            "function captures upvalue '{}' (a spawned function may use only globals, its arguments and messages)",
                            up.name
                        ),
                    ));
                }
            }
            Ok(Ok(Code::Function(proto)))
        }
        Value::Native(_) | Value::LightFn(_) => Err(LuaError::arg(
            1,
            "cannot spawn a native function (use a Lua function or an entry id)",
        )),
        Value::Str(s) => {
            let entry = s.get().to_str_lossy().into_owned();
            let (module, field) = match entry.split_once(':') {
                Some((m, f)) => (m.to_string(), f.to_string()),
                None => (entry.clone(), String::new()),
            };
            if module.is_empty() {
                return Ok(Err((
                    "INVALID".into(),
                    format!("invalid entry id '{entry}'"),
                )));
            }
            if let Some(src) = crate::builtin_lua(&module) {
                let key = format!("builtin:{module}");
                let cached = rt
                    .code_cache
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .get(&key)
                    .cloned();
                let proto = match cached {
                    Some(p) => p,
                    None => match crate::load::compile(
                        src.as_bytes(),
                        &crate::builtin_chunkname(&module),
                    ) {
                        Ok(p) => {
                            rt.code_cache
                                .lock()
                                .unwrap_or_else(|e| e.into_inner())
                                .insert(key, p.clone());
                            p
                        }
                        Err(m) => return Ok(Err(("INTERNAL".into(), m))),
                    },
                };
                return Ok(Ok(Code::Module { proto, field }));
            }
            let path = package_path(vm);
            let file = match crate::package::search_path(&module, &path, ".", "/") {
                Ok(f) => f,
                Err(tried) => {
                    return Ok(Err((
                        "NOT_FOUND".into(),
                        format!("module '{module}' not found:{tried}"),
                    )));
                }
            };
            let cached = rt
                .code_cache
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .get(&file)
                .cloned();
            let proto = match cached {
                Some(p) => p,
                None => {
                    let (src, chunkname) = match crate::load::read_source(Some(&file)) {
                        Ok(x) => x,
                        Err(m) => return Ok(Err(("NOT_FOUND".into(), m))),
                    };
                    let p = match crate::load::compile(&src, &chunkname) {
                        Ok(p) => p,
                        Err(m) => return Ok(Err(("INVALID".into(), m))),
                    };
                    rt.code_cache
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .entry(file)
                        .or_insert(p)
                        .clone()
                }
            };
            Ok(Ok(Code::Module { proto, field }))
        }
        _ => Err(type_error(vm, args, 0, "string or function")),
    }
}

fn package_path(vm: &mut Vm) -> String {
    if let Value::Table(p) = vm.get_global("package") {
        if let Value::Str(s) = vm.raw_get_str(p, "path") {
            return s.get().to_str_lossy().into_owned();
        }
    }
    String::new()
}

fn do_spawn(vm: &mut Vm, args: Vals, link: bool, monitor: bool) -> NResult {
    let (c, l) = ctx(vm)?;
    match arg(&args, 1) {
        Value::Nil | Value::Str(_) => {}
        _ => return Err(type_error(vm, &args, 1, "string")),
    }
    let code = match resolve_code(vm, c.rt, &args)? {
        Ok(code) => code,
        Err((kind, m)) => return fail(vm, &kind, &m),
    };
    let spawn_args = message::encode(vm, &args[2.min(args.len())..], "spawn argument #")
        .map_err(|e| LuaError::msg(e.to_string()))?;
    let child = c.rt.spawn(
        code,
        spawn_args,
        link.then_some(c.me),
        monitor.then_some(c.me.id),
    );
    if monitor {
        l.monitoring.insert(child, ());
    }
    let s = str_value(vm, &pid_string(child));
    rets![s]
}

fn spawn(vm: &mut Vm, args: Vals) -> NResult {
    do_spawn(vm, args, false, false)
}
fn spawn_monitored(vm: &mut Vm, args: Vals) -> NResult {
    do_spawn(vm, args, false, true)
}
fn spawn_linked(vm: &mut Vm, args: Vals) -> NResult {
    do_spawn(vm, args, true, false)
}
fn spawn_linked_monitored(vm: &mut Vm, args: Vals) -> NResult {
    do_spawn(vm, args, true, true)
}

/// `process.exec(id, host, ...)`: runs a child to completion and returns
/// its result value, or `nil, err` when it failed.
fn exec(vm: &mut Vm, args: Vals) -> NResult {
    check_can_block(vm)?;
    let (c, l) = ctx(vm)?;
    let code = match resolve_code(vm, c.rt, &args)? {
        Ok(code) => code,
        Err((kind, m)) => return fail(vm, &kind, &m),
    };
    let spawn_args = message::encode(vm, &args[2.min(args.len())..], "spawn argument #")
        .map_err(|e| LuaError::msg(e.to_string()))?;
    let w = l.current_waiter(None);
    let child = c.rt.spawn(code, spawn_args, None, Some(c.me.id));
    l.exec_waiters.insert(child, w);
    l.block_current("process.exec");
    Ok(Ret::Block)
}

fn terminate(vm: &mut Vm, args: Vals) -> NResult {
    let (c, _) = ctx(vm)?;
    let to = match destination(vm, c.rt, &args, 0)? {
        Ok(id) => id,
        Err(m) => return fail(vm, "NOT_FOUND", &m),
    };
    // An optional reason (beyond the spec, as Erlang's exit/2) goes into
    // the error the observers see.
    let reason = match arg(&args, 1) {
        Value::Nil => format!("terminated by {}", pid_string(c.me.id)),
        _ => {
            let r = args::check_str(vm, &args, 1)?
                .get()
                .to_str_lossy()
                .into_owned();
            format!("terminated by {}: {}", pid_string(c.me.id), r)
        }
    };
    if to == c.me.id {
        return Err(LuaError::Value(new_error(vm, "CANCELED", &reason)));
    }
    if !c.rt.signal(to, Signal::Kill { reason }) {
        return fail(vm, "NOT_FOUND", &format!("no process {}", pid_string(to)));
    }
    rets![Value::Bool(true)]
}

fn cancel(vm: &mut Vm, args: Vals) -> NResult {
    let (c, _) = ctx(vm)?;
    let to = match destination(vm, c.rt, &args, 0)? {
        Ok(id) => id,
        Err(m) => return fail(vm, "NOT_FOUND", &m),
    };
    let reason = match arg(&args, 1) {
        Value::Nil => String::new(),
        _ => args::check_str(vm, &args, 1)?
            .get()
            .to_str_lossy()
            .into_owned(),
    };
    if !c.rt.signal(
        to,
        Signal::Cancel {
            from: c.me.id,
            reason,
        },
    ) {
        return fail(vm, "NOT_FOUND", &format!("no process {}", pid_string(to)));
    }
    rets![Value::Bool(true)]
}

/// The exit a dead or unknown process shows to a new monitor or link.
fn noproc() -> Arc<wlua_sched::process::ExitResult> {
    Arc::new(wlua_sched::process::ExitResult::failed(Message::error(
        wlua_sched::error_value::ErrorData {
            message: "no process".into(),
            kind: "NOT_FOUND".into(),
            retryable: Some(false),
            stack: None,
        },
    )))
}

fn monitor(vm: &mut Vm, args: Vals) -> NResult {
    let (c, l) = ctx(vm)?;
    let to = match destination(vm, c.rt, &args, 0)? {
        Ok(id) => id,
        Err(m) => return fail(vm, "NOT_FOUND", &m),
    };
    if to == c.me.id {
        return fail(vm, "INVALID", "a process cannot monitor itself");
    }
    l.monitoring.insert(to, ());
    if !c.rt.monitor(c.me.id, to) {
        // Already gone: the EXIT comes at once (as Erlang's noproc).
        c.rt.signal(
            c.me.id,
            Signal::Down {
                from: to,
                result: noproc(),
            },
        );
    }
    rets![Value::Bool(true)]
}

fn unmonitor(vm: &mut Vm, args: Vals) -> NResult {
    let (c, l) = ctx(vm)?;
    let to = match destination(vm, c.rt, &args, 0)? {
        Ok(id) => id,
        Err(m) => return fail(vm, "NOT_FOUND", &m),
    };
    l.monitoring.remove(&to);
    c.rt.demonitor(c.me.id, to);
    rets![Value::Bool(true)]
}

fn link(vm: &mut Vm, args: Vals) -> NResult {
    let (c, _) = ctx(vm)?;
    let to = match destination(vm, c.rt, &args, 0)? {
        Ok(id) => id,
        Err(m) => return fail(vm, "NOT_FOUND", &m),
    };
    if !c.rt.link(c.me, to) {
        // Linking to a dead process is an immediate abnormal exit of the
        // link, as in Erlang.
        c.me.rel
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .links
            .push(to);
        c.rt.signal(
            c.me.id,
            Signal::LinkDown {
                from: to,
                result: noproc(),
            },
        );
    }
    rets![Value::Bool(true)]
}

fn unlink(vm: &mut Vm, args: Vals) -> NResult {
    let (c, _) = ctx(vm)?;
    let to = match destination(vm, c.rt, &args, 0)? {
        Ok(id) => id,
        Err(m) => return fail(vm, "NOT_FOUND", &m),
    };
    c.rt.unlink(c.me, to);
    rets![Value::Bool(true)]
}

fn inbox(vm: &mut Vm, _args: Vals) -> NResult {
    need_local(vm)?;
    let ch = local::inbox(vm);
    rets![ch]
}

fn events(vm: &mut Vm, _args: Vals) -> NResult {
    need_local(vm)?;
    let ch = local::events(vm);
    rets![ch]
}

fn listen(vm: &mut Vm, args: Vals) -> NResult {
    let topic = args::check_str(vm, &args, 0)?;
    let topic = topic.get().as_bytes().to_vec();
    let as_message = match arg(&args, 1) {
        Value::Nil => false,
        Value::Table(t) => vm.raw_get_str(t, "message").truthy(),
        _ => return Err(type_error(vm, &args, 1, "table")),
    };
    if topic.first() == Some(&b'@') {
        return fail(
            vm,
            "INVALID",
            "topics starting with '@' belong to the runtime",
        );
    }
    let l = need_local(vm)?;
    if l.listeners.contains_key(&topic) {
        return fail(
            vm,
            "ALREADY_EXISTS",
            &format!(
                "topic '{}' already has a listener",
                String::from_utf8_lossy(&topic)
            ),
        );
    }
    let chv = ch::new_channel(vm, usize::MAX, Owner::Runtime("listener"));
    let l = need_local(vm)?;
    l.listeners.insert(topic, (chv, as_message));
    rets![chv]
}

fn unlisten(vm: &mut Vm, args: Vals) -> NResult {
    let v = arg(&args, 0);
    if ch::as_chan(&v).is_none() {
        return Err(type_error(vm, &args, 0, "channel"));
    }
    let l = need_local(vm)?;
    let before = l.listeners.len();
    l.listeners.retain(|_, (c, _)| !c.raw_eq(&v));
    let removed = l.listeners.len() != before;
    if removed {
        if let Some(c) = ch::as_chan(&v) {
            // Receivers still waiting see the end of the stream.
            c.owner = Owner::User;
            ch::close(l, v, c);
            c.owner = Owner::Runtime("listener");
        }
    }
    rets![Value::Bool(removed)]
}

fn get_options(vm: &mut Vm, _args: Vals) -> NResult {
    let l = need_local(vm)?;
    let trap = l.trap_links;
    let t = vm.new_table_sized(0, 2);
    vm.raw_set_str(t, "trap_links", Value::Bool(trap));
    vm.raw_set_str(t, "upgradable", Value::Bool(false));
    rets![Value::Table(t)]
}

fn set_options(vm: &mut Vm, args: Vals) -> NResult {
    let t = args::check_table(vm, &args, 0)?;
    let trap = vm.raw_get_str(t, "trap_links");
    let up = vm.raw_get_str(t, "upgradable");
    if up.truthy() {
        return fail(
            vm,
            "INVALID",
            "upgradable processes are not supported by wlua yet",
        );
    }
    let l = need_local(vm)?;
    match trap {
        Value::Nil => {}
        Value::Bool(b) => l.trap_links = b,
        other => {
            let m = format!("trap_links must be a boolean, got {}", other.type_name());
            return fail(vm, "INVALID", &m);
        }
    }
    rets![Value::Bool(true)]
}

fn not_supported(vm: &mut Vm, name: &str) -> NResult {
    fail(
        vm,
        "INVALID",
        &format!("process.{name} is not supported by wlua"),
    )
}

fn upgrade(vm: &mut Vm, _args: Vals) -> NResult {
    not_supported(vm, "upgrade")
}

fn with_context(vm: &mut Vm, _args: Vals) -> NResult {
    not_supported(vm, "with_context")
}

fn with_options(vm: &mut Vm, _args: Vals) -> NResult {
    not_supported(vm, "with_options")
}

// ----- registry -----------------------------------------------------------

fn check_scope(vm: &mut Vm, args: &Vals, i: usize) -> Result<Option<String>, LuaError> {
    match arg(args, i) {
        Value::Nil => Ok(None),
        Value::Str(s) => {
            let s = s.get().to_str_lossy().into_owned();
            if s == "local" { Ok(None) } else { Ok(Some(s)) }
        }
        _ => Err(type_error(vm, args, i, "string")),
    }
}

fn reg_register(vm: &mut Vm, args: Vals) -> NResult {
    let (c, _) = ctx(vm)?;
    let name = args::check_str(vm, &args, 0)?
        .get()
        .to_str_lossy()
        .into_owned();
    let pid = match arg(&args, 1) {
        Value::Nil => c.me.id,
        Value::Str(s) => match parse_pid(s.get().as_bytes()) {
            Some(id) => id,
            None => return fail(vm, "INVALID", "invalid pid"),
        },
        _ => return Err(type_error(vm, &args, 1, "string")),
    };
    if let Some(scope) = check_scope(vm, &args, 2)? {
        return fail(
            vm,
            "INVALID",
            &format!("registry scope '{scope}' is not supported by wlua (only LOCAL)"),
        );
    }
    if name.is_empty() {
        return fail(vm, "INVALID", "name must not be empty");
    }
    if parse_pid(name.as_bytes()).is_some() {
        return fail(vm, "INVALID", "a name cannot look like a pid");
    }
    match c.rt.register(&name, pid) {
        Ok(_) => rets![Value::Bool(true)],
        Err(0) => fail(vm, "NOT_FOUND", &format!("no process {}", pid_string(pid))),
        Err(owner) => fail(
            vm,
            "ALREADY_EXISTS",
            &format!("name '{}' is registered to {}", name, pid_string(owner)),
        ),
    }
}

fn reg_lookup(vm: &mut Vm, args: Vals) -> NResult {
    let (c, _) = ctx(vm)?;
    let name = args::check_str(vm, &args, 0)?
        .get()
        .to_str_lossy()
        .into_owned();
    match c.rt.lookup_name(&name) {
        Some(id) => {
            let s = str_value(vm, &pid_string(id));
            rets![s]
        }
        None => fail(
            vm,
            "NOT_FOUND",
            &format!("no process registered as '{name}'"),
        ),
    }
}

fn reg_unregister(vm: &mut Vm, args: Vals) -> NResult {
    let (c, _) = ctx(vm)?;
    let name = args::check_str(vm, &args, 0)?
        .get()
        .to_str_lossy()
        .into_owned();
    if check_scope(vm, &args, 1)?.is_some() {
        return rets![Value::Bool(false)];
    }
    let ok = c.rt.unregister(&name, c.me.id);
    rets![Value::Bool(ok)]
}

// ----- Message and Payload objects ---------------------------------------

fn check_obj<T: 'static>(
    vm: &Vm,
    args: &Vals,
    what: &str,
) -> Result<(Gc<UserData>, &'static T), LuaError> {
    if let Value::UserData(u) = arg(args, 0) {
        if let Some(m) = u.get().data.downcast_ref::<T>() {
            // SAFETY: the userdata lives while the caller holds it.
            return Ok((u, unsafe { &*(m as *const T) }));
        }
    }
    Err(type_error(vm, args, 0, what))
}

fn msg_topic(vm: &mut Vm, args: Vals) -> NResult {
    let (_, m) = check_obj::<MsgObj>(vm, &args, "message")?;
    rets![m.topic]
}

fn msg_from(vm: &mut Vm, args: Vals) -> NResult {
    let (_, m) = check_obj::<MsgObj>(vm, &args, "message")?;
    let Some(id) = m.from else {
        return rets![Value::Nil];
    };
    // A process mostly answers the sender it just heard from: keep that
    // PID's string instead of formatting and interning it per message.
    if let Some(l) = local::local(vm) {
        if let Some((cached, s)) = l.cache.from {
            if cached == id {
                return rets![s];
            }
        }
    }
    let s = str_value(vm, &pid_string(id));
    if let Some(l) = local::local(vm) {
        l.cache.from = Some((id, s));
    }
    rets![s]
}

fn msg_payload(vm: &mut Vm, args: Vals) -> NResult {
    let (_, m) = check_obj::<MsgObj>(vm, &args, "message")?;
    let vals = m.vals.clone();
    let p = msgobj::new_payload(vm, vals);
    rets![p]
}

fn payload_data(vm: &mut Vm, args: Vals) -> NResult {
    let (_, p) = check_obj::<PayloadObj>(vm, &args, "payload")?;
    Ok(Ret::Vals(p.vals.clone()))
}

fn payload_format(vm: &mut Vm, args: Vals) -> NResult {
    check_obj::<PayloadObj>(vm, &args, "payload")?;
    let s = str_value(vm, "lua/any");
    rets![s]
}

/// `__index` of `MESSAGE_META`: the metatable itself, which holds the
/// methods (one table per process instead of two).
fn message_methods(vm: &mut Vm) -> Value {
    Value::Table(vm.lib_table(&MESSAGE_META))
}

/// `__index` of `PAYLOAD_META`: the metatable itself, which holds the
/// methods (one table per process instead of two).
fn payload_methods(vm: &mut Vm) -> Value {
    Value::Table(vm.lib_table(&PAYLOAD_META))
}
