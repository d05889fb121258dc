//! `require("time")`: durations (nanosecond integers, Go-style strings
//! such as `"1h30m"`), and the waiting half of the module — `sleep`,
//! `after`, `timer`, `ticker` — whose channels mix with any other in
//! `channel.select` (spec/channels.md §4). A timer fires through the
//! runtime's timer thread as a signal to this process; `sleep` parks only
//! the calling coroutine, never the worker thread.
//!
//! Timer channels deliver the firing time as nanoseconds since the Unix
//! epoch (an integer).

use crate::args::{self, arg};
use crate::channel::{check_can_block, need_local};
use wlua_sched::channel::{self as ch, Owner};
use wlua_sched::local::TimerTarget;
use wlua_vm::lazy::{TValue, Template};
use wlua_vm::func::Ret;
use wlua_vm::gc::Gc;
use wlua_vm::value::UserData;
use wlua_vm::{LuaError, NResult, Vals, Value, Vm, rets};

const NS: i64 = 1;
const US: i64 = 1_000;
const MS: i64 = 1_000_000;
const S: i64 = 1_000_000_000;
const MIN: i64 = 60 * S;
const H: i64 = 60 * MIN;

/// Registry key of the timer metatable.
pub const TIMER_META_KEY: &str = "wlua.timer";

/// `package.preload.time`.
pub fn loader(vm: &mut Vm, _args: Vals) -> NResult {
    let m = vm.lib_table(&LIB);
    rets![Value::Table(m)]
}

/// The `time` module table, built on demand (wlua_vm::lazy).
pub static LIB: Template = Template {
    name: "time",
    entries: &[
        ("sleep", TValue::Fn(sleep)),
        ("after", TValue::Fn(after)),
        ("timer", TValue::Fn(timer)),
        ("ticker", TValue::Fn(ticker)),
        ("parse_duration", TValue::Fn(parse_duration_fn)),
        ("NANOSECOND", TValue::Int(NS)),
        ("MICROSECOND", TValue::Int(US)),
        ("MILLISECOND", TValue::Int(MS)),
        ("SECOND", TValue::Int(S)),
        ("MINUTE", TValue::Int(MIN)),
        ("HOUR", TValue::Int(H)),
    ],
    init: None,
};

/// The metatable of Timer and Ticker objects (registry key
/// `TIMER_META_KEY`).
pub static TIMER_META: Template = Template {
    name: "timer metatable",
    entries: &[
        ("__index", TValue::Build(timer_methods)),
        ("response", TValue::Fn(timer_channel)),
        ("channel", TValue::Fn(timer_channel)),
        ("stop", TValue::Fn(timer_stop)),
        ("reset", TValue::Fn(timer_reset)),
        ("__name", TValue::Str("timer")),
    ],
    init: None,
};

/// Parses a Go-style duration: `"300ms"`, `"-1.5h"`, `"2h45m"`; units
/// `ns us µs ms s m h`. Returns nanoseconds.
pub fn parse_duration(s: &str) -> Result<i64, String> {
    let bad = || format!("invalid duration \"{s}\"");
    let mut rest = s;
    let mut neg = false;
    if let Some(r) = rest.strip_prefix('-') {
        neg = true;
        rest = r;
    } else if let Some(r) = rest.strip_prefix('+') {
        rest = r;
    }
    if rest == "0" {
        return Ok(0);
    }
    if rest.is_empty() {
        return Err(bad());
    }
    let mut total: f64 = 0.0;
    while !rest.is_empty() {
        let num_len = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let num = &rest[..num_len];
        if num.is_empty() || num == "." || num.matches('.').count() > 1 {
            return Err(bad());
        }
        let x: f64 = num.parse().map_err(|_| bad())?;
        rest = &rest[num_len..];
        let unit_len = rest
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(rest.len());
        let unit = match &rest[..unit_len] {
            "ns" => NS,
            "us" | "µs" | "μs" => US,
            "ms" => MS,
            "s" => S,
            "m" => MIN,
            "h" => H,
            "" => return Err(format!("missing unit in duration \"{s}\"")),
            u => return Err(format!("unknown unit \"{u}\" in duration \"{s}\"")),
        };
        rest = &rest[unit_len..];
        total += x * unit as f64;
    }
    if total > i64::MAX as f64 {
        return Err(bad());
    }
    let ns = total.round() as i64;
    Ok(if neg { -ns } else { ns })
}

