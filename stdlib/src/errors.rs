//! The `errors` module (spec/errors.md, docs/errors.md): structured error
//! values for the `nil, err` convention, with kinds, retryability, details,
//! a wrap chain and the traceback where each value was made.
//!
//! An error value is a full userdata holding an [`ErrorData`]; its
//! metatable lives in the registry under [`ERROR_META_KEY`] and its user
//! value is nil or `{details = <table>, cause = <error>}` (the shape the
//! scheduler's message copier expects, scheduler/src/error_value.rs).
//! Natives make error values with [`new_error`] and read them with
//! [`error_data`]; what the module decides where the spec is silent is
//! listed in docs/errors.md.

use crate::args::{arg, check_str, type_error};
use wlua_sched::error_value::{ErrorData, KINDS};
use wlua_vm::gc::Gc;
use wlua_vm::lazy::{TValue, Template};
use wlua_vm::table::Table;
use wlua_vm::value::UserData;
use wlua_vm::{LuaError, NResult, Ret, Vals, Value, Vm, rets};

/// Causes followed at most, so a cycle made with `debug.setuservalue`
/// cannot hang `errors.is` or `call_stack`.
const MAX_CHAIN: usize = 10_000;

/// The last line `luaL_traceback` prints for the main thread: the host
/// function below the main chunk (`Vm::level_count`).
const HOST_FRAME: &str = "[C]: in ?";

/// The `errors` table, built on demand in each process (wlua_vm::lazy).
pub static LIB: Template = Template {
    name: "errors",
    entries: &[
        ("new", TValue::Fn(new)),
        ("wrap", TValue::Fn(wrap)),
        ("is", TValue::Fn(is)),
        ("call_stack", TValue::Fn(call_stack)),
        ("UNKNOWN", TValue::Str("UNKNOWN")),
        ("INVALID", TValue::Str("INVALID")),
        ("NOT_FOUND", TValue::Str("NOT_FOUND")),
        ("ALREADY_EXISTS", TValue::Str("ALREADY_EXISTS")),
        ("PERMISSION_DENIED", TValue::Str("PERMISSION_DENIED")),
        ("UNAVAILABLE", TValue::Str("UNAVAILABLE")),
        ("INTERNAL", TValue::Str("INTERNAL")),
        ("CANCELED", TValue::Str("CANCELED")),
        ("CONFLICT", TValue::Str("CONFLICT")),
        ("TIMEOUT", TValue::Str("TIMEOUT")),
        ("RATE_LIMITED", TValue::Str("RATE_LIMITED")),
    ],
    init: None,
};

/// The metatable error values share (registry key `ERROR_META_KEY`).
/// Messages name the type `error` (`bad argument #1 to 'f' (string
/// expected, got error)`), as the type checker does.
pub static META: Template = Template {
    name: "error metatable",
    entries: &[
        ("__index", TValue::Build(error_methods)),
        ("kind", TValue::Fn(m_kind)),
        ("message", TValue::Fn(m_message)),
        ("retryable", TValue::Fn(m_retryable)),
        ("details", TValue::Fn(m_details)),
        ("stack", TValue::Fn(m_stack)),
        ("__tostring", TValue::Fn(mt_tostring)),
        ("__concat", TValue::Fn(mt_concat)),
        ("__name", TValue::Str("error")),
    ],
    init: None,
};

/// The metatable every error value shares, made on first use so natives
/// can create errors in a VM where `open` has not run.
pub fn error_meta(vm: &mut Vm) -> Gc<Table> {
    vm.lib_table(&META)
}

// ----- the Rust API --------------------------------------------------------

/// A new error value (kind must be one of `KINDS`; message as given); no
/// traceback captured.
pub fn new_error(vm: &mut Vm, kind: &str, message: &str) -> Value {
    debug_assert!(KINDS.contains(&kind), "unknown error kind {kind}");
    make_error(
        vm,
        ErrorData {
            message: message.to_string(),
            kind: kind.to_string(),
            retryable: None,
            stack: None,
        },
        None,
        None,
    )
}

