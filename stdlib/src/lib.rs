//! wlua-stdlib: the Lua 5.3 standard library as Rust natives.
//! See src/README.md for a map of the files.
pub mod args;
pub mod base;
pub mod channel;
pub mod coroutine;
pub mod debug;
pub mod dump;
pub mod errors;
pub mod http_client;
pub mod io;
pub mod json;
pub mod load;
pub mod math;
pub mod os;
pub mod package;
pub mod process;
pub mod sandbox;
pub mod sql;
pub mod string;
pub mod table;
pub mod time;
pub mod timefmt;
pub mod types;
pub mod utf8;

use wlua_vm::lazy::{TValue, Template};
use wlua_vm::{Value, Vm};

/// Opens every standard library in `vm` (luaL_openlibs). Nothing is built
/// yet: the globals and the registry follow templates and materialise
/// what the process uses (wlua_vm::lazy), so a process costs little more
/// than its own data.
pub fn open_libs(vm: &mut Vm) {
    let g = vm.globals;
    vm.adopt_lib(g, &base::GLOBALS);
    let r = vm.registry;
    vm.adopt_lib(r, &REGISTRY);
    let mt = vm.lib_table(&string::META);
    let empty = vm.new_str("");
    vm.set_metatable(&empty, Some(mt));
    sandbox::apply(vm);
}

/// Shares the names of every library template among all heaps
/// (`wlua_vm::gc::set_static_names`): call once before creating VMs.
pub fn init() {
    wlua_vm::gc::set_static_names(static_names);
    // Timer channels deliver Time objects.
    let _ = wlua_sched::local::TIME_VALUE.set(time::time_value);
}

/// Every name and string constant in the library templates, plus the
/// keys of the tables the runtime builds (select results, events).
fn static_names() -> Vec<&'static [u8]> {
    fn walk(t: &'static Template, out: &mut Vec<&'static [u8]>, seen: &mut Vec<usize>) {
        let id = t as *const Template as usize;
        if seen.contains(&id) {
            return;
        }
        seen.push(id);
        for (k, v) in t.entries {
            out.push(k.as_bytes());
            match v {
                TValue::Str(s) => out.push(s.as_bytes()),
                TValue::Bytes(b) => out.push(b),
                TValue::Lib(t2) => walk(t2, out, seen),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    let mut seen = Vec::new();
    for t in [
        &base::GLOBALS,
        &REGISTRY,
        &string::META,
        &time::LIB,
        &sql::LIB,
        &http_client::LIB,
        &json::LIB,
        &types::LIB,
        &types::META,
        &types::METHODS,
    ] {
        walk(t, &mut out, &mut seen);
    }
    out.extend(
        [
            "n",
            "channel",
            "value",
            "ok",
            "default",
            "kind",
            "type",
            "from",
            "result",
            "error",
            "reason",
            "details",
            "cause",
            "message",
            "retryable",
            "_ENV",
            "self",
        ]
        .iter()
        .map(|s| s.as_bytes()),
    );
    out
}

/// The registry's named entries.
static REGISTRY: Template = Template {
    name: "registry",
    entries: &[
        (package::LOADED_KEY, TValue::Lib(&package::LOADED)),
        (package::PRELOAD_KEY, TValue::Lib(&package::PRELOAD)),
        (
            wlua_sched::error_value::ERROR_META_KEY,
            TValue::Lib(&errors::META),
        ),
        (
            wlua_sched::channel::CHANNEL_META_KEY,
            TValue::Lib(&channel::META),
        ),
        (
            wlua_sched::channel::CASE_META_KEY,
            TValue::Lib(&channel::CASE_META),
        ),
        (
            wlua_sched::msgobj::MESSAGE_META_KEY,
            TValue::Lib(&process::MESSAGE_META),
        ),
        (
            wlua_sched::msgobj::PAYLOAD_META_KEY,
            TValue::Lib(&process::PAYLOAD_META),
        ),
        (time::TIMER_META_KEY, TValue::Lib(&time::TIMER_META)),
        (sql::DB_META_KEY, TValue::Lib(&sql::DB_META)),
        (sql::STMT_META_KEY, TValue::Lib(&sql::STMT_META)),
        (sql::TX_META_KEY, TValue::Lib(&sql::TX_META)),
        (
            http_client::RESPONSE_META_KEY,
            TValue::Lib(&http_client::RESPONSE_META),
        ),
        (time::TIME_META_KEY, TValue::Lib(&time::TIME_META)),
        (time::DURATION_META_KEY, TValue::Lib(&time::DURATION_META)),
        (time::LOCATION_META_KEY, TValue::Lib(&time::LOCATION_META)),
        (types::META_KEY, TValue::Lib(&types::META)),
    ],
    init: None,
};

/// Built-in modules written in Lua: name and source.
pub const BUILTIN_LUA: &[(&str, &str)] = &[("supervisor", include_str!("lua/supervisor.lua"))];

/// The source of a built-in Lua module.
pub fn builtin_lua(name: &str) -> Option<&'static str> {
    BUILTIN_LUA
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, s)| *s)
}

/// The chunk name a built-in Lua module is compiled under.
pub fn builtin_chunkname(name: &str) -> String {
    format!("=[builtin {name}]")
}

/// `package.preload` loader of the built-in Lua modules: compiles the
/// module's source and tail-calls its main chunk.
pub fn load_builtin_lua(vm: &mut Vm, args: wlua_vm::Vals) -> wlua_vm::NResult {
    let name = match args.first() {
        Some(Value::Str(s)) => s.get().to_str_lossy().into_owned(),
        _ => String::new(),
    };
    let Some(src) = builtin_lua(&name) else {
        return Err(wlua_vm::LuaError::msg(format!(
            "no built-in module '{name}'"
        )));
    };
    let proto =
        load::compile(src.as_bytes(), &builtin_chunkname(&name)).map_err(wlua_vm::LuaError::msg)?;
    let f = vm.load_proto(proto, None);
    Ok(wlua_vm::Ret::TailCall {
        func: f,
        args: args.clone(),
    })
}
