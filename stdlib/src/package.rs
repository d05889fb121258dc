//! The package library and `require` (loadlib.c): `package.loaded`,
//! `preload`, `path`, `cpath`, `searchers`, `searchpath`, `config`.
//!
//! wlua loads Lua modules only; the C searchers keep the reference's
//! messages (so a missing module lists the same places) but refuse to load
//! a shared library if one is found.

use crate::args::{self, arg, check_str};
use wlua_vm::func::Ret;
use wlua_vm::gc::Gc;
use wlua_vm::lazy::{TValue, Template};
use wlua_vm::table::Table;
use wlua_vm::{LuaError, NResult, Vals, Value, Vm, rets};

const PATH_DEFAULT: &str = "/usr/local/share/lua/5.3/?.lua;/usr/local/share/lua/5.3/?/init.lua;\
/usr/local/lib/lua/5.3/?.lua;/usr/local/lib/lua/5.3/?/init.lua;\
/usr/share/lua/5.3/?.lua;/usr/share/lua/5.3/?/init.lua;./?.lua;./?/init.lua";
const CPATH_DEFAULT: &str = "/usr/local/lib/lua/5.3/?.so;/usr/lib/x86_64-linux-gnu/lua/5.3/?.so;\
/usr/lib/lua/5.3/?.so;/usr/local/lib/lua/5.3/loadall.so;./?.so";

/// The registry key of `package.loaded` (LUA_LOADED_TABLE).
pub const LOADED_KEY: &str = "_LOADED";
/// The registry key of `package.preload` (LUA_PRELOAD_TABLE).
pub const PRELOAD_KEY: &str = "_PRELOAD";

/// `package.path` from LUA_PATH_5_3 / LUA_PATH, `;;` standing for the
/// default (setpath in loadlib.c).
fn env_path(vars: &[&str], default: &str) -> String {
    for v in vars {
        if let Ok(p) = std::env::var(v) {
            // As setpath: ";;" becomes ";<default>;", separators kept.
            return p.replace(";;", &format!(";{};", default));
        }
    }
    default.to_string()
}

/// The `package` table, built on demand in each process (wlua_vm::lazy).
pub static LIB: Template = Template {
    name: "package",
    entries: &[
        ("searchpath", TValue::Fn(searchpath)),
        ("loadlib", TValue::Fn(loadlib)),
        ("config", TValue::Str("/\n;\n?\n!\n-\n")),
        ("loaded", TValue::Lib(&LOADED)),
        // As in 5.3, the preload searcher reads the registry's table, so
        // replacing `package.preload` does not change what it finds.
        ("preload", TValue::Lib(&PRELOAD)),
        ("path", TValue::Build(default_path)),
        ("cpath", TValue::Build(default_cpath)),
        ("searchers", TValue::Build(searchers)),
    ],
    init: None,
};

/// `package.loaded` (registry `_LOADED`): every standard library is a
/// loaded module.
pub static LOADED: Template = Template {
    name: "package.loaded",
    entries: &[
        ("_G", TValue::Build(globals)),
        ("package", TValue::Lib(&LIB)),
        ("coroutine", TValue::Lib(&crate::coroutine::LIB)),
        ("table", TValue::Lib(&crate::table::LIB)),
        ("io", TValue::Lib(&crate::io::LIB)),
        ("os", TValue::Lib(&crate::os::LIB)),
        ("string", TValue::Lib(&crate::string::LIB)),
        ("math", TValue::Lib(&crate::math::LIB)),
        ("utf8", TValue::Lib(&crate::utf8::LIB)),
        ("debug", TValue::Lib(&crate::debug::LIB)),
        ("errors", TValue::Lib(&crate::errors::LIB)),
        ("process", TValue::Lib(&crate::process::LIB)),
        ("channel", TValue::Lib(&crate::channel::LIB)),
    ],
    init: None,
};

/// `package.preload` (registry `_PRELOAD`): the runtime's modules that
/// load on `require`.
pub static PRELOAD: Template = Template {
    name: "package.preload",
    entries: &[
        ("time", TValue::Fn(crate::time::loader)),
        ("sql", TValue::Fn(crate::sql::loader)),
        ("http_client", TValue::Fn(crate::http_client::loader)),
        ("json", TValue::Fn(crate::json::loader)),
        ("supervisor", TValue::Fn(crate::load_builtin_lua)),
    ],
    init: None,
};

fn globals(vm: &mut Vm) -> Value {
    Value::Table(vm.globals)
}

/// The main script's directory: every process's `package.path` searches
/// it too.
static SCRIPT_DIR: std::sync::OnceLock<String> = std::sync::OnceLock::new();