/// An error value from all its parts: `details` and `cause` go to the
/// user value table, which exists only when one of them is given.
pub fn make_error(
    vm: &mut Vm,
    data: ErrorData,
    details: Option<Gc<Table>>,
    cause: Option<Value>,
) -> Value {
    let mt = error_meta(vm);
    let ud = vm.new_userdata(Box::new(data), Some(mt));
    if details.is_some() || cause.is_some() {
        let uv = vm.new_table_sized(0, 2);
        if let Some(d) = details {
            vm.raw_set_str(uv, "details", Value::Table(d));
        }
        if let Some(c) = cause {
            vm.raw_set_str(uv, "cause", c);
        }
        if let Value::UserData(u) = ud {
            u.get_mut().user_value = Value::Table(uv);
        }
    }
    ud
}

/// The ErrorData of an error value, if `v` is one.
pub fn error_data(v: &Value) -> Option<&ErrorData> {
    match v {
        Value::UserData(u) => u.get().data.downcast_ref::<ErrorData>(),
        _ => None,
    }
}

/// `details` or `cause` from an error value's user value.
fn part(vm: &mut Vm, u: &Gc<UserData>, name: &str) -> Value {
    match u.get().user_value {
        Value::Table(t) => vm.raw_get_str(t, name),
        _ => Value::Nil,
    }
}

/// The error itself, then each cause in turn (at most `MAX_CHAIN`).
fn chain(vm: &mut Vm, err: Value) -> Vec<Value> {
    let mut out = Vec::new();
    let mut cur = err;
    while out.len() < MAX_CHAIN {
        let Value::UserData(u) = cur else { break };
        if error_data(&cur).is_none() {
            break;
        }
        out.push(cur);
        cur = part(vm, &u, "cause");
    }
    out
}

/// The traceback where the failure began: that of the deepest error in
/// the chain that captured one (wrap adds context, not a new origin).
fn origin_stack(vm: &mut Vm, err: Value) -> Option<String> {
    chain(vm, err)
        .iter()
        .rev()
        .find_map(|e| error_data(e).and_then(|d| d.stack.clone()))
}

/// `tostring(err)`: the message, plus ` [KIND]` unless the kind is UNKNOWN.
pub fn display(d: &ErrorData) -> String {
    if d.kind == "UNKNOWN" {
        d.message.clone()
    } else {
        format!("{} [{}]", d.message, d.kind)
    }
}

// ----- argument helpers ----------------------------------------------------

fn check_error<'a>(vm: &Vm, args: &'a Vals, i: usize) -> Result<&'a ErrorData, LuaError> {
    match args.get(i).and_then(error_data) {
        Some(d) => Ok(d),
        None => Err(type_error(vm, args, i, "error")),
    }
}

/// A kind name given by Lua code: a string naming one of `KINDS`.
fn check_kind(vm: &mut Vm, args: &Vals, i: usize) -> Result<&'static str, LuaError> {
    let s = check_str(vm, args, i)?;
    let s = s.get().as_bytes();
    match KINDS.iter().find(|k| k.as_bytes() == s) {
        Some(k) => Ok(*k),
        None => Err(LuaError::arg(
            i + 1,
            format!("unknown kind '{}'", String::from_utf8_lossy(s)),
        )),
    }
}

/// A string, or a number converted as `tostring` does (lua_tolstring).
fn as_text(vm: &mut Vm, v: Value) -> Option<String> {
    match v {
        Value::Str(s) => Some(s.get().to_str_lossy().into_owned()),
        Value::Int(_) | Value::Float(_) => vm
            .tostring_bytes(v)
            .ok()
            .map(|b| String::from_utf8_lossy(&b).into_owned()),
        _ => None,
    }
}

#[cold]
fn field_error(vm: &Vm, field: &str, expected: &str, got: &Value) -> LuaError {
    LuaError::arg(
        1,
        format!(
            "field '{}': {} expected, got {}",
            field,
            expected,
            vm.type_name_meta(got)
        ),
    )
}

/// The traceback of the Lua code calling the running native.
fn capture(vm: &Vm) -> Option<String> {
    Some(vm.traceback(1))
}

// ----- module functions ------------------------------------------------------

