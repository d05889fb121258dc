//! The inside of one process, kept in `Vm::ext`: its tasks (the main
//! function and every `coroutine.spawn` coroutine), which of them are ready,
//! the process's runtime channels (inbox, events, topic listeners), its
//! timers, and `step`, which runs ready tasks until the process must wait,
//! is preempted or ends.
//!
//! A task is a root Lua thread plus the chain of coroutines it resumed; a
//! blocking native (`receive`, `send`, `select`, `sleep`) queues a waiter
//! and returns `Ret::Block`, the VM stops with `Exit::Blocked`, and the task
//! is parked here until a channel operation or the runtime wakes it with
//! the call's results. Tasks of one process never run in parallel and
//! switch only when the running one blocks (spec/channels.md §3).

use crate::channel::{self, Owner, Waiter};
use crate::message::{self, Message};
use crate::process::{Envelope, ExitResult, ProcessHandle, Signal};
use crate::runtime::Runtime;
use hashbrown::HashMap;
use std::collections::VecDeque;
use std::sync::Arc;
use wlua_vm::thread::Thread;
use wlua_vm::{Exit, Extension, Gc, LuaError, Vals, Value, Vm};

pub type TaskId = u32;

/// The results a woken call returns (at most two in practice).
pub type WakeVals = smallvec::SmallVec<[Value; 2]>;

