//! The package library and `require` (loadlib.c): `package.loaded`,
//! `preload`, `path`, `cpath`, `searchers`, `searchpath`, `config`.
//!
//! wlua loads Lua modules only; the C searchers keep the reference's
//! messages (so a missing module lists the same places) but refuse to load
//! a shared library if one is found.

use crate::args::{self, arg, check_str};
use wlua_vm::func::Ret;
use wlua_vm::gc::Gc;
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

pub fn open(vm: &mut Vm) {
    let pkg = args::new_lib(
        vm,
        "package",
        &[("searchpath", searchpath), ("loadlib", loadlib)],
    );
    let loaded = loaded_table(vm);
    // As in 5.3, the preload searcher reads the registry's table, so
    // replacing `package.preload` does not change what it finds.
    let preload = vm.new_table();
    let reg = vm.registry;
    vm.raw_set_str(reg, PRELOAD_KEY, Value::Table(preload));
    vm.raw_set_str(pkg, "loaded", Value::Table(loaded));
    vm.raw_set_str(pkg, "preload", Value::Table(preload));
    let path = vm.new_str(env_path(&["LUA_PATH_5_3", "LUA_PATH"], PATH_DEFAULT));
    vm.raw_set_str(pkg, "path", path);
    let cpath = vm.new_str(env_path(&["LUA_CPATH_5_3", "LUA_CPATH"], CPATH_DEFAULT));
    vm.raw_set_str(pkg, "cpath", cpath);
    let config = vm.new_str("/\n;\n?\n!\n-\n");
    vm.raw_set_str(pkg, "config", config);
    let searchers = vm.new_table();
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
    vm.raw_set_str(pkg, "searchers", Value::Table(searchers));
    let req = vm.new_native(require, vec![Value::Table(pkg)]);
    vm.set_global("require", req);
    // Every library opened so far is a loaded module.
    let g = vm.globals;
    for name in [
        "_G",
        "coroutine",
        "table",
        "io",
        "os",
        "string",
        "math",
        "utf8",
        "package",
        "debug",
    ] {
        let v = if name == "_G" {
            Value::Table(g)
        } else {
            vm.get_global(name)
        };
        if !v.is_nil() {
            vm.raw_set_str(loaded, name, v);
        }
    }
}

/// `package.loaded`, kept in the registry so the VM can name functions.
pub fn loaded_table(vm: &mut Vm) -> Gc<Table> {
    let reg = vm.registry;
    match vm.raw_get_str(reg, LOADED_KEY) {
        Value::Table(t) => t,
        _ => {
            let t = vm.new_table();
            vm.raw_set_str(reg, LOADED_KEY, Value::Table(t));
            t
        }
    }
}

/// Appends the script's directory to `package.path` (when it is not the
/// current directory), so modules beside the main script are found.
pub fn add_script_dir(vm: &mut Vm, script: &str) {
    let dir = match std::path::Path::new(script).parent() {
        Some(d) if !d.as_os_str().is_empty() && d != std::path::Path::new(".") => {
            d.display().to_string()
        }
        _ => return,
    };
    let Value::Table(pkg) = vm.get_global("package") else {
        return;
    };
    let Value::Str(p) = vm.raw_get_str(pkg, "path") else {
        return;
    };
    let newp = format!("{};{dir}/?.lua;{dir}/?/init.lua", p.get().to_str_lossy());
    let v = vm.new_str(newp);
    vm.raw_set_str(pkg, "path", v);
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
