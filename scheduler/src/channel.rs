//! Channels: Go-style queues between the tasks of one process
//! (spec/channels.md). A channel is a userdata holding a [`Chan`]; the
//! runtime's own sources (inbox, events, listeners, timers) are channels too,
//! so `channel.select` waits on any mix of them.
//!
//! Waiting tasks are queued on the channel as [`Waiter`]s. A waiter is stale
//! once its task has been woken by something else (its generation moved on),
//! which is how a `select` withdraws from every other case at once.

use crate::local::{Local, TaskId, Wake};
use crate::process::Envelope;
use std::collections::VecDeque;
use wlua_vm::value::UserData;
use wlua_vm::{Gc, Value, Vm};

/// Registry key of the metatable every channel shares.
pub const CHANNEL_META_KEY: &str = "wlua.channel";
/// Registry key of the metatable of select cases.
pub const CASE_META_KEY: &str = "wlua.case";

/// Who may close a channel: programs close their own; the runtime's
/// sources (inbox, events, timers) refuse.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Owner {
    User,
    Runtime(&'static str),
}

#[derive(Clone, Copy, Debug)]
pub struct Waiter {
    pub task: TaskId,
    pub epoch: u32,
    /// The case index when the task waits in a `select`.
    pub case: Option<u32>,
}

/// What a channel's buffer holds: a value, or a message from another
/// process not yet made into a Lua value. Messages are built when they are
/// received, so a backlog in an inbox costs the collector nothing (it is
/// neither traced nor counted in the heap).
pub enum Item {
    Val(Value),
    Msg(Box<Envelope>),
}

pub struct Chan {
    pub cap: usize,
    /// Buffered items, oldest first; change only through `push`/`pop`,
    /// which keep `nvals`.
    buf: VecDeque<Item>,
    /// How many of `buf` are values (the collector traces only those: an
    /// inbox with a backlog of messages holds none, and a collection must
    /// not walk the backlog).
    nvals: usize,
    pub closed: bool,
    pub recvq: VecDeque<Waiter>,
    pub sendq: VecDeque<(Waiter, Value)>,
    pub owner: Owner,
}

impl Chan {
    fn push(&mut self, it: Item) {
        if matches!(it, Item::Val(_)) {
            self.nvals += 1;
        }
        self.buf.push_back(it);
    }

    fn pop(&mut self) -> Option<Item> {
        let it = self.buf.pop_front()?;
        if matches!(it, Item::Val(_)) {
            self.nvals -= 1;
        }
        if self.buf.is_empty() && self.buf.capacity() > 256 {
            // A drained backlog gives its memory back.
            self.buf = VecDeque::new();
        }
        Some(it)
    }

    /// Items waiting in the buffer.
    pub fn len(&self) -> usize {
        self.buf.len()
    }

    pub fn is_empty(&self) -> bool {
        self.buf.is_empty()
    }

    /// Queues a message from another process as it is (see [`Item`]);
    /// false when the channel is closed or full and it was dropped.
    pub fn queue_message(&mut self, env: Box<Envelope>) -> bool {
        if self.closed || self.buf.len() >= self.cap {
            return false;
        }
        self.push(Item::Msg(env));
        true
    }
}

// SAFETY: a channel's values point into the heap that owns the channel;
// they move between threads only with that heap's Vm.
unsafe impl Send for Chan {}
unsafe impl Send for Case {}

fn trace_chan(data: &dyn std::any::Any, mark: &mut dyn FnMut(Value)) {
    if let Some(c) = data.downcast_ref::<Chan>() {
        if c.nvals > 0 {
            for it in c.buf.iter() {
                if let Item::Val(v) = it {
                    mark(*v);
                }
            }
        }
        for (_, v) in c.sendq.iter() {
            mark(*v);
        }
    }
}

/// A select case: `ch:case_receive()` or `ch:case_send(v)`.
pub struct Case {
    pub chan: Value,
    pub send: Option<Value>,
}

fn trace_case(data: &dyn std::any::Any, mark: &mut dyn FnMut(Value)) {
    if let Some(c) = data.downcast_ref::<Case>() {
        mark(c.chan);
        if let Some(v) = c.send {
            mark(v);
        }
    }
}

fn registry_meta(vm: &mut Vm, key: &str) -> Option<Gc<wlua_vm::Table>> {
    match vm.raw_get_str(vm.registry, key) {
        Value::Table(t) => Some(t),
        _ => None,
    }
}

/// A new channel value with room for `cap` buffered values.
pub fn new_channel(vm: &mut Vm, cap: usize, owner: Owner) -> Value {
    let meta = registry_meta(vm, CHANNEL_META_KEY);
    let chan = Chan {
        cap,
        buf: VecDeque::new(),
        nvals: 0,
        closed: false,
        recvq: VecDeque::new(),
        sendq: VecDeque::new(),
        owner,
    };
    vm.new_userdata_traced(Box::new(chan), meta, trace_chan)
}

pub fn new_case(vm: &mut Vm, chan: Value, send: Option<Value>) -> Value {
    let meta = registry_meta(vm, CASE_META_KEY);
    vm.new_userdata_traced(Box::new(Case { chan, send }), meta, trace_case)
}

/// The channel a value holds, if it is one.
pub fn as_chan(v: &Value) -> Option<&'static mut Chan> {
    match v {
        Value::UserData(u) => chan_of(*u),
        _ => None,
    }
}

