//! What a process receives, as Lua values: Message objects (`msg:topic()`,
//! `msg:from()`, `msg:payload():data()`), Payload objects, and event tables
//! (`{kind, from, result = {value, error}, reason}`), built in the
//! receiver's heap from copied [`Message`]s. The methods are natives in the
//! stdlib's process module, found through the registry metatables.

use crate::channel::Item;
use crate::local::{MsgCache, local};
use crate::message::{self, Message};
use crate::process::{ExitResult, pid_string};
use wlua_vm::{Gc, Table, Vals, Value, Vm};

/// Registry keys of the metatables of Message and Payload objects.
pub const MESSAGE_META_KEY: &str = "wlua.message";
pub const PAYLOAD_META_KEY: &str = "wlua.payload";

/// The Rust side of a Message object: its topic (a string value), its
/// sender, and its payload values, all in the receiver's heap.
pub struct MsgObj {
    pub topic: Value,
    pub from: Option<u64>,
    pub vals: Vals,
}

/// The Rust side of a Payload object: the payload values.
pub struct PayloadObj {
    pub vals: Vals,
}

// SAFETY: the values point into the heap that owns the userdata; they
// move between threads only with that heap's Vm.
unsafe impl Send for MsgObj {}
unsafe impl Send for PayloadObj {}

fn trace_msg(data: &dyn std::any::Any, mark: &mut dyn FnMut(Value)) {
    if let Some(m) = data.downcast_ref::<MsgObj>() {
        mark(m.topic);
        m.vals.iter().for_each(|v| mark(*v));
    } else if let Some(p) = data.downcast_ref::<PayloadObj>() {
        p.vals.iter().for_each(|v| mark(*v));
    }
}

fn meta(vm: &mut Vm, key: &str) -> Option<Gc<Table>> {
    match vm.raw_get_str(vm.registry, key) {
        Value::Table(t) => Some(t),
        _ => None,
    }
}

/// A registry metatable, looked up once per process and then kept in the
/// process's cache (the lookup interns the key).
fn cached_meta(
    vm: &mut Vm,
    key: &str,
    slot: fn(&mut MsgCache) -> &mut Option<Gc<Table>>,
) -> Option<Gc<Table>> {
    if let Some(l) = local(vm) {
        if let Some(m) = *slot(&mut l.cache) {
            return Some(m);
        }
    }
    let m = meta(vm, key);
    if let Some(l) = local(vm) {
        *slot(&mut l.cache) = m;
    }
    m
}

pub fn new_message(vm: &mut Vm, from: Option<u64>, topic: &[u8], payload: &Message) -> Value {
    let vals = message::decode(vm, payload);
    let topic = topic_value(vm, topic);
    let meta = cached_meta(vm, MESSAGE_META_KEY, |c| &mut c.msg_meta);
    vm.new_userdata_traced(Box::new(MsgObj { topic, from, vals }), meta, trace_msg)
}

/// The topic as a string value, reusing the last one built when it is the
/// same (a process usually hears the same few topics over and over).
fn topic_value(vm: &mut Vm, topic: &[u8]) -> Value {
    if let Some(l) = local(vm) {
        if let Some(v @ Value::Str(s)) = l.cache.topic {
            if s.get().as_bytes() == topic {
                return v;
            }
        }
        let v = vm.new_str(topic);
        local(vm).expect("process state").cache.topic = Some(v);
        return v;
    }
    vm.new_str(topic)
}

/// The value a channel item stands for: a message item becomes its
/// Message object now, in the receiving heap.
pub fn item_value(vm: &mut Vm, it: Item) -> Value {
    match it {
        Item::Val(v) => v,
        Item::Msg(env) => new_message(vm, env.from, &env.topic, &env.payload),
    }
}

/// A Payload object over some values.
pub fn new_payload(vm: &mut Vm, vals: Vals) -> Value {
    let meta = cached_meta(vm, PAYLOAD_META_KEY, |c| &mut c.payload_meta);
    vm.new_userdata_traced(Box::new(PayloadObj { vals }), meta, trace_msg)
}

/// An event table for the events channel.
pub fn new_event(
    vm: &mut Vm,
    kind: &str,
    from: u64,
    result: Option<&ExitResult>,
    reason: Option<&str>,
) -> Value {
    let t = vm.new_table_sized(0, 4);
    let k = vm.new_str(kind);
    vm.raw_set_str(t, "kind", k);
    vm.raw_set_str(t, "type", k);
    let pid = vm.new_str(pid_string(from));
    vm.raw_set_str(t, "from", pid);
    if let Some(r) = result {
        let rt = vm.new_table_sized(0, 2);
        if let Some(v) = &r.value {
            let vals = message::decode(vm, v);
            vm.raw_set_str(rt, "value", vals.first().copied().unwrap_or(Value::Nil));
        }
        if let Some(e) = &r.error {
            let vals = message::decode(vm, e);
            vm.raw_set_str(rt, "error", vals.first().copied().unwrap_or(Value::Nil));
        }
        vm.raw_set_str(t, "result", Value::Table(rt));
    }
    if let Some(reason) = reason {
        let s = vm.new_str(reason);
        vm.raw_set_str(t, "reason", s);
    }
    Value::Table(t)
}