fn default_path(vm: &mut Vm) -> Value {
    let mut p = env_path(&["LUA_PATH_5_3", "LUA_PATH"], PATH_DEFAULT);
    if let Some(dir) = SCRIPT_DIR.get() {
        p.push_str(&format!(";{dir}/?.lua;{dir}/?/init.lua"));
    }
    vm.new_str(p)
}

fn default_cpath(vm: &mut Vm) -> Value {
    vm.new_str(env_path(&["LUA_CPATH_5_3", "LUA_CPATH"], CPATH_DEFAULT))
}

fn searchers(vm: &mut Vm) -> Value {
    let pkg = vm.lib_table(&LIB);
    let searchers = vm.new_table_sized(4, 0);
    for (i, f) in [
        searcher_preload as wlua_vm::NativeFn,
        searcher_lua,
        searcher_c,
        searcher_croot,
    ]
    .into_iter()
    .enumerate()
    {
        // Searchers find `package` through an upvalue, as in the reference.
        let s = vm.new_native(f, vec![Value::Table(pkg)]);
        searchers.get_mut().set_int(i as i64 + 1, s);
    }
    Value::Table(searchers)
}

/// The global `require` (finds `package` through an upvalue).
pub fn build_require(vm: &mut Vm) -> Value {
    let pkg = vm.lib_table(&LIB);
    vm.new_native(require, vec![Value::Table(pkg)])
}

/// `package.loaded`, kept in the registry so the VM can name functions.
pub fn loaded_table(vm: &mut Vm) -> Gc<Table> {
    vm.lib_table(&LOADED)
}

/// Makes `package.path` search the main script's directory (when it is
/// not the current directory), in every process created from now on.
pub fn set_script_dir(script: &str) {
    if let Some(d) = std::path::Path::new(script).parent() {
        if !d.as_os_str().is_empty() && d != std::path::Path::new(".") {
            let _ = SCRIPT_DIR.set(d.display().to_string());
        }
    }
}

fn pkg_field(vm: &mut Vm, name: &str) -> Value {
    match vm.native_upvalue(0) {
        Value::Table(p) => vm.raw_get_str(p, name),
        _ => Value::Nil,
    }
}

/// `fopen(path, "r")` succeeds (on Linux, for directories too, as in the reference).
fn readable(path: &str) -> bool {
    std::fs::File::open(path).is_ok()
}

/// searchpath: the first readable file, or the list of tried names.
pub fn search_path(name: &str, path: &str, sep: &str, rep: &str) -> Result<String, String> {
    let name = if sep.is_empty() {
        name.to_string()
    } else {
        name.replace(sep, rep)
    };
    let mut msg = String::new();
    for templ in path.split(';').filter(|t| !t.is_empty()) {
        let file = templ.replace('?', &name);
        if readable(&file) {
            return Ok(file);
        }
        msg.push_str(&format!("\n\tno file '{}'", file));
    }
    Err(msg)
}

fn searchpath(vm: &mut Vm, args: Vals) -> NResult {
    // The reference's compiler evaluates luaL_checkstring(L, 2) first.
    let path = check_str(vm, &args, 1)?.get().to_str_lossy().into_owned();
    let name = check_str(vm, &args, 0)?.get().to_str_lossy().into_owned();
    let sep = match args::opt_str(vm, &args, 2)? {
        Some(s) => s.get().to_str_lossy().into_owned(),
        None => ".".to_string(),
    };
    let rep = match args::opt_str(vm, &args, 3)? {
        Some(s) => s.get().to_str_lossy().into_owned(),
        None => "/".to_string(),
    };
    match search_path(&name, &path, &sep, &rep) {
        Ok(f) => rets![vm.new_str(f)],
        Err(m) => {
            let m = vm.new_str(m);
            rets![Value::Nil, m]
        }
    }
}

/// package.loadlib: wlua cannot load C libraries. A missing file fails
/// as dlopen would ("open"); any other as a build without dynamic
/// libraries does ("absent").
fn loadlib(vm: &mut Vm, args: Vals) -> NResult {
    let path = check_str(vm, &args, 0)?.get().to_str_lossy().into_owned();
    check_str(vm, &args, 1)?;
    let (msg, kind) = if std::fs::metadata(&path).is_err() {
        (
            format!("{path}: cannot open shared object file: No such file or directory"),
            "open",
        )
    } else {
        (
            "dynamic libraries not enabled; check your Lua installation".to_string(),
            "absent",
        )
    };
    let m = vm.new_str(msg);
    let k = vm.new_str(kind);
    rets![Value::Nil, m, k]
}