fn chan_of(u: Gc<UserData>) -> Option<&'static mut Chan> {
    // SAFETY (Gc::get_mut's contract): the heap owns the userdata, which
    // stays alive while the caller holds its value; the process is
    // single-threaded and callers do not hold two references to one channel.
    let c = u.get_mut().data.downcast_mut::<Chan>()?;
    Some(unsafe { &mut *(c as *mut Chan) })
}

pub fn as_case(v: &Value) -> Option<&'static Case> {
    match v {
        Value::UserData(u) => {
            let c = u.get().data.downcast_ref::<Case>()?;
            // SAFETY: as for `chan_of`: the heap keeps the userdata alive
            // while the caller holds the value.
            Some(unsafe { &*(c as *const Case) })
        }
        _ => None,
    }
}

fn pop_live_receiver(local: &Local, ch: &mut Chan) -> Option<Waiter> {
    while let Some(w) = ch.recvq.pop_front() {
        if local.is_waiting(w) {
            return Some(w);
        }
    }
    None
}

fn pop_live_sender(local: &Local, ch: &mut Chan) -> Option<(Waiter, Value)> {
    while let Some((w, v)) = ch.sendq.pop_front() {
        if local.is_waiting(w) {
            return Some((w, v));
        }
    }
    None
}

fn wake_sender(local: &mut Local, chv: Value, w: Waiter, v: Value) {
    let wake = match w.case {
        Some(case) => Wake::Select {
            case,
            chan: chv,
            value: v,
            ok: true,
        },
        None => Wake::Vals(smallvec::smallvec![Value::Bool(true)]),
    };
    local.wake(w, wake);
}

fn wake_receiver(local: &mut Local, chv: Value, w: Waiter, v: Value, ok: bool) {
    let wake = match w.case {
        Some(case) => Wake::Select {
            case,
            chan: chv,
            value: v,
            ok,
        },
        None => Wake::Vals(smallvec::smallvec![v, Value::Bool(ok)]),
    };
    local.wake(w, wake);
}

/// Receives without waiting: `Some((item, ok))` when a value (or the end
/// of a closed channel) is there. A message item becomes a value with
/// `msgobj::item_value`.
pub fn try_recv(local: &mut Local, chv: Value, ch: &mut Chan) -> Option<(Item, bool)> {
    if let Some(it) = ch.pop() {
        // A sender waiting for room moves its value into the buffer.
        if let Some((w, sv)) = pop_live_sender(local, ch) {
            ch.push(Item::Val(sv));
            wake_sender(local, chv, w, sv);
        }
        return Some((it, true));
    }
    if let Some((w, sv)) = pop_live_sender(local, ch) {
        wake_sender(local, chv, w, sv);
        return Some((Item::Val(sv), true));
    }
    if ch.closed {
        return Some((Item::Val(Value::Nil), false));
    }
    None
}

/// Whether a task waits to receive (stale waiters at the front are
/// dropped on the way).
pub fn has_receiver(local: &Local, ch: &mut Chan) -> bool {
    while let Some(&w) = ch.recvq.front() {
        if local.is_waiting(w) {
            return true;
        }
        ch.recvq.pop_front();
    }
    false
}

/// Sends without waiting: `Ok(true)` when a receiver took the value or the
/// buffer had room, `Err(())` when the channel is closed.
pub fn try_send(local: &mut Local, chv: Value, ch: &mut Chan, v: Value) -> Result<bool, ()> {
    if ch.closed {
        return Err(());
    }
    if let Some(w) = pop_live_receiver(local, ch) {
        wake_receiver(local, chv, w, v, true);
        return Ok(true);
    }
    if ch.buf.len() < ch.cap {
        ch.push(Item::Val(v));
        return Ok(true);
    }
    Ok(false)
}

/// Whether a receive would complete now (a value, a waiting sender, or
/// closed).
pub fn recv_ready(local: &Local, ch: &Chan) -> bool {
    !ch.buf.is_empty() || ch.closed || ch.sendq.iter().any(|(w, _)| local.is_waiting(*w))
}

/// Whether a send would complete (or raise) now.
pub fn send_ready(local: &Local, ch: &Chan) -> bool {
    ch.closed || ch.buf.len() < ch.cap || ch.recvq.iter().any(|w| local.is_waiting(*w))
}

/// Closes: receivers waiting get `nil, false`, senders waiting get the
/// closed-channel error.
pub fn close(local: &mut Local, chv: Value, ch: &mut Chan) {
    if ch.closed {
        return;
    }
    ch.closed = true;
    while let Some(w) = pop_live_receiver(local, ch) {
        wake_receiver(local, chv, w, Value::Nil, false);
    }
    while let Some((w, _)) = pop_live_sender(local, ch) {
        local.wake(w, Wake::Error(SEND_ON_CLOSED.into()));
    }
}

pub const SEND_ON_CLOSED: &str = "send on closed channel";

/// Delivers a value from the runtime (a message, an event, a tick) into a
/// runtime-owned channel: to a waiting receiver, else into the buffer
/// while there is room. Returns false when the value was dropped.
pub fn deliver(local: &mut Local, chv: Value, v: Value) -> bool {
    match as_chan(&chv) {
        Some(ch) => matches!(try_send(local, chv, ch, v), Ok(true)),
        None => false,
    }
}
