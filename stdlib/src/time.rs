//! `require("time")` (spec/modules.md §4): Time, Duration and Location
//! objects with Go's semantics, Go-style layouts (timefmt.rs), and the
//! waiting half of the module — `sleep`, `after`, `timer`, `ticker` — whose
//! channels mix with any other in `channel.select` (spec/channels.md §4).
//! A timer fires through the runtime's timer thread as a signal to this
//! process; `sleep` parks only the calling coroutine, never the worker
//! thread.
//!
//! Durations are nanoseconds: everywhere one is accepted, an integer, a
//! float (rounded), a string such as `"1h30m"` or a Duration object will
//! do. Timer channels deliver the firing time as a Time object (the
//! scheduler calls `time_value` through `wlua_sched::local::TIME_VALUE`).
//!
//! Time zones come from the system zoneinfo through `jiff`; calendar
//! arithmetic is our own (timefmt.rs), so any i64 second count works.

use crate::args::{self, arg};
use crate::channel::{check_can_block, need_local};
use crate::timefmt::{self, Civil};
use jiff::tz::TimeZone;
use std::sync::{Arc, OnceLock};
use wlua_sched::channel::{self as ch, Owner};
use wlua_sched::local::TimerTarget;
use wlua_vm::func::Ret;
use wlua_vm::gc::Gc;
use wlua_vm::lazy::{TValue, Template};
use wlua_vm::table::Table;
use wlua_vm::value::UserData;
use wlua_vm::{LuaError, NResult, Vals, Value, Vm, rets};

const NS: i64 = 1;
const US: i64 = 1_000;
const MS: i64 = 1_000_000;
const S: i64 = 1_000_000_000;
const MIN: i64 = 60 * S;
const H: i64 = 60 * MIN;

/// Seconds from the Unix epoch back to Go's zero time (year 1).
const ZERO_SEC: i64 = -62_135_596_800;

/// Registry key of the timer metatable.
pub const TIMER_META_KEY: &str = "wlua.timer";
/// Registry key of the Time metatable.
pub const TIME_META_KEY: &str = "wlua.time";
/// Registry key of the Duration metatable.
pub const DURATION_META_KEY: &str = "wlua.duration";
/// Registry key of the Location metatable.
pub const LOCATION_META_KEY: &str = "wlua.location";

/// `package.preload.time`.
pub fn loader(vm: &mut Vm, _args: Vals) -> NResult {
    let m = vm.lib_table(&LIB);
    rets![Value::Table(m)]
}