/// `errors.new(message)`, `errors.new{message=, kind=, retryable=,
/// details=}`, or `errors.new(kind, message)`.
fn new(vm: &mut Vm, args: Vals) -> NResult {
    let (data, details) = match arg(&args, 0) {
        Value::Table(spec) => from_spec(vm, spec)?,
        Value::Str(_) | Value::Int(_) | Value::Float(_) => {
            let first = check_str(vm, &args, 0)?.get().to_str_lossy().into_owned();
            if arg(&args, 1).is_nil() {
                (plain(first, "UNKNOWN"), None)
            } else {
                // The compatibility form: the first string is the kind when
                // it names one, and is dropped otherwise (spec 2.2).
                let message = check_str(vm, &args, 1)?.get().to_str_lossy().into_owned();
                let kind = KINDS.iter().find(|k| **k == first).unwrap_or(&"UNKNOWN");
                (plain(message, kind), None)
            }
        }
        _ => return Err(type_error(vm, &args, 0, "string or table")),
    };
    let data = ErrorData {
        stack: capture(vm),
        ..data
    };
    rets![make_error(vm, data, details, None)]
}

fn plain(message: String, kind: &str) -> ErrorData {
    ErrorData {
        message,
        kind: kind.to_string(),
        retryable: None,
        stack: None,
    }
}

/// The table form of `errors.new`; fields are read raw and unknown fields
/// are ignored.
fn from_spec(vm: &mut Vm, spec: Gc<Table>) -> Result<(ErrorData, Option<Gc<Table>>), LuaError> {
    let v = vm.raw_get_str(spec, "message");
    let Some(message) = as_text(vm, v) else {
        return Err(field_error(vm, "message", "string", &v));
    };
    let kind = match vm.raw_get_str(spec, "kind") {
        Value::Nil => "UNKNOWN",
        Value::Str(s) => {
            let b = s.get().as_bytes();
            match KINDS.iter().find(|k| k.as_bytes() == b) {
                Some(k) => *k,
                None => {
                    return Err(LuaError::arg(
                        1,
                        format!("field 'kind': unknown kind '{}'", s.get().to_str_lossy()),
                    ));
                }
            }
        }
        v => return Err(field_error(vm, "kind", "string", &v)),
    };
    let retryable = match vm.raw_get_str(spec, "retryable") {
        Value::Nil => None,
        Value::Bool(b) => Some(b),
        v => return Err(field_error(vm, "retryable", "boolean", &v)),
    };
    let details = match vm.raw_get_str(spec, "details") {
        Value::Nil => None,
        Value::Table(t) => Some(t),
        v => return Err(field_error(vm, "details", "table", &v)),
    };
    let data = ErrorData {
        message,
        kind: kind.to_string(),
        retryable,
        stack: None,
    };
    Ok((data, details))
}

/// `errors.wrap(err, message)`: a new error whose message is
/// `message: <err's message>`, keeping kind, retryable and details, with
/// `err` as its cause. nil wraps to nil; a string or number is first made
/// an error as `errors.new` would.
fn wrap(vm: &mut Vm, args: Vals) -> NResult {
    let context = check_str(vm, &args, 1)?.get().to_str_lossy().into_owned();
    let inner = match arg(&args, 0) {
        Value::Nil => return rets![Value::Nil],
        v if error_data(&v).is_some() => v,
        v @ (Value::Str(_) | Value::Int(_) | Value::Float(_)) => {
            let message = as_text(vm, v).unwrap_or_default();
            let data = ErrorData {
                stack: capture(vm),
                ..plain(message, "UNKNOWN")
            };
            make_error(vm, data, None, None)
        }
        _ => return Err(type_error(vm, &args, 0, "error or string")),
    };
    let Some(d) = error_data(&inner).cloned() else {
        return Err(type_error(vm, &args, 0, "error or string"));
    };
    let details = match inner {
        Value::UserData(u) => match part(vm, &u, "details") {
            Value::Table(t) => Some(t),
            _ => None,
        },
        _ => None,
    };
    let data = ErrorData {
        message: format!("{}: {}", context, d.message),
        kind: d.kind,
        retryable: d.retryable,
        stack: capture(vm),
    };
    rets![make_error(vm, data, details, Some(inner))]
}

/// `errors.is(err, kind)`: whether any error in the wrap chain has `kind`.
fn is(vm: &mut Vm, args: Vals) -> NResult {
    let kind = check_kind(vm, &args, 1)?;
    let found = chain(vm, arg(&args, 0))
        .iter()
        .any(|e| error_data(e).is_some_and(|d| d.kind == kind));
    rets![Value::Bool(found)]
}