/// A duration argument: integer nanoseconds, a float (rounded), or a
/// duration string.
pub fn duration_arg(vm: &mut Vm, args: &Vals, i: usize) -> Result<i64, String> {
    match arg(args, i) {
        Value::Int(n) => Ok(n),
        Value::Float(f) if f.is_finite() => Ok(f.round() as i64),
        Value::Str(s) => parse_duration(&s.get().to_str_lossy()),
        other => Err(format!(
            "duration expected (nanoseconds or a string such as \"1s\"), got {}",
            vm.type_name_meta(&other)
        )),
    }
}

fn ns_to_std(ns: i64) -> std::time::Duration {
    std::time::Duration::from_nanos(ns.max(0) as u64)
}

fn invalid(vm: &mut Vm, msg: &str) -> NResult {
    let e = crate::errors::new_error(vm, "INVALID", msg);
    rets![Value::Nil, e]
}

fn sleep(vm: &mut Vm, args: Vals) -> NResult {
    let ns = duration_arg(vm, &args, 0).map_err(|m| LuaError::arg(1, m))?;
    if ns <= 0 {
        return rets![];
    }
    check_can_block(vm)?;
    let l = need_local(vm)?;
    let (rt, me) = match (&l.rt, &l.me) {
        (Some(rt), Some(me)) => (rt.clone(), me.id),
        _ => return Err(LuaError::msg("no process runtime (sleep needs one)")),
    };
    let id = rt.add_timer(me, ns_to_std(ns), None);
    let w = l.current_waiter(None);
    l.timers.insert(id, TimerTarget::Sleep(w));
    l.block_current("sleep");
    Ok(Ret::Block)
}

/// Starts a timer whose channel gets the firing time.
fn start_timer(vm: &mut Vm, ns: i64, period: bool) -> Result<(Value, u64), LuaError> {
    let chv = ch::new_channel(vm, 1, Owner::Runtime("timer"));
    let l = need_local(vm)?;
    let (rt, me) = match (&l.rt, &l.me) {
        (Some(rt), Some(me)) => (rt.clone(), me.id),
        _ => return Err(LuaError::msg("no process runtime (timers need one)")),
    };
    let d = ns_to_std(ns);
    let id = rt.add_timer(me, d, period.then_some(d));
    let target = if period {
        TimerTarget::Ticker(chv)
    } else {
        TimerTarget::Channel(chv)
    };
    l.timers.insert(id, target);
    Ok((chv, id))
}

fn after(vm: &mut Vm, args: Vals) -> NResult {
    let ns = duration_arg(vm, &args, 0).map_err(|m| LuaError::arg(1, m))?;
    let (chv, _) = start_timer(vm, ns.max(0), false)?;
    rets![chv]
}

/// A Timer or Ticker object.
struct TimerObj {
    id: u64,
    chan: Value,
    ticker: bool,
}

// SAFETY: `chan` points into the heap that owns this userdata.
unsafe impl Send for TimerObj {}

fn trace_timer(data: &dyn std::any::Any, mark: &mut dyn FnMut(Value)) {
    if let Some(t) = data.downcast_ref::<TimerObj>() {
        mark(t.chan);
    }
}

fn timer_object(vm: &mut Vm, ns: i64, ticker: bool) -> NResult {
    if ns <= 0 {
        let what = if ticker { "ticker" } else { "timer" };
        return invalid(vm, &format!("{what} duration must be positive"));
    }
    let (chan, id) = start_timer(vm, ns, ticker)?;
    let meta = match vm.raw_get_str(vm.registry, TIMER_META_KEY) {
        Value::Table(t) => Some(t),
        _ => None,
    };
    let obj = TimerObj { id, chan, ticker };
    let v = vm.new_userdata_traced(Box::new(obj), meta, trace_timer);
    rets![v]
}

