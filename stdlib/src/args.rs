//! Argument checking for natives, worded as lauxlib.c words it
//! (`bad argument #1 to 'insert' (table expected, got nil)`).
//!
//! Indices are 0-based here and reported 1-based. The VM fills in the
//! function name from the call site (see `LuaError::Arg`).

use wlua_vm::gc::Gc;
use wlua_vm::string::LuaStr;
use wlua_vm::table::Table;
use wlua_vm::{LuaError, Vals, Value, Vm};

/// The type name for messages: `no value` for an absent argument, the
/// metatable's `__name` when it is a string.
pub fn arg_type_name(vm: &Vm, args: &Vals, i: usize) -> String {
    match args.get(i) {
        None => "no value".to_string(),
        // luaL_typeerror names light userdata specially.
        Some(Value::LightUserData(_)) => "light userdata".to_string(),
        Some(v) => vm.type_name_meta(v),
    }
}

#[cold]
pub fn type_error(vm: &Vm, args: &Vals, i: usize, expected: &str) -> LuaError {
    LuaError::arg(
        i + 1,
        format!("{} expected, got {}", expected, arg_type_name(vm, args, i)),
    )
}

#[inline]
pub fn arg(args: &Vals, i: usize) -> Value {
    args.get(i).copied().unwrap_or(Value::Nil)
}

pub fn check_any(args: &Vals, i: usize) -> Result<Value, LuaError> {
    match args.get(i) {
        Some(v) => Ok(*v),
        None => Err(LuaError::arg(i + 1, "value expected")),
    }
}

pub fn check_table(vm: &Vm, args: &Vals, i: usize) -> Result<Gc<Table>, LuaError> {
    match args.get(i) {
        Some(Value::Table(t)) => Ok(*t),
        _ => Err(type_error(vm, args, i, "table")),
    }
}

/// luaL_checkinteger: integers, floats with an integral value, numeric
/// strings.
pub fn check_int(vm: &Vm, args: &Vals, i: usize) -> Result<i64, LuaError> {
    let v = arg(args, i);
    if let Value::Int(n) = v {
        return Ok(n);
    }
    match v.to_integer() {
        Some(n) => Ok(n),
        None => {
            if v.to_number().is_some() {
                Err(LuaError::arg(i + 1, "number has no integer representation"))
            } else {
                Err(type_error(vm, args, i, "number"))
            }
        }
    }
}

pub fn opt_int(vm: &Vm, args: &Vals, i: usize, default: i64) -> Result<i64, LuaError> {
    if arg(args, i).is_nil() {
        Ok(default)
    } else {
        check_int(vm, args, i)
    }
}

/// luaL_checknumber: the value as a number (Int or Float).
pub fn check_number(vm: &Vm, args: &Vals, i: usize) -> Result<Value, LuaError> {
    match arg(args, i).to_number() {
        Some(n) => Ok(n),
        None => Err(type_error(vm, args, i, "number")),
    }
}

pub fn check_f64(vm: &Vm, args: &Vals, i: usize) -> Result<f64, LuaError> {
    Ok(check_number(vm, args, i)?.as_f64().unwrap_or(0.0))
}

pub fn opt_f64(vm: &Vm, args: &Vals, i: usize, default: f64) -> Result<f64, LuaError> {
    if arg(args, i).is_nil() {
        Ok(default)
    } else {
        check_f64(vm, args, i)
    }
}

/// luaL_checklstring: strings, and numbers converted to strings.
pub fn check_str(vm: &mut Vm, args: &Vals, i: usize) -> Result<Gc<LuaStr>, LuaError> {
    match arg(args, i) {
        Value::Str(s) => Ok(s),
        v @ (Value::Int(_) | Value::Float(_)) => match vm.tostring(v)? {
            Value::Str(s) => Ok(s),
            _ => Err(type_error(vm, args, i, "string")),
        },
        _ => Err(type_error(vm, args, i, "string")),
    }
}

/// As `check_str`, copied out as bytes.
pub fn check_bytes(vm: &mut Vm, args: &Vals, i: usize) -> Result<Vec<u8>, LuaError> {
    Ok(check_str(vm, args, i)?.get().as_bytes().to_vec())
}

pub fn opt_str(vm: &mut Vm, args: &Vals, i: usize) -> Result<Option<Gc<LuaStr>>, LuaError> {
    if arg(args, i).is_nil() {
        Ok(None)
    } else {
        check_str(vm, args, i).map(Some)
    }
}

/// luaL_checkoption: one of `options`, or the default when absent.
pub fn check_option(
    vm: &mut Vm,
    args: &Vals,
    i: usize,
    default: Option<&str>,
    options: &[&str],
) -> Result<usize, LuaError> {
    let name = match (arg(args, i), default) {
        (Value::Nil, Some(d)) => d.as_bytes().to_vec(),
        _ => check_bytes(vm, args, i)?,
    };
    match options.iter().position(|o| o.as_bytes() == name.as_slice()) {
        Some(p) => Ok(p),
        None => Err(LuaError::arg(
            i + 1,
            format!("invalid option '{}'", String::from_utf8_lossy(&name)),
        )),
    }
}

/// luaL_checktype for functions.
pub fn check_function(vm: &Vm, args: &Vals, i: usize) -> Result<Value, LuaError> {
    let v = arg(args, i);
    if v.is_function() {
        Ok(v)
    } else {
        Err(type_error(vm, args, i, "function"))
    }
}

/// Registers natives as fields of a table.
pub fn register(vm: &mut Vm, t: Gc<Table>, funcs: &[(&str, wlua_vm::NativeFn)]) {
    for (name, f) in funcs {
        vm.raw_set_str(t, name, Value::LightFn(*f));
    }
}

/// Creates a library table, registers it as a global and in
/// `package.loaded` (done later by the package library), and returns it.
pub fn new_lib(vm: &mut Vm, name: &str, funcs: &[(&str, wlua_vm::NativeFn)]) -> Gc<Table> {
    let t = vm.new_table_sized(0, funcs.len());
    register(vm, t, funcs);
    vm.set_global(name, Value::Table(t));
    t
}