/// What wakes a parked task: the results of its blocking call, an error
/// to raise there, or the case of a `select` that fired.
pub enum Wake {
    Vals(WakeVals),
    Error(String),
    Select {
        case: u32,
        chan: Value,
        value: Value,
        ok: bool,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum TaskState {
    Ready,
    Running,
    Blocked,
}

struct Task {
    thread: Gc<Thread>,
    resumers: Vec<Gc<Thread>>,
    epoch: u32,
    state: TaskState,
    wake: Option<Wake>,
    /// Not started yet: the function and its arguments.
    entry: Option<Box<(Value, Vals)>>,
}

/// Where a fired timer goes.
pub enum TimerTarget {
    /// One value into a channel (`time.after`, timers).
    Channel(Value),
    /// Every period into a channel, dropped when it is full (tickers).
    Ticker(Value),
    /// Wake a sleeping task.
    Sleep(Waiter),
}

/// How a step ended.
pub enum StepOutcome {
    /// The budget ran out with work left.
    Preempted,
    /// Every task waits.
    Waiting,
    /// The process ended.
    Exited(ExitResult),
}

pub struct Local {
    tasks: Vec<Option<Task>>,
    free: Vec<TaskId>,
    runq: VecDeque<TaskId>,
    /// The task the VM is in the middle of (preempted).
    current: Option<TaskId>,
    main_task: TaskId,
    /// For module entries: the field of the module's table to call next.
    pub entry_field: Option<Box<(String, Vals)>>,
    rng: u64,
    pub inbox: Option<Value>,
    pub events: Option<Value>,
    pub listeners: SparseMap<Vec<u8>, (Value, bool)>,
    pub timers: SparseMap<u64, TimerTarget>,
    /// Processes this one monitors (EXIT events from others are dropped).
    pub monitoring: SparseMap<u64, ()>,
    /// `process.exec` calls waiting for a child's exit.
    pub exec_waiters: SparseMap<u64, Waiter>,
    /// Calls parked on blocking-pool jobs, by job id.
    pub io_waiters: SparseMap<u64, (Waiter, crate::blocking::Finish)>,
    pub trap_links: bool,
    /// The process this state belongs to, and its runtime.
    pub me: Option<Arc<ProcessHandle>>,
    pub rt: Option<Arc<Runtime>>,
    /// What the last blocking call waits on, for the deadlock report.
    pub waiting_on: &'static str,
    /// The emptied signal buffer, swapped with the mailbox at each drain.
    spare: VecDeque<Signal>,
    /// Values reused across messages (traced): most processes talk to a
    /// few peers about a few topics, so one entry each saves building the
    /// same strings per message.
    pub cache: MsgCache,
}

/// See [`Local::cache`].
#[derive(Default)]
pub struct MsgCache {
    /// The last topic string delivered.
    pub topic: Option<Value>,
    /// The last sender asked for by `msg:from()`, and its PID string.
    pub from: Option<(u64, Value)>,
    /// The metatables of Message and Payload objects.
    pub msg_meta: Option<Gc<wlua_vm::Table>>,
    pub payload_meta: Option<Gc<wlua_vm::Table>>,
}

// SAFETY: the values in a Local point into its process's heap, and the
// Local moves between threads only inside that process's Vm (as a whole).
unsafe impl Send for Local {}

impl Extension for Local {
    fn trace(&self, mark: &mut dyn FnMut(Value)) {
        for t in self.tasks.iter().flatten() {
            mark(Value::Thread(t.thread));
            for r in &t.resumers {
                mark(Value::Thread(*r));
            }
            match &t.wake {
                Some(Wake::Vals(v)) => v.iter().for_each(|v| mark(*v)),
                Some(Wake::Select { chan, value, .. }) => {
                    mark(*chan);
                    mark(*value);
                }
                _ => {}
            }
            if let Some(e) = &t.entry {
                let (f, args) = &**e;
                mark(*f);
                args.iter().for_each(|v| mark(*v));
            }
        }
        if let Some(e) = &self.entry_field {
            let (_, args) = &**e;
            args.iter().for_each(|v| mark(*v));
        }
        for v in [self.inbox, self.events].into_iter().flatten() {
            mark(v);
        }
        let c = &self.cache;
        for v in [c.topic, c.from.map(|(_, v)| v)].into_iter().flatten() {
            mark(v);
        }
        for t in [c.msg_meta, c.payload_meta].into_iter().flatten() {
            mark(Value::Table(t));
        }
        for (v, _) in self.listeners.values() {
            mark(*v);
        }
        for t in self.timers.values() {
            if let TimerTarget::Channel(v) | TimerTarget::Ticker(v) = t {
                mark(*v);
            }
        }
    }
}

/// The process state of a VM, when it runs as a process.
/// Makes the value a timer channel delivers from the firing time
/// (nanoseconds since the Unix epoch). The stdlib sets it to build `time`
/// Time objects (the scheduler knows nothing of them); unset, channels get
/// the integer.
pub static TIME_VALUE: std::sync::OnceLock<fn(&mut Vm, i64) -> Value> = std::sync::OnceLock::new();

pub fn local(vm: &mut Vm) -> Option<&'static mut Local> {
    let l = vm.ext_mut::<Local>()?;
    // SAFETY: `Local` lives in a Box owned by the Vm for the Vm's whole
    // life; natives use it while also using the Vm, never across a drop.
    Some(unsafe { &mut *(l as *mut Local) })
}

impl Local {
    /// Installs the process state in `vm` with `f(args)` as the main task.
    pub fn install(vm: &mut Vm, f: Value, args: Vals, seed: u64) {
        let main = Task {
            thread: vm.main,
            resumers: Vec::new(),
            epoch: 0,
            state: TaskState::Ready,
            wake: None,
            entry: Some(Box::new((f, args))),
        };
        let mut runq = VecDeque::with_capacity(1);
        runq.push_back(0);
        let mut tasks = Vec::with_capacity(1);
        tasks.push(Some(main));
        vm.set_ext(Some(Box::new(Local {
            tasks,
            free: Vec::new(),
            runq,
            current: None,
            main_task: 0,
            entry_field: None,
            rng: seed | 1,
            inbox: None,
            events: None,
            listeners: SparseMap::default(),
            timers: SparseMap::default(),
            monitoring: SparseMap::default(),
            exec_waiters: SparseMap::default(),
            io_waiters: SparseMap::default(),
            trap_links: false,
            me: None,
            rt: None,
            waiting_on: "",
            spare: VecDeque::new(),
            cache: MsgCache::default(),
        })));
    }