/// `errors.call_stack(err)`: `{thread = ..., frames = {{source, line,
/// name}, ...}}` from the origin's traceback, or nil.
fn call_stack(vm: &mut Vm, args: Vals) -> NResult {
    let Some(stack) = origin_stack(vm, arg(&args, 0)) else {
        return rets![Value::Nil];
    };
    let (thread, frames) = parse_traceback(&stack);
    let ft = vm.new_table_sized(frames.len(), 0);
    for (i, f) in frames.iter().enumerate() {
        let t = vm.new_table_sized(0, 3);
        let src = vm.new_str(&f.source);
        vm.raw_set_str(t, "source", src);
        vm.raw_set_str(t, "line", Value::Int(f.line));
        let name = vm.new_str(&f.name);
        vm.raw_set_str(t, "name", name);
        ft.get_mut().set_int(i as i64 + 1, Value::Table(t));
    }
    let out = vm.new_table_sized(0, 2);
    let th = vm.new_str(thread);
    vm.raw_set_str(out, "thread", th);
    vm.raw_set_str(out, "frames", Value::Table(ft));
    rets![Value::Table(out)]
}

#[derive(Debug, PartialEq)]
struct StackFrame {
    source: String,
    /// -1 for native frames and stripped line information.
    line: i64,
    name: String,
}