/// The `time` module table, built on demand (wlua_vm::lazy).
pub static LIB: Template = Template {
    name: "time",
    entries: &[
        ("now", TValue::Fn(now_fn)),
        ("date", TValue::Fn(date_fn)),
        ("unix", TValue::Fn(unix_fn)),
        ("parse", TValue::Fn(parse_fn)),
        ("parse_duration", TValue::Fn(parse_duration_fn)),
        ("load_location", TValue::Fn(load_location_fn)),
        ("fixed_zone", TValue::Fn(fixed_zone_fn)),
        ("sleep", TValue::Fn(sleep)),
        ("after", TValue::Fn(after)),
        ("timer", TValue::Fn(timer)),
        ("ticker", TValue::Fn(ticker)),
        ("utc", TValue::Build(build_utc)),
        ("localtz", TValue::Build(build_local)),
        ("NANOSECOND", TValue::Int(NS)),
        ("MICROSECOND", TValue::Int(US)),
        ("MILLISECOND", TValue::Int(MS)),
        ("SECOND", TValue::Int(S)),
        ("MINUTE", TValue::Int(MIN)),
        ("HOUR", TValue::Int(H)),
        ("RFC3339", TValue::Str("2006-01-02T15:04:05Z07:00")),
        (
            "RFC3339NANO",
            TValue::Str("2006-01-02T15:04:05.999999999Z07:00"),
        ),
        ("RFC822", TValue::Str("02 Jan 06 15:04 MST")),
        ("RFC822Z", TValue::Str("02 Jan 06 15:04 -0700")),
        ("RFC850", TValue::Str("Monday, 02-Jan-06 15:04:05 MST")),
        ("RFC1123", TValue::Str("Mon, 02 Jan 2006 15:04:05 MST")),
        ("RFC1123Z", TValue::Str("Mon, 02 Jan 2006 15:04:05 -0700")),
        ("DATE_TIME", TValue::Str("2006-01-02 15:04:05")),
        ("DATE_ONLY", TValue::Str("2006-01-02")),
        ("TIME_ONLY", TValue::Str("15:04:05")),
        ("KITCHEN", TValue::Str("3:04PM")),
        ("STAMP", TValue::Str("Jan _2 15:04:05")),
        ("STAMP_MILLI", TValue::Str("Jan _2 15:04:05.000")),
        ("STAMP_MICRO", TValue::Str("Jan _2 15:04:05.000000")),
        ("STAMP_NANO", TValue::Str("Jan _2 15:04:05.000000000")),
        ("JANUARY", TValue::Int(1)),
        ("FEBRUARY", TValue::Int(2)),
        ("MARCH", TValue::Int(3)),
        ("APRIL", TValue::Int(4)),
        ("MAY", TValue::Int(5)),
        ("JUNE", TValue::Int(6)),
        ("JULY", TValue::Int(7)),
        ("AUGUST", TValue::Int(8)),
        ("SEPTEMBER", TValue::Int(9)),
        ("OCTOBER", TValue::Int(10)),
        ("NOVEMBER", TValue::Int(11)),
        ("DECEMBER", TValue::Int(12)),
        ("SUNDAY", TValue::Int(0)),
        ("MONDAY", TValue::Int(1)),
        ("TUESDAY", TValue::Int(2)),
        ("WEDNESDAY", TValue::Int(3)),
        ("THURSDAY", TValue::Int(4)),
        ("FRIDAY", TValue::Int(5)),
        ("SATURDAY", TValue::Int(6)),
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

/// The metatable of Time objects; holds the methods (`__index` is itself).
pub static TIME_META: Template = Template {
    name: "time metatable",
    entries: &[
        (
            "__index",
            TValue::Build(|vm| Value::Table(vm.lib_table(&TIME_META))),
        ),
        ("__name", TValue::Str("time.Time")),
        ("__tostring", TValue::Fn(t_string)),
        ("__eq", TValue::Fn(t_equal)),
        ("__lt", TValue::Fn(t_before)),
        ("__le", TValue::Fn(t_le)),
        ("string", TValue::Fn(t_string)),
        ("add", TValue::Fn(t_add)),
        ("sub", TValue::Fn(t_sub)),
        ("add_date", TValue::Fn(t_add_date)),
        ("before", TValue::Fn(t_before)),
        ("after", TValue::Fn(t_after)),
        ("equal", TValue::Fn(t_equal)),
        ("format", TValue::Fn(t_format)),
        ("format_rfc3339", TValue::Fn(t_format_rfc3339)),
        ("unix", TValue::Fn(t_unix)),
        ("unix_nano", TValue::Fn(t_unix_nano)),
        ("date", TValue::Fn(t_date)),
        ("clock", TValue::Fn(t_clock)),
        ("year", TValue::Fn(t_year)),
        ("month", TValue::Fn(t_month)),
        ("day", TValue::Fn(t_day)),
        ("hour", TValue::Fn(t_hour)),
        ("minute", TValue::Fn(t_minute)),
        ("second", TValue::Fn(t_second)),
        ("nanosecond", TValue::Fn(t_nanosecond)),
        ("weekday", TValue::Fn(t_weekday)),
        ("year_day", TValue::Fn(t_year_day)),
        ("zone", TValue::Fn(t_zone)),
        ("is_zero", TValue::Fn(t_is_zero)),
        ("utc", TValue::Fn(t_utc)),
        ("in_local", TValue::Fn(t_in_local)),
        ("in_location", TValue::Fn(t_in_location)),
        ("location", TValue::Fn(t_location)),
        ("round", TValue::Fn(t_round)),
        ("truncate", TValue::Fn(t_truncate)),
    ],
    init: None,
};

/// The metatable of Duration objects.
pub static DURATION_META: Template = Template {
    name: "duration metatable",
    entries: &[
        (
            "__index",
            TValue::Build(|vm| Value::Table(vm.lib_table(&DURATION_META))),
        ),
        ("__name", TValue::Str("time.Duration")),
        ("__tostring", TValue::Fn(d_string)),
        ("__eq", TValue::Fn(d_eq)),
        ("__lt", TValue::Fn(d_lt)),
        ("__le", TValue::Fn(d_le)),
        ("__add", TValue::Fn(d_add)),
        ("__sub", TValue::Fn(d_sub)),
        ("__unm", TValue::Fn(d_unm)),
        ("string", TValue::Fn(d_string)),
        ("hours", TValue::Fn(d_hours)),
        ("minutes", TValue::Fn(d_minutes)),
        ("seconds", TValue::Fn(d_seconds)),
        ("milliseconds", TValue::Fn(d_milliseconds)),
        ("microseconds", TValue::Fn(d_microseconds)),
        ("nanoseconds", TValue::Fn(d_nanoseconds)),
    ],
    init: None,
};

/// The metatable of Location objects.
pub static LOCATION_META: Template = Template {
    name: "location metatable",
    entries: &[
        (
            "__index",
            TValue::Build(|vm| Value::Table(vm.lib_table(&LOCATION_META))),
        ),
        ("__name", TValue::Str("time.Location")),
        ("__tostring", TValue::Fn(l_string)),
        ("__eq", TValue::Fn(l_eq)),
        ("string", TValue::Fn(l_string)),
    ],
    init: None,
};

// ----- objects -------------------------------------------------------------

/// A time zone.
pub enum Loc {
    Utc,
    /// The system's zone (`TZ` or /etc/localtime), named "Local" as in Go.
    Local(TimeZone),
    /// An IANA zone loaded by name.
    Zone(String, TimeZone),
    /// `fixed_zone(name, offset)` and offsets met while parsing.
    Fixed(String, i64),
}

impl Loc {
    fn name(&self) -> &str {
        match self {
            Loc::Utc => "UTC",
            Loc::Local(_) => "Local",
            Loc::Zone(n, _) | Loc::Fixed(n, _) => n,
        }
    }

    /// Offset east of UTC and abbreviation in force at `sec`.
    fn offset_at(&self, sec: i64) -> (i64, String) {
        let tz = match self {
            Loc::Utc => return (0, "UTC".into()),
            Loc::Fixed(n, o) => return (*o, n.clone()),
            Loc::Local(tz) | Loc::Zone(_, tz) => tz,
        };
        let lo = jiff::Timestamp::MIN.as_second();
        let hi = jiff::Timestamp::MAX.as_second();
        let ts = jiff::Timestamp::new(sec.clamp(lo, hi), 0).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
        let info = tz.to_offset_info(ts);
        (
            info.offset().seconds() as i64,
            info.abbreviation().to_string(),
        )
    }

    /// The UTC second of a wall-clock second count in this zone (as Go's
    /// `Date`: the offset in force just before a transition wins).
    fn unlocal(&self, wall: i64) -> i64 {
        let (o1, _) = self.offset_at(wall);
        let t = wall.wrapping_sub(o1);
        let (o2, _) = self.offset_at(t);
        if o2 == o1 {
            return t;
        }
        let t2 = wall.wrapping_sub(o2);
        if self.offset_at(t2).0 == o2 { t2 } else { t }
    }
}

fn utc_loc() -> Arc<Loc> {
    static L: OnceLock<Arc<Loc>> = OnceLock::new();
    L.get_or_init(|| Arc::new(Loc::Utc)).clone()
}

fn local_loc() -> Arc<Loc> {
    static L: OnceLock<Arc<Loc>> = OnceLock::new();
    L.get_or_init(|| Arc::new(Loc::Local(TimeZone::system())))
        .clone()
}

/// A Time: an instant (Unix seconds + nanoseconds), its zone, and, for
/// times from `now()`, a monotonic reading that `sub`, `before`, `after`
/// and `equal` prefer (as Go's).
#[derive(Clone)]
struct TimeObj {
    sec: i64,
    nsec: i64,
    mono: Option<i64>,
    loc: Arc<Loc>,
}

impl TimeObj {
    fn civil(&self) -> Civil {
        let (off, _) = self.loc.offset_at(self.sec);
        timefmt::civil(self.sec.wrapping_add(off), self.nsec)
    }
    /// Nanoseconds since the Unix epoch, widened.
    fn total(&self) -> i128 {
        self.sec as i128 * 1_000_000_000 + self.nsec as i128
    }
    fn from_total(n: i128, loc: Arc<Loc>) -> TimeObj {
        let n = n.clamp(
            i64::MIN as i128 * 1_000_000_000,
            i64::MAX as i128 * 1_000_000_000,
        );
        TimeObj {
            sec: n.div_euclid(1_000_000_000) as i64,
            nsec: n.rem_euclid(1_000_000_000) as i64,
            mono: None,
            loc,
        }
    }
}

struct DurObj(i64);
struct LocObj(Arc<Loc>);

fn meta(vm: &mut Vm, tpl: &'static Template, key: &str) -> Option<Gc<Table>> {
    match vm.raw_get_str(vm.registry, key) {
        Value::Table(t) => Some(t),
        _ => Some(vm.lib_table(tpl)),
    }
}

fn new_time(vm: &mut Vm, t: TimeObj) -> Value {
    let m = meta(vm, &TIME_META, TIME_META_KEY);
    vm.new_userdata(Box::new(t), m)
}

/// A Duration object.
pub fn new_duration(vm: &mut Vm, ns: i64) -> Value {
    let m = meta(vm, &DURATION_META, DURATION_META_KEY);
    vm.new_userdata(Box::new(DurObj(ns)), m)
}

fn new_loc(vm: &mut Vm, l: Arc<Loc>) -> Value {
    let m = meta(vm, &LOCATION_META, LOCATION_META_KEY);
    vm.new_userdata(Box::new(LocObj(l)), m)
}

/// Nanoseconds on a monotonic clock since the runtime started.
fn mono_now() -> i64 {
    static START: OnceLock<std::time::Instant> = OnceLock::new();
    START
        .get_or_init(std::time::Instant::now)
        .elapsed()
        .as_nanos() as i64
}

/// The Time (local zone) for `unix_ns` nanoseconds since the epoch: what
/// timer channels deliver.
pub fn time_value(vm: &mut Vm, unix_ns: i64) -> Value {
    let mut t = TimeObj::from_total(unix_ns as i128, local_loc());
    t.mono = Some(mono_now());
    new_time(vm, t)
}

fn time_of(v: &Value) -> Option<TimeObj> {
    match v {
        Value::UserData(u) => u.get().data.downcast_ref::<TimeObj>().cloned(),
        _ => None,
    }
}

fn dur_of(v: &Value) -> Option<i64> {
    match v {
        Value::UserData(u) => u.get().data.downcast_ref::<DurObj>().map(|d| d.0),
        _ => None,
    }
}

fn loc_of(v: &Value) -> Option<Arc<Loc>> {
    match v {
        Value::UserData(u) => u.get().data.downcast_ref::<LocObj>().map(|l| l.0.clone()),
        _ => None,
    }
}

fn check_time(vm: &Vm, args: &Vals, i: usize) -> Result<TimeObj, LuaError> {
    time_of(&arg(args, i)).ok_or_else(|| args::type_error(vm, args, i, "time.Time"))
}

fn check_loc(vm: &Vm, args: &Vals, i: usize) -> Result<Arc<Loc>, LuaError> {
    loc_of(&arg(args, i)).ok_or_else(|| args::type_error(vm, args, i, "time.Location"))
}

fn check_dur_obj(vm: &Vm, args: &Vals, i: usize) -> Result<i64, LuaError> {
    dur_of(&arg(args, i)).ok_or_else(|| args::type_error(vm, args, i, "time.Duration"))
}

/// A duration argument that must be valid (raises otherwise).
fn check_duration(vm: &mut Vm, args: &Vals, i: usize) -> Result<i64, LuaError> {
    duration_arg(vm, args, i).map_err(|m| LuaError::arg(i + 1, m))
}

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

/// A duration argument: integer nanoseconds, a float (rounded), a
/// duration string or a Duration object.
pub fn duration_arg(vm: &mut Vm, args: &Vals, i: usize) -> Result<i64, String> {
    match arg(args, i) {
        Value::Int(n) => Ok(n),
        Value::Float(f) if f.is_finite() && f.abs() < 9.2e18 => Ok(f.round() as i64),
        Value::Str(s) => parse_duration(&s.get().to_str_lossy()),
        v @ Value::UserData(_) if dur_of(&v).is_some() => Ok(dur_of(&v).unwrap_or(0)),
        other => Err(format!(
            "duration expected (nanoseconds, a string such as \"1s\" or a Duration), got {}",
            vm.type_name_meta(&other)
        )),
    }
}

// ----- module functions ----------------------------------------------------

fn build_utc(vm: &mut Vm) -> Value {
    new_loc(vm, utc_loc())
}

fn build_local(vm: &mut Vm) -> Value {
    new_loc(vm, local_loc())
}

fn now_fn(vm: &mut Vm, _args: Vals) -> NResult {
    let d = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as i128)
        .unwrap_or(0);
    let mut t = TimeObj::from_total(d, local_loc());
    t.mono = Some(mono_now());
    rets![new_time(vm, t)]
}

/// Go's `Date`: fields out of range normalise (month 13 is January of the
/// next year, second -1 the last second of the previous minute).
fn make_date(y: i64, mon: i64, d: i64, h: i64, mi: i64, s: i64, ns: i64, loc: Arc<Loc>) -> TimeObj {
    // Fold month into year, nanoseconds into seconds, all in i128.
    let m0 = mon as i128 - 1;
    let y = y as i128 + m0.div_euclid(12);
    let m = m0.rem_euclid(12) + 1;
    let y = y.clamp(-292_277_022_657, 292_277_026_596) as i64;
    let days = timefmt::days_from_civil(y, m as i64, 1) as i128 + d as i128 - 1;
    let secs = days * 86400
        + h as i128 * 3600
        + mi as i128 * 60
        + s as i128
        + (ns as i128).div_euclid(1_000_000_000);
    let nsec = (ns as i128).rem_euclid(1_000_000_000) as i64;
    let wall = secs.clamp(i64::MIN as i128 / 2, i64::MAX as i128 / 2) as i64;
    let sec = loc.unlocal(wall);
    TimeObj {
        sec,
        nsec,
        mono: None,
        loc,
    }
}

fn date_fn(vm: &mut Vm, args: Vals) -> NResult {
    let mut f = [0i64; 7];
    for (i, x) in f.iter_mut().enumerate() {
        *x = args::check_int(vm, &args, i)?;
    }
    let loc = match arg(&args, 7) {
        Value::Nil => local_loc(),
        _ => check_loc(vm, &args, 7)?,
    };
    let t = make_date(f[0], f[1], f[2], f[3], f[4], f[5], f[6], loc);
    rets![new_time(vm, t)]
}

fn unix_fn(vm: &mut Vm, args: Vals) -> NResult {
    let sec = args::check_int(vm, &args, 0)?;
    let nsec = args::opt_int(vm, &args, 1, 0)?;
    let t = TimeObj::from_total(sec as i128 * 1_000_000_000 + nsec as i128, local_loc());
    rets![new_time(vm, t)]
}

fn invalid(vm: &mut Vm, msg: &str) -> NResult {
    let e = crate::errors::new_error(vm, "INVALID", msg);
    rets![Value::Nil, e]
}

fn parse_fn(vm: &mut Vm, args: Vals) -> NResult {
    let layout = args::check_str(vm, &args, 0)?
        .get()
        .to_str_lossy()
        .into_owned();
    let value = args::check_str(vm, &args, 1)?
        .get()
        .to_str_lossy()
        .into_owned();
    let loc = match arg(&args, 2) {
        Value::Nil => utc_loc(),
        _ => check_loc(vm, &args, 2)?,
    };
    let p = match timefmt::parse(&layout, &value) {
        Ok(p) => p,
        Err(m) => return invalid(vm, &m),
    };
    let wall = make_date(
        p.year,
        p.month,
        p.day,
        p.hour,
        p.min,
        p.sec,
        p.nsec,
        utc_loc(),
    );
    let t = if let Some(off) = p.offset {
        let sec = wall.sec.wrapping_sub(off);
        // As Go: keep `loc` when it has this offset then, else a fixed zone.
        let l = if loc.offset_at(sec).0 == off {
            loc
        } else if off == 0 && p.abbrev.is_none() {
            utc_loc()
        } else {
            Arc::new(Loc::Fixed(String::new(), off))
        };
        TimeObj {
            sec,
            nsec: wall.nsec,
            mono: None,
            loc: l,
        }
    } else if let Some(ab) = p.abbrev {
        let guess = loc.unlocal(wall.sec);
        let (off, lab) = loc.offset_at(guess);
        if lab == ab {
            TimeObj {
                sec: wall.sec.wrapping_sub(off),
                nsec: wall.nsec,
                mono: None,
                loc,
            }
        } else if ab == "UTC" || ab == "GMT" {
            TimeObj {
                sec: wall.sec,
                nsec: wall.nsec,
                mono: None,
                loc: utc_loc(),
            }
        } else {
            // An abbreviation the zone does not know: offset 0, named
            // as given (Go does the same).
            TimeObj {
                sec: wall.sec,
                nsec: wall.nsec,
                mono: None,
                loc: Arc::new(Loc::Fixed(ab, 0)),
            }
        }
    } else {
        make_date(p.year, p.month, p.day, p.hour, p.min, p.sec, p.nsec, loc)
    };
    rets![new_time(vm, t)]
}

fn parse_duration_fn(vm: &mut Vm, args: Vals) -> NResult {
    match duration_arg(vm, &args, 0) {
        Ok(ns) => rets![new_duration(vm, ns)],
        Err(m) => invalid(vm, &m),
    }
}

fn load_location_fn(vm: &mut Vm, args: Vals) -> NResult {
    let name = args::check_str(vm, &args, 0)?
        .get()
        .to_str_lossy()
        .into_owned();
    let l = match name.as_str() {
        "" => return invalid(vm, "empty location name"),
        "UTC" => utc_loc(),
        "Local" => local_loc(),
        _ => match TimeZone::get(&name) {
            Ok(tz) => Arc::new(Loc::Zone(name.clone(), tz)),
            Err(_) => {
                let e =
                    crate::errors::new_error(vm, "NOT_FOUND", &format!("unknown time zone {name}"));
                return rets![Value::Nil, e];
            }
        },
    };
    rets![new_loc(vm, l)]
}

fn fixed_zone_fn(vm: &mut Vm, args: Vals) -> NResult {
    let name = args::check_str(vm, &args, 0)?
        .get()
        .to_str_lossy()
        .into_owned();
    let off = args::check_int(vm, &args, 1)?;
    rets![new_loc(vm, Arc::new(Loc::Fixed(name, off)))]
}

// ----- Time methods --------------------------------------------------------

fn t_string(vm: &mut Vm, args: Vals) -> NResult {
    let t = check_time(vm, &args, 0)?;
    let (off, ab) = t.loc.offset_at(t.sec);
    let s = timefmt::format(
        "2006-01-02 15:04:05.999999999 -0700 MST",
        &t.civil(),
        off,
        &ab,
    );
    rets![vm.new_str(s)]
}

/// Compares two Times: by monotonic reading when both have one.
fn cmp(a: &TimeObj, b: &TimeObj) -> std::cmp::Ordering {
    match (a.mono, b.mono) {
        (Some(x), Some(y)) => x.cmp(&y),
        _ => a.total().cmp(&b.total()),
    }
}

fn two_times(vm: &Vm, args: &Vals) -> Result<(TimeObj, TimeObj), LuaError> {
    Ok((check_time(vm, args, 0)?, check_time(vm, args, 1)?))
}

fn t_before(vm: &mut Vm, args: Vals) -> NResult {
    let (a, b) = two_times(vm, &args)?;
    rets![Value::Bool(cmp(&a, &b).is_lt())]
}

fn t_le(vm: &mut Vm, args: Vals) -> NResult {
    let (a, b) = two_times(vm, &args)?;
    rets![Value::Bool(cmp(&a, &b).is_le())]
}

fn t_after(vm: &mut Vm, args: Vals) -> NResult {
    let (a, b) = two_times(vm, &args)?;
    rets![Value::Bool(cmp(&a, &b).is_gt())]
}

fn t_equal(vm: &mut Vm, args: Vals) -> NResult {
    let (a, b) = two_times(vm, &args)?;
    rets![Value::Bool(cmp(&a, &b).is_eq())]
}

fn t_add(vm: &mut Vm, args: Vals) -> NResult {
    let t = check_time(vm, &args, 0)?;
    let d = check_duration(vm, &args, 1)?;
    let mut r = TimeObj::from_total(t.total() + d as i128, t.loc.clone());
    r.mono = t.mono.map(|m| m.saturating_add(d));
    rets![new_time(vm, r)]
}

fn t_sub(vm: &mut Vm, args: Vals) -> NResult {
    let (a, b) = two_times(vm, &args)?;
    let d = match (a.mono, b.mono) {
        (Some(x), Some(y)) => x.saturating_sub(y),
        _ => (a.total() - b.total()).clamp(i64::MIN as i128, i64::MAX as i128) as i64,
    };
    rets![new_duration(vm, d)]
}

fn t_add_date(vm: &mut Vm, args: Vals) -> NResult {
    let t = check_time(vm, &args, 0)?;
    let y = args::check_int(vm, &args, 1)?;
    let m = args::check_int(vm, &args, 2)?;
    let d = args::check_int(vm, &args, 3)?;
    let c = t.civil();
    let r = make_date(
        c.year.saturating_add(y),
        c.month.saturating_add(m),
        c.day.saturating_add(d),
        c.hour,
        c.min,
        c.sec,
        c.nsec,
        t.loc.clone(),
    );
    rets![new_time(vm, r)]
}

fn t_format(vm: &mut Vm, args: Vals) -> NResult {
    let t = check_time(vm, &args, 0)?;
    let layout = args::check_str(vm, &args, 1)?
        .get()
        .to_str_lossy()
        .into_owned();
    let (off, ab) = t.loc.offset_at(t.sec);
    let s = timefmt::format(&layout, &t.civil(), off, &ab);
    rets![vm.new_str(s)]
}

fn t_format_rfc3339(vm: &mut Vm, args: Vals) -> NResult {
    let t = check_time(vm, &args, 0)?;
    let (off, ab) = t.loc.offset_at(t.sec);
    let s = timefmt::format("2006-01-02T15:04:05Z07:00", &t.civil(), off, &ab);
    rets![vm.new_str(s)]
}

fn t_unix(vm: &mut Vm, args: Vals) -> NResult {
    let t = check_time(vm, &args, 0)?;
    rets![Value::Int(t.sec)]
}

fn t_unix_nano(vm: &mut Vm, args: Vals) -> NResult {
    let t = check_time(vm, &args, 0)?;
    rets![Value::Int(
        t.total().clamp(i64::MIN as i128, i64::MAX as i128) as i64
    )]
}

fn civil_of(vm: &Vm, args: &Vals) -> Result<Civil, LuaError> {
    Ok(check_time(vm, args, 0)?.civil())
}

fn t_date(vm: &mut Vm, args: Vals) -> NResult {
    let c = civil_of(vm, &args)?;
    rets![Value::Int(c.year), Value::Int(c.month), Value::Int(c.day)]
}

fn t_clock(vm: &mut Vm, args: Vals) -> NResult {
    let c = civil_of(vm, &args)?;
    rets![Value::Int(c.hour), Value::Int(c.min), Value::Int(c.sec)]
}

macro_rules! civil_getter {
    ($name:ident, $field:ident) => {
        fn $name(vm: &mut Vm, args: Vals) -> NResult {
            let c = civil_of(vm, &args)?;
            rets![Value::Int(c.$field)]
        }
    };
}
civil_getter!(t_year, year);
civil_getter!(t_month, month);
civil_getter!(t_day, day);
civil_getter!(t_hour, hour);
civil_getter!(t_minute, min);
civil_getter!(t_second, sec);
civil_getter!(t_nanosecond, nsec);
civil_getter!(t_weekday, wday);
civil_getter!(t_year_day, yday);

fn t_zone(vm: &mut Vm, args: Vals) -> NResult {
    let t = check_time(vm, &args, 0)?;
    let (off, ab) = t.loc.offset_at(t.sec);
    rets![vm.new_str(ab), Value::Int(off)]
}

fn t_is_zero(vm: &mut Vm, args: Vals) -> NResult {
    let t = check_time(vm, &args, 0)?;
    rets![Value::Bool(t.sec == ZERO_SEC && t.nsec == 0)]
}

fn with_loc(vm: &mut Vm, args: &Vals, loc: Arc<Loc>) -> NResult {
    let mut t = check_time(vm, args, 0)?;
    t.loc = loc;
    t.mono = None;
    rets![new_time(vm, t)]
}

fn t_utc(vm: &mut Vm, args: Vals) -> NResult {
    with_loc(vm, &args, utc_loc())
}

fn t_in_local(vm: &mut Vm, args: Vals) -> NResult {
    with_loc(vm, &args, local_loc())
}

fn t_in_location(vm: &mut Vm, args: Vals) -> NResult {
    let l = check_loc(vm, &args, 1)?;
    with_loc(vm, &args, l)
}

fn t_location(vm: &mut Vm, args: Vals) -> NResult {
    let t = check_time(vm, &args, 0)?;
    rets![new_loc(vm, t.loc)]
}

/// Rounds or truncates to a multiple of `d` since the zero time (Go).
fn round_to(vm: &mut Vm, args: &Vals, round: bool) -> NResult {
    let t = check_time(vm, args, 0)?;
    let d = check_dur_obj(vm, args, 1)?;
    let mut r = t.clone();
    r.mono = None;
    if d > 0 {
        let since = t.total() - ZERO_SEC as i128 * 1_000_000_000;
        let d = d as i128;
        let rem = since.rem_euclid(d);
        let n = if round && rem + rem >= d {
            t.total() - rem + d
        } else {
            t.total() - rem
        };
        r = TimeObj::from_total(n, t.loc.clone());
    }
    rets![new_time(vm, r)]
}

fn t_round(vm: &mut Vm, args: Vals) -> NResult {
    round_to(vm, &args, true)
}

fn t_truncate(vm: &mut Vm, args: Vals) -> NResult {
    round_to(vm, &args, false)
}

// ----- Duration and Location methods --------------------------------------

fn d_string(vm: &mut Vm, args: Vals) -> NResult {
    let d = check_dur_obj(vm, &args, 0)?;
    rets![vm.new_str(timefmt::duration_string(d))]
}

/// Both operands of a Duration metamethod (numbers and strings allowed on
/// either side).
fn two_durs(vm: &mut Vm, args: &Vals) -> Result<(i64, i64), LuaError> {
    Ok((check_duration(vm, args, 0)?, check_duration(vm, args, 1)?))
}

fn d_eq(vm: &mut Vm, args: Vals) -> NResult {
    let (a, b) = two_durs(vm, &args)?;
    rets![Value::Bool(a == b)]
}

fn d_lt(vm: &mut Vm, args: Vals) -> NResult {
    let (a, b) = two_durs(vm, &args)?;
    rets![Value::Bool(a < b)]
}

fn d_le(vm: &mut Vm, args: Vals) -> NResult {
    let (a, b) = two_durs(vm, &args)?;
    rets![Value::Bool(a <= b)]
}

fn d_add(vm: &mut Vm, args: Vals) -> NResult {
    let (a, b) = two_durs(vm, &args)?;
    rets![new_duration(vm, a.saturating_add(b))]
}

fn d_sub(vm: &mut Vm, args: Vals) -> NResult {
    let (a, b) = two_durs(vm, &args)?;
    rets![new_duration(vm, a.saturating_sub(b))]
}

fn d_unm(vm: &mut Vm, args: Vals) -> NResult {
    let a = check_dur_obj(vm, &args, 0)?;
    rets![new_duration(vm, a.saturating_neg())]
}

fn d_hours(vm: &mut Vm, args: Vals) -> NResult {
    let d = check_dur_obj(vm, &args, 0)?;
    rets![Value::Float(d as f64 / H as f64)]
}

fn d_minutes(vm: &mut Vm, args: Vals) -> NResult {
    let d = check_dur_obj(vm, &args, 0)?;
    rets![Value::Float(d as f64 / MIN as f64)]
}

fn d_seconds(vm: &mut Vm, args: Vals) -> NResult {
    let d = check_dur_obj(vm, &args, 0)?;
    rets![Value::Float(d as f64 / S as f64)]
}

fn d_milliseconds(vm: &mut Vm, args: Vals) -> NResult {
    let d = check_dur_obj(vm, &args, 0)?;
    rets![Value::Int(d / MS)]
}

fn d_microseconds(vm: &mut Vm, args: Vals) -> NResult {
    let d = check_dur_obj(vm, &args, 0)?;
    rets![Value::Int(d / US)]
}

fn d_nanoseconds(vm: &mut Vm, args: Vals) -> NResult {
    let d = check_dur_obj(vm, &args, 0)?;
    rets![Value::Int(d)]
}

fn l_string(vm: &mut Vm, args: Vals) -> NResult {
    let l = check_loc(vm, &args, 0)?;
    rets![vm.new_str(l.name())]
}

fn l_eq(vm: &mut Vm, args: Vals) -> NResult {
    let a = check_loc(vm, &args, 0)?;
    let b = check_loc(vm, &args, 1)?;
    rets![Value::Bool(Arc::ptr_eq(&a, &b) || a.name() == b.name())]
}

// ----- waiting: sleep, after, timer, ticker --------------------------------

fn ns_to_std(ns: i64) -> std::time::Duration {
    std::time::Duration::from_nanos(ns.max(0) as u64)
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