    /// A uniformly random index below `n` (select's choice).
    pub fn random_below(&mut self, n: usize) -> usize {
        // xorshift64*: uniform enough for choosing among ready cases.
        let mut x = self.rng;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.rng = x;
        let r = x.wrapping_mul(0x2545F4914F6CDD1D);
        ((r >> 32) as usize * n) >> 32
    }

    /// The running task (natives call this to queue a waiter).
    pub fn current_waiter(&self, case: Option<u32>) -> Waiter {
        let id = self.current.expect("a running task");
        let t = self.tasks[id as usize].as_ref().expect("live task");
        Waiter {
            task: id,
            epoch: t.epoch,
            case,
        }
    }

    /// Whether the task a waiter names is still parked on that wait.
    pub fn is_waiting(&self, w: Waiter) -> bool {
        match self.tasks.get(w.task as usize) {
            Some(Some(t)) => t.epoch == w.epoch && t.state == TaskState::Blocked,
            _ => false,
        }
    }

    /// Readies a parked task with its wake-up.
    pub fn wake(&mut self, w: Waiter, wake: Wake) {
        if !self.is_waiting(w) {
            return;
        }
        let t = self.tasks[w.task as usize].as_mut().expect("live task");
        t.epoch = t.epoch.wrapping_add(1);
        t.state = TaskState::Ready;
        t.wake = Some(wake);
        self.runq.push_back(w.task);
    }

    /// Marks the running task as about to park (its native returns
    /// `Ret::Block` next).
    pub fn block_current(&mut self, what: &'static str) {
        let id = self.current.expect("a running task");
        self.tasks[id as usize].as_mut().expect("live task").state = TaskState::Blocked;
        self.waiting_on = what;
    }

    /// Adds a task running `f(args)`; it first runs when the running task
    /// blocks.
    pub fn spawn_task(&mut self, th: Gc<Thread>, f: Value, args: Vals) -> TaskId {
        let task = Task {
            thread: th,
            resumers: Vec::new(),
            epoch: 0,
            state: TaskState::Ready,
            wake: None,
            entry: Some(Box::new((f, args))),
        };
        let id = match self.free.pop() {
            Some(id) => {
                self.tasks[id as usize] = Some(task);
                id
            }
            None => {
                self.tasks.push(Some(task));
                (self.tasks.len() - 1) as TaskId
            }
        };
        self.runq.push_back(id);
        id
    }

    pub fn is_main_task(&self) -> bool {
        self.current == Some(self.main_task)
    }