/// Reads back a `luaL_traceback` text. The thread is `main` when the
/// traceback ends at the host frame below the main chunk, `coroutine`
/// otherwise; the host frame, `...` and `(...tail calls...)` lines are not
/// frames.
fn parse_traceback(tb: &str) -> (&'static str, Vec<StackFrame>) {
    let mut thread = "coroutine";
    let mut frames = Vec::new();
    for line in tb.lines().skip(1) {
        let line = line.trim_start_matches('\t');
        if line == HOST_FRAME {
            thread = "main";
            continue;
        }
        let Some(at) = line.find(": in ") else {
            continue;
        };
        let (place, what) = (&line[..at], &line[at + 5..]);
        let (source, line_no) = match place.rsplit_once(':') {
            Some((src, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
                (src, n.parse().unwrap_or(-1))
            }
            _ => (place, -1),
        };
        // `function 'f'`, `local 'f'`, `method 'm'`...: the quoted name;
        // otherwise the text as printed (`main chunk`, `function <x:3>`).
        let name = match (what.find('\''), what.rfind('\'')) {
            (Some(a), Some(b)) if b > a => &what[a + 1..b],
            _ => what,
        };
        frames.push(StackFrame {
            source: source.to_string(),
            line: line_no,
            name: name.to_string(),
        });
    }
    (thread, frames)
}

// ----- methods and metamethods -------------------------------------------------

fn m_kind(vm: &mut Vm, args: Vals) -> NResult {
    let k = check_error(vm, &args, 0)?.kind.clone();
    rets![vm.new_str(k)]
}

fn m_message(vm: &mut Vm, args: Vals) -> NResult {
    let m = check_error(vm, &args, 0)?.message.clone();
    rets![vm.new_str(m)]
}

fn m_retryable(vm: &mut Vm, args: Vals) -> NResult {
    let r = check_error(vm, &args, 0)?.retryable;
    rets![r.map_or(Value::Nil, Value::Bool)]
}

fn m_details(vm: &mut Vm, args: Vals) -> NResult {
    check_error(vm, &args, 0)?;
    let Value::UserData(u) = args[0] else {
        return rets![Value::Nil];
    };
    rets![part(vm, &u, "details")]
}

fn m_stack(vm: &mut Vm, args: Vals) -> NResult {
    check_error(vm, &args, 0)?;
    match origin_stack(vm, args[0]) {
        Some(s) => rets![vm.new_str(s)],
        None => rets![Value::Nil],
    }
}

fn mt_tostring(vm: &mut Vm, args: Vals) -> NResult {
    let s = display(check_error(vm, &args, 0)?);
    rets![vm.new_str(s)]
}

/// `__concat`: either operand is an error, shown as `tostring` shows it;
/// the other must be a string or a number, as for any concatenation, or
/// have a `__concat` of its own, which then decides (as if the error had
/// none).
fn mt_concat(vm: &mut Vm, args: Vals) -> NResult {
    for i in 0..2 {
        let v = arg(&args, i);
        if error_data(&v).is_some() || matches!(v, Value::Str(_) | Value::Int(_) | Value::Float(_))
        {
            continue;
        }
        if let Some(h) = vm.get_tm(&v, wlua_vm::meta::Tm::Concat) {
            let (a, b) = (arg(&args, 0), arg(&args, 1));
            return Ok(Ret::TailCall {
                func: h,
                args: smallvec::smallvec![a, b],
            });
        }
    }
    let mut out = Vec::new();
    for i in 0..2 {
        let v = arg(&args, i);
        if let Some(d) = error_data(&v) {
            out.extend_from_slice(display(d).as_bytes());
        } else if let Value::Str(s) = v {
            out.extend_from_slice(s.get().as_bytes());
        } else if matches!(v, Value::Int(_) | Value::Float(_)) {
            out.extend(vm.tostring_bytes(v)?);
        } else {
            return Err(LuaError::msg(format!(
                "attempt to concatenate a {} value",
                vm.type_name_meta(&v)
            )));
        }
    }
    rets![vm.new_str_owned(out)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_error_holds_its_data_and_shares_the_metatable() {
        let mut vm = Vm::new();
        crate::open_libs(&mut vm);
        let e = new_error(&mut vm, "NOT_FOUND", "no such user");
        let d = error_data(&e).expect("an error value");
        assert_eq!(d.kind, "NOT_FOUND");
        assert_eq!(d.message, "no such user");
        assert_eq!(d.retryable, None);
        assert_eq!(d.stack, None);
        let reg = vm.registry;
        let mt = vm.raw_get_str(reg, wlua_sched::error_value::ERROR_META_KEY);
        assert!(matches!(mt, Value::Table(_)));
        assert!(vm.get_metatable(&e).map(Value::Table).unwrap().raw_eq(&mt));
        assert!(matches!(e, Value::UserData(u) if u.get().user_value.is_nil()));
    }

    #[test]
    fn tostring_adds_the_kind_unless_unknown() {
        let mut vm = Vm::new();
        let a = new_error(&mut vm, "TIMEOUT", "slow");
        let b = new_error(&mut vm, "UNKNOWN", "odd");
        assert_eq!(vm.tostring_bytes(a).unwrap(), b"slow [TIMEOUT]");
        assert_eq!(vm.tostring_bytes(b).unwrap(), b"odd");
    }

    #[test]
    fn require_and_the_global_are_one_table() {
        let mut vm = Vm::new();
        crate::open_libs(&mut vm);
        let loaded = crate::package::loaded_table(&mut vm);
        let m = vm.raw_get_str(loaded, "errors");
        assert!(m.raw_eq(&vm.get_global("errors")));
        assert!(matches!(m, Value::Table(_)));
    }

    #[test]
    fn plain_values_are_not_errors() {
        let mut vm = Vm::new();
        let s = vm.new_str("x");
        assert!(error_data(&s).is_none());
        let u = vm.new_userdata(Box::new(5u8), None);
        assert!(error_data(&u).is_none());
    }

    #[test]
    fn tracebacks_parse_into_frames() {
        let tb = "stack traceback:\n\tx.lua:3: in local 'f'\n\t[C]: in function 'pcall'\n\t\
                  ...\n\tx.lua: in function <x.lua:7>\n\t(...tail calls...)\n\t\
                  x.lua:9: in main chunk\n\t[C]: in ?";
        let (thread, frames) = parse_traceback(tb);
        assert_eq!(thread, "main");
        let got: Vec<(&str, i64, &str)> = frames
            .iter()
            .map(|f| (f.source.as_str(), f.line, f.name.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("x.lua", 3, "f"),
                ("[C]", -1, "pcall"),
                ("x.lua", -1, "function <x.lua:7>"),
                ("x.lua", 9, "main chunk"),
            ]
        );
        let (thread, _) = parse_traceback("stack traceback:\n\tx.lua:1: in function <x.lua:1>");
        assert_eq!(thread, "coroutine");
    }
}

/// `__index` of `META`: the metatable itself, which holds the
/// methods (one table per process instead of two).
fn error_methods(vm: &mut Vm) -> Value {
    Value::Table(vm.lib_table(&META))
}