fn timer(vm: &mut Vm, args: Vals) -> NResult {
    match duration_arg(vm, &args, 0) {
        Ok(ns) => timer_object(vm, ns, false),
        Err(m) => invalid(vm, &m),
    }
}

fn ticker(vm: &mut Vm, args: Vals) -> NResult {
    match duration_arg(vm, &args, 0) {
        Ok(ns) => timer_object(vm, ns, true),
        Err(m) => invalid(vm, &m),
    }
}

fn check_timer(vm: &Vm, args: &Vals) -> Result<&'static mut TimerObj, LuaError> {
    if let Value::UserData(u) = arg(args, 0) {
        let u: Gc<UserData> = u;
        if let Some(t) = u.get_mut().data.downcast_mut::<TimerObj>() {
            // SAFETY: the userdata lives while the caller holds it.
            return Ok(unsafe { &mut *(t as *mut TimerObj) });
        }
    }
    Err(args::type_error(vm, args, 0, "timer"))
}

fn timer_channel(vm: &mut Vm, args: Vals) -> NResult {
    let t = check_timer(vm, &args)?;
    rets![t.chan]
}

/// Stops the timer: true when it was still pending.
fn stop_pending(vm: &mut Vm, t: &TimerObj) -> Result<bool, LuaError> {
    let l = need_local(vm)?;
    let pending = l.timers.remove(&t.id).is_some();
    if pending {
        if let Some(rt) = &l.rt {
            rt.timers.cancel(t.id);
        }
    }
    Ok(pending)
}

fn timer_stop(vm: &mut Vm, args: Vals) -> NResult {
    let t = check_timer(vm, &args)?;
    let was = stop_pending(vm, t)?;
    rets![Value::Bool(was)]
}

fn timer_reset(vm: &mut Vm, args: Vals) -> NResult {
    let t = check_timer(vm, &args)?;
    let ns = match duration_arg(vm, &args, 1) {
        Ok(ns) if ns > 0 => ns,
        Ok(_) => return invalid(vm, "timer duration must be positive"),
        Err(m) => return invalid(vm, &m),
    };
    let was = stop_pending(vm, t)?;
    let l = need_local(vm)?;
    let (rt, me) = match (&l.rt, &l.me) {
        (Some(rt), Some(me)) => (rt.clone(), me.id),
        _ => return Err(LuaError::msg("no process runtime (timers need one)")),
    };
    let d = ns_to_std(ns);
    let id = rt.add_timer(me, d, t.ticker.then_some(d));
    let target = if t.ticker {
        TimerTarget::Ticker(t.chan)
    } else {
        TimerTarget::Channel(t.chan)
    };
    l.timers.insert(id, target);
    t.id = id;
    rets![Value::Bool(was)]
}

fn parse_duration_fn(vm: &mut Vm, args: Vals) -> NResult {
    match duration_arg(vm, &args, 0) {
        Ok(ns) => rets![Value::Int(ns)],
        Err(m) => invalid(vm, &m),
    }
}

#[cfg(test)]
mod tests {
    use super::parse_duration;

    #[test]
    fn go_durations() {
        assert_eq!(parse_duration("150ms"), Ok(150_000_000));
        assert_eq!(parse_duration("2m30s"), Ok(150_000_000_000));
        assert_eq!(parse_duration("1h30m45s500ms"), Ok(5_445_500_000_000));
        assert_eq!(parse_duration("1.5s"), Ok(1_500_000_000));
        assert_eq!(parse_duration("-2us"), Ok(-2_000));
        assert_eq!(parse_duration("0"), Ok(0));
        assert!(parse_duration("").is_err());
        assert!(parse_duration("5").is_err());
        assert!(parse_duration("5x").is_err());
        assert!(parse_duration("1..2s").is_err());
    }
}

/// `__index` of `TIMER_META`: the metatable itself, which holds the
/// methods (one table per process instead of two).
fn timer_methods(vm: &mut Vm) -> Value {
    Value::Table(vm.lib_table(&TIMER_META))
}
