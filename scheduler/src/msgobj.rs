//! What a process receives, as Lua values: Message objects (`msg:topic()`,
//! `msg:from()`, `msg:payload():data()`), Payload objects, and event tables
//! (`{kind, from, result = {value, error}, reason}`), built in the
//! receiver's heap from copied [`Message`]s. The methods are natives in the
//! stdlib's process module, found through the registry metatables.

use crate::message::{self, Message};
use crate::process::{ExitResult, pid_string};
use wlua_vm::{Gc, Table, Value, Vm};

/// Registry keys of the metatables of Message and Payload objects.
pub const MESSAGE_META_KEY: &str = "wlua.message";
pub const PAYLOAD_META_KEY: &str = "wlua.payload";

/// The Rust side of a Message object; its payload values live in the
/// userdata's user value (a sequence with `n`).
pub struct MsgObj {
    pub topic: String,
    pub from: Option<u64>,
}

/// The Rust side of a Payload object; the values live in the user value.
pub struct PayloadObj;

fn meta(vm: &mut Vm, key: &str) -> Option<Gc<Table>> {
    match vm.raw_get_str(vm.registry, key) {
        Value::Table(t) => Some(t),
        _ => None,
    }
}

/// A sequence table `{v1, ..., n = #vals}` holding payload values.
pub fn pack(vm: &mut Vm, vals: &[Value]) -> Value {
    let t = vm.new_table_sized(vals.len(), 1);
    for (i, v) in vals.iter().enumerate() {
        t.get_mut().set_int(i as i64 + 1, *v);
    }
    vm.raw_set_str(t, "n", Value::Int(vals.len() as i64));
    Value::Table(t)
}

pub fn new_message(vm: &mut Vm, from: Option<u64>, topic: &str, payload: &Message) -> Value {
    let vals = message::decode(vm, payload);
    let packed = pack(vm, &vals);
    let meta = meta(vm, MESSAGE_META_KEY);
    let obj = MsgObj {
        topic: topic.to_string(),
        from,
    };
    let u = vm.new_userdata(Box::new(obj), meta);
    if let Value::UserData(g) = u {
        g.get_mut().user_value = packed;
    }
    u
}

/// A Payload object over a packed value sequence.
pub fn new_payload(vm: &mut Vm, packed: Value) -> Value {
    let meta = meta(vm, PAYLOAD_META_KEY);
    let u = vm.new_userdata(Box::new(PayloadObj), meta);
    if let Value::UserData(g) = u {
        g.get_mut().user_value = packed;
    }
    u
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