fn searcher_preload(vm: &mut Vm, args: Vals) -> NResult {
    let name = check_str(vm, &args, 0)?;
    let reg = vm.registry;
    let v = match vm.raw_get_str(reg, PRELOAD_KEY) {
        Value::Table(pre) => pre.get().get(Value::Str(name)),
        _ => Value::Nil,
    };
    if v.is_nil() {
        let m = format!(
            "\n\tno field package.preload['{}']",
            name.get().to_str_lossy()
        );
        rets![vm.new_str(m)]
    } else {
        rets![v]
    }
}

fn path_of(vm: &mut Vm, field: &str) -> Result<String, LuaError> {
    match pkg_field(vm, field) {
        Value::Str(s) => Ok(s.get().to_str_lossy().into_owned()),
        v @ (Value::Int(_) | Value::Float(_)) => {
            Ok(String::from_utf8_lossy(&vm.tostring_bytes(v)?).into_owned())
        }
        _ => Err(LuaError::msg(format!(
            "'package.{}' must be a string",
            field
        ))),
    }
}

fn searcher_lua(vm: &mut Vm, args: Vals) -> NResult {
    let name = check_str(vm, &args, 0)?.get().to_str_lossy().into_owned();
    let path = path_of(vm, "path")?;
    match search_path(&name, &path, ".", "/") {
        Err(m) => rets![vm.new_str(m)],
        Ok(file) => match crate::load::load_file(vm, Some(&file), "bt", None) {
            Ok(f) => {
                let fname = vm.new_str(&file);
                rets![f, fname]
            }
            Err(e) => Err(LuaError::msg(format!(
                "error loading module '{}' from file '{}':\n\t{}",
                name,
                file,
                String::from_utf8_lossy(&e)
            ))),
        },
    }
}

fn searcher_c(vm: &mut Vm, args: Vals) -> NResult {
    let name = check_str(vm, &args, 0)?.get().to_str_lossy().into_owned();
    let cpath = path_of(vm, "cpath")?;
    match search_path(&name, &cpath, ".", "/") {
        Err(m) => rets![vm.new_str(m)],
        Ok(file) => Err(LuaError::msg(format!(
            "error loading module '{}' from file '{}':\n\tC modules are not supported by wlua",
            name, file
        ))),
    }
}

fn searcher_croot(vm: &mut Vm, args: Vals) -> NResult {
    let name = check_str(vm, &args, 0)?.get().to_str_lossy().into_owned();
    let Some(dot) = name.find('.') else {
        return rets!();
    };
    let root = &name[..dot];
    let cpath = path_of(vm, "cpath")?;
    match search_path(root, &cpath, ".", "/") {
        Err(m) => rets![vm.new_str(m)],
        Ok(file) => Err(LuaError::msg(format!(
            "error loading module '{}' from file '{}':\n\tC modules are not supported by wlua",
            name, file
        ))),
    }
}

fn require(vm: &mut Vm, args: Vals) -> NResult {
    let name = check_str(vm, &args, 0)?;
    // Before package.loaded: a denied standard library is loaded already.
    if let Some(d) = crate::sandbox::denied_module(&name.get().to_str_lossy()) {
        return Err(crate::sandbox::module_error(&name.get().to_str_lossy(), d));
    }
    let loaded = loaded_table(vm);
    let have = loaded.get().get(Value::Str(name));
    if have.truthy() {
        return rets![have];
    }
    let Value::Table(searchers) = pkg_field(vm, "searchers") else {
        return Err(LuaError::msg("'package.searchers' must be a table"));
    };
    let mut msg = Vec::new();
    let mut i = 1;
    let (loader, extra) = loop {
        let s = searchers.get().get_int(i);
        if s.is_nil() {
            let mut m = format!("module '{}' not found:", name.get().to_str_lossy()).into_bytes();
            m.extend_from_slice(&msg);
            return Err(LuaError::msg(String::from_utf8_lossy(&m).into_owned()));
        }
        let r = vm.call(s, &[Value::Str(name)])?;
        match r.first() {
            Some(f) if f.is_function() => break (*f, arg(&r, 1)),
            Some(Value::Str(s)) => msg.extend_from_slice(s.get().as_bytes()),
            // A number is a string too (lua_isstring).
            Some(v @ (Value::Int(_) | Value::Float(_))) => msg.extend(vm.tostring_bytes(*v)?),
            _ => {}
        }
        i += 1;
    };
    let r = vm.call(loader, &[Value::Str(name), extra])?;
    let v = r.first().copied().unwrap_or(Value::Nil);
    if !v.is_nil() {
        loaded.get_mut().set(Value::Str(name), v).ok();
    }
    let mut v = loaded.get().get(Value::Str(name));
    if v.is_nil() {
        v = Value::Bool(true);
        loaded.get_mut().set(Value::Str(name), v).ok();
    }
    Ok(Ret::Vals(smallvec::smallvec![v]))
}