    /// Number of tasks alive (running, ready or parked).
    pub fn task_count(&self) -> usize {
        self.tasks.iter().flatten().count()
    }
}

/// Runs ready tasks until every task waits, the budget runs out, or the
/// process ends.
pub fn step(vm: &mut Vm) -> StepOutcome {
    if let Some(end) = drain_signals(vm) {
        return StepOutcome::Exited(end);
    }
    loop {
        let l = local(vm).expect("process state");
        let (id, r) = match l.current {
            Some(id) => (id, vm.resume_run()),
            None => {
                let Some(id) = l.runq.pop_front() else {
                    return StepOutcome::Waiting;
                };
                let Some(task) = l.tasks[id as usize].as_mut() else {
                    continue;
                };
                if task.state != TaskState::Ready {
                    continue;
                }
                task.state = TaskState::Running;
                l.current = Some(id);
                let resumers = std::mem::take(&mut task.resumers);
                vm.swap_task(task.thread, resumers);
                let entry = task.entry.take();
                let wake = task.wake.take();
                let r = match (entry.map(|e| *e), wake) {
                    (Some((f, args)), _) => vm.run_main(f, &args),
                    (None, Some(Wake::Vals(v))) => vm.resume_blocked(&v),
                    (None, Some(Wake::Error(m))) => vm.resume_blocked_error(LuaError::Msg(m)),
                    (
                        None,
                        Some(Wake::Select {
                            case,
                            chan,
                            value,
                            ok,
                        }),
                    ) => {
                        let t = select_result(vm, Some(case), chan, value, ok);
                        vm.resume_blocked(&[t])
                    }
                    (None, None) => vm.resume_blocked(&[]),
                };
                (id, r)
            }
        };
        let l = local(vm).expect("process state");
        match r {
            Ok(Exit::Preempted) => return StepOutcome::Preempted,
            Ok(Exit::Blocked) => {
                let (th, resumers) = vm.swap_task(vm.main, Vec::new());
                let l = local(vm).expect("process state");
                let task = l.tasks[id as usize].as_mut().expect("live task");
                task.thread = th;
                task.resumers = resumers;
                if task.state == TaskState::Running {
                    // Parked without a waiter: nothing can wake it.
                    task.state = TaskState::Blocked;
                }
                l.current = None;
            }
            Ok(Exit::Done) => {
                l.current = None;
                if id == l.main_task {
                    let results = vm.main_results();
                    let l = local(vm).expect("process state");
                    if let Some((field, args)) = l.entry_field.take().map(|e| *e) {
                        // The module chunk returned its table: call the
                        // entry function in it.
                        match entry_function(vm, &results, &field) {
                            Ok(f) => {
                                let l = local(vm).expect("process state");
                                let t = l.tasks[id as usize].as_mut().expect("main task");
                                t.entry = Some(Box::new((f, args)));
                                t.state = TaskState::Ready;
                                l.runq.push_front(id);
                                continue;
                            }
                            Err(msg) => {
                                let e = crate::error_value::ErrorData {
                                    message: msg,
                                    kind: "INVALID".into(),
                                    retryable: Some(false),
                                    stack: None,
                                };
                                return StepOutcome::Exited(ExitResult::failed(Message::error(e)));
                            }
                        }
                    }
                    return StepOutcome::Exited(normal_exit(vm, &results));
                }
                l.tasks[id as usize] = None;
                l.free.push(id);
                vm.swap_task(vm.main, Vec::new());
            }
            Err(e) => {
                let v = match e {
                    LuaError::Value(v) | LuaError::Runtime(v) => v,
                    other => vm.error_value(other),
                };
                let tb = vm.last_traceback.take();
                let text = lua_error_text(vm, v);
                let mut r = ExitResult::failed(error_message(vm, v, tb.clone()));
                r.report = Some((text, tb.unwrap_or_else(|| "stack traceback:".into())));
                return StepOutcome::Exited(r);
            }
        }
    }
}

fn entry_function(vm: &mut Vm, results: &[Value], field: &str) -> Result<Value, String> {
    match results.first() {
        Some(Value::Table(t)) => {
            let f = vm.raw_get_str(*t, field);
            match f {
                Value::LuaFn(_) | Value::Native(_) | Value::LightFn(_) => Ok(f),
                other => Err(format!(
                    "module has no function '{}' (found {})",
                    field,
                    other.type_name()
                )),
            }
        }
        Some(f @ (Value::LuaFn(_) | Value::Native(_) | Value::LightFn(_))) if field.is_empty() => {
            Ok(*f)
        }
        Some(other) => Err(format!(
            "module returned a {} value, not a table of functions",
            other.type_name()
        )),
        None => Err("module returned nothing".into()),
    }
}

/// The result of a function that returned: normal, unless a second value
/// (an error) came back (spec/wlua-decisions.md, abnormal exit).
fn normal_exit(vm: &mut Vm, results: &[Value]) -> ExitResult {
    let value = results.first().copied().unwrap_or(Value::Nil);
    let err = results.get(1).copied().unwrap_or(Value::Nil);
    let value_msg = message::encode(vm, &[value], "return value #")
        .unwrap_or_else(|e| Message::string(&e.to_string()));
    if err.is_nil() {
        ExitResult::normal(value_msg)
    } else {
        let tb = None;
        let mut r = ExitResult::failed(error_message(vm, err, tb));
        r.value = Some(Arc::new(value_msg));
        r
    }
}

/// An error value as a copyable error: error values travel as they are,
/// anything else becomes an error value whose message is its text.
pub fn error_message(vm: &mut Vm, v: Value, traceback: Option<String>) -> Message {
    if let Ok(m) = message::encode(vm, &[v], "error") {
        if m.is_error(0) {
            return m;
        }
    }
    let text = match v {
        Value::Str(s) => s.get().to_str_lossy().into_owned(),
        Value::Int(_) | Value::Float(_) => match vm.tostring(v) {
            Ok(Value::Str(s)) => s.get().to_str_lossy().into_owned(),
            _ => String::new(),
        },
        Value::Nil => "nil".into(),
        other => match vm.tostring(other) {
            Ok(Value::Str(s)) => s.get().to_str_lossy().into_owned(),
            _ => format!("({} error value)", other.type_name()),
        },
    };
    Message::error(crate::error_value::ErrorData {
        message: text,
        kind: "UNKNOWN".into(),
        retryable: None,
        stack: traceback,
    })
}

/// The message lua.c prints for an uncaught error value (its msghandler):
/// strings and numbers as they are, else a string from `__tostring`, else
/// `(error object is a T value)`.
pub fn lua_error_text(vm: &mut Vm, v: Value) -> String {
    match v {
        Value::Str(s) => s.get().to_str_lossy().into_owned(),
        Value::Int(_) | Value::Float(_) => match vm.tostring(v) {
            Ok(Value::Str(s)) => s.get().to_str_lossy().into_owned(),
            _ => String::new(),
        },
        _ => {
            if let Some(h) = vm.meta_field(&v, "__tostring") {
                if let Ok(r) = vm.call(h, &[v]) {
                    if let Some(Value::Str(s)) = r.first() {
                        return s.get().to_str_lossy().into_owned();
                    }
                }
            }
            format!("(error object is a {} value)", v.type_name())
        }
    }
}

/// The table `channel.select` returns.
pub fn select_result(
    vm: &mut Vm,
    _case: Option<u32>,
    chan: Value,
    value: Value,
    ok: bool,
) -> Value {
    let t = vm.new_table_sized(0, 3);
    vm.raw_set_str(t, "channel", chan);
    vm.raw_set_str(t, "value", value);
    vm.raw_set_str(t, "ok", Value::Bool(ok));
    Value::Table(t)
}

/// Moves what arrived in the mailbox into the process: messages to the
/// inbox or a listener, events to the events channel, timer firings to
/// their channels. Returns an exit when a signal ends the process.
fn drain_signals(vm: &mut Vm) -> Option<ExitResult> {
    let l = local(vm)?;
    let me = l.me.clone()?;
    let mut batch = std::mem::take(&mut l.spare);
    loop {
        me.take_signals_into(&mut batch);
        if batch.is_empty() {
            keep_spare(vm, batch);
            return None;
        }
        while let Some(sig) = batch.pop_front() {
            if let Some(end) = handle_signal(vm, &me, sig) {
                return Some(end);
            }
        }
    }
}

/// From a running native: moves what the mailbox holds into the
/// process's channels now (a poll must see messages already sent). A
/// signal that would end the process is left, with those after it, for
/// the scheduler to handle at the next step. Returns whether anything was
/// delivered.
pub fn poll_signals(vm: &mut Vm) -> bool {
    let Some(l) = local(vm) else {
        return false;
    };
    let Some(me) = l.me.clone() else {
        return false;
    };
    let mut batch = std::mem::take(&mut l.spare);
    me.take_signals_into(&mut batch);
    let mut any = false;
    while let Some(sig) = batch.pop_front() {
        let l = local(vm).expect("process state");
        let fatal = match &sig {
            Signal::Kill { .. } => true,
            Signal::LinkDown { result, .. } => result.abnormal && !l.trap_links,
            _ => false,
        };
        if fatal {
            batch.push_front(sig);
            me.requeue_front(batch);
            return any;
        }
        any = true;
        // Only fatal signals end the process, and they are left above.
        let _ = handle_signal(vm, &me, sig);
    }
    keep_spare(vm, batch);
    any
}

/// Keeps an emptied signal buffer for the next drain, unless a burst grew
/// it large: a process that once had a big backlog should not hold that
/// much memory for the rest of its life.
fn keep_spare(vm: &mut Vm, batch: VecDeque<Signal>) {
    const KEEP: usize = 64;
    let l = local(vm).expect("process state");
    l.spare = if batch.capacity() > KEEP {
        VecDeque::new()
    } else {
        batch
    };
}

fn handle_signal(vm: &mut Vm, me: &Arc<ProcessHandle>, sig: Signal) -> Option<ExitResult> {
    let l = local(vm).expect("process state");
    match sig {
        Signal::Message(env) => {
            let target = l.listeners.get(&env.topic[..]).copied();
            match target {
                Some((ch, false)) => {
                    let vals = message::decode(vm, &env.payload);
                    let v = vals.first().copied().unwrap_or(Value::Nil);
                    let l = local(vm).expect("process state");
                    channel::deliver(l, ch, v);
                }
                Some((ch, true)) => deliver_message(vm, ch, env),
                None => {
                    let ch = inbox(vm);
                    deliver_message(vm, ch, env);
                }
            }
        }
        Signal::Down { from, result } => {
            if let Some(w) = l.exec_waiters.remove(&from) {
                let wake = if result.abnormal {
                    let e = result.error.as_ref().map_or(Value::Nil, |m| {
                        message::decode(vm, m)
                            .first()
                            .copied()
                            .unwrap_or(Value::Nil)
                    });
                    Wake::Vals(smallvec::smallvec![Value::Nil, e])
                } else {
                    let v = result.value.as_ref().map_or(Value::Nil, |m| {
                        message::decode(vm, m)
                            .first()
                            .copied()
                            .unwrap_or(Value::Nil)
                    });
                    Wake::Vals(smallvec::smallvec![v])
                };
                local(vm).expect("process state").wake(w, wake);
            } else if l.monitoring.remove(&from).is_some() {
                let ev = crate::msgobj::new_event(vm, "EXIT", from, Some(&result), None);
                push_event(vm, ev);
            }
        }
        Signal::LinkDown { from, result } => {
            if !me.remove_link(from) || !result.abnormal {
                return None;
            }
            if l.trap_links {
                let ev = crate::msgobj::new_event(vm, "LINK_DOWN", from, Some(&result), None);
                push_event(vm, ev);
            } else {
                let text = result.error_text();
                let e = crate::error_value::ErrorData {
                    message: format!(
                        "linked process {} failed: {}",
                        crate::process::pid_string(from),
                        text
                    ),
                    kind: "CANCELED".into(),
                    retryable: Some(false),
                    stack: None,
                };
                let text = e.message.clone();
                let mut r = ExitResult::failed(Message::error(e));
                r.report = Some((text, String::new()));
                return Some(r);
            }
        }
        Signal::Cancel { from, reason } => {
            let ev = crate::msgobj::new_event(vm, "CANCEL", from, None, Some(&reason));
            push_event(vm, ev);
        }
        Signal::Kill { reason } => {
            let e = crate::error_value::ErrorData {
                message: reason.clone(),
                kind: "CANCELED".into(),
                retryable: Some(false),
                stack: None,
            };
            let mut r = ExitResult::failed(Message::error(e));
            r.report = Some((reason, String::new()));
            return Some(r);
        }
        Signal::IoDone { id, result } => {
            if let Some((w, finish)) = l.io_waiters.remove(&id) {
                let wake = match finish(vm, result) {
                    Ok(v) => Wake::Vals(v),
                    Err(m) => Wake::Error(m),
                };
                local(vm).expect("process state").wake(w, wake);
            }
        }
        Signal::Timer { id } => {
            let now = crate::timer::unix_nanos();
            let stamp = |vm: &mut Vm| match TIME_VALUE.get() {
                Some(make) => make(vm, now),
                None => Value::Int(now),
            };
            match l.timers.get(&id) {
                Some(TimerTarget::Channel(ch)) => {
                    let ch = *ch;
                    l.timers.remove(&id);
                    let v = stamp(vm);
                    channel::deliver(l, ch, v);
                }
                Some(TimerTarget::Ticker(ch)) => {
                    let ch = *ch;
                    let v = stamp(vm);
                    channel::deliver(l, ch, v);
                }
                Some(TimerTarget::Sleep(w)) => {
                    let w = *w;
                    l.timers.remove(&id);
                    l.wake(w, Wake::Vals(WakeVals::new()));
                }
                None => {}
            }
        }
    }
    None
}

/// A message into a runtime channel: made into a Message object now when
/// a task waits for it, else queued as it is (see `channel::Item`).
fn deliver_message(vm: &mut Vm, chv: Value, env: Box<Envelope>) {
    let Some(c) = channel::as_chan(&chv) else {
        return;
    };
    let l = local(vm).expect("process state");
    if channel::has_receiver(l, c) {
        let m = crate::msgobj::new_message(vm, env.from, &env.topic, &env.payload);
        let l = local(vm).expect("process state");
        channel::deliver(l, chv, m);
    } else {
        c.queue_message(env);
    }
}

/// The process's inbox channel, made on first use.
pub fn inbox(vm: &mut Vm) -> Value {
    let l = local(vm).expect("process state");
    if let Some(ch) = l.inbox {
        return ch;
    }
    let ch = channel::new_channel(vm, usize::MAX, Owner::Runtime("inbox"));
    local(vm).expect("process state").inbox = Some(ch);
    ch
}

/// The process's events channel, made on first use.
pub fn events(vm: &mut Vm) -> Value {
    let l = local(vm).expect("process state");
    if let Some(ch) = l.events {
        return ch;
    }
    let ch = channel::new_channel(vm, usize::MAX, Owner::Runtime("events"));
    local(vm).expect("process state").events = Some(ch);
    ch
}

fn push_event(vm: &mut Vm, ev: Value) {
    let ch = events(vm);
    let l = local(vm).expect("process state");
    channel::deliver(l, ch, ev);
}

/// A map most processes never use: no memory until the first insert
/// (a fresh process should cost as little as possible).
pub struct SparseMap<K, V>(Option<Box<HashMap<K, V>>>);

impl<K, V> Default for SparseMap<K, V> {
    fn default() -> Self {
        SparseMap(None)
    }
}

impl<K: std::hash::Hash + Eq, V> SparseMap<K, V> {
    pub fn get<Q>(&self, k: &Q) -> Option<&V>
    where
        K: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ?Sized,
    {
        self.0.as_ref()?.get(k)
    }

    pub fn contains_key<Q>(&self, k: &Q) -> bool
    where
        K: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ?Sized,
    {
        self.get(k).is_some()
    }

    pub fn insert(&mut self, k: K, v: V) -> Option<V> {
        self.0.get_or_insert_with(Default::default).insert(k, v)
    }

    pub fn remove<Q>(&mut self, k: &Q) -> Option<V>
    where
        K: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ?Sized,
    {
        self.0.as_mut()?.remove(k)
    }

    pub fn len(&self) -> usize {
        self.0.as_ref().map_or(0, |m| m.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn retain(&mut self, f: impl FnMut(&K, &mut V) -> bool) {
        if let Some(m) = self.0.as_mut() {
            m.retain(f);
        }
    }

    pub fn keys(&self) -> impl Iterator<Item = &K> {
        self.0.iter().flat_map(|m| m.keys())
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.0.iter().flat_map(|m| m.values())
    }
}
