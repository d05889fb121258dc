//! wlua-stdlib: the Lua 5.3 standard library as Rust natives.
//! See src/README.md for a map of the files.
pub mod args;
pub mod base;
pub mod channel;
pub mod coroutine;
pub mod debug;
pub mod dump;
pub mod errors;
pub mod io;
pub mod load;
pub mod math;
pub mod os;
pub mod package;
pub mod process;
pub mod string;
pub mod table;
pub mod time;
pub mod utf8;

use wlua_vm::{Value, Vm};

/// Opens every standard library in `vm` (luaL_openlibs).
pub fn open_libs(vm: &mut Vm) {
    base::open(vm);
    coroutine::open(vm);
    string::open(vm);
    table::open(vm);
    math::open(vm);
    utf8::open(vm);
    os::open(vm);
    io::open(vm);
    debug::open(vm);
    package::open(vm);
    errors::open(vm);
    channel::open(vm);
    process::open(vm);
    preload(vm, "time", time::loader);
    for (name, _) in BUILTIN_LUA {
        preload(vm, name, load_builtin_lua);
    }
}

/// Built-in modules written in Lua: name and source.
pub const BUILTIN_LUA: &[(&str, &str)] = &[("supervisor", include_str!("lua/supervisor.lua"))];

/// The source of a built-in Lua module.
pub fn builtin_lua(name: &str) -> Option<&'static str> {
    BUILTIN_LUA.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
}

/// The chunk name a built-in Lua module is compiled under.
pub fn builtin_chunkname(name: &str) -> String {
    format!("=[builtin {name}]")
}

/// `package.preload` loader of the built-in Lua modules: compiles the
/// module's source and tail-calls its main chunk.
fn load_builtin_lua(vm: &mut Vm, args: wlua_vm::Vals) -> wlua_vm::NResult {
    let name = match args.first() {
        Some(Value::Str(s)) => s.get().to_str_lossy().into_owned(),
        _ => String::new(),
    };
    let Some(src) = builtin_lua(&name) else {
        return Err(wlua_vm::LuaError::msg(format!("no built-in module '{name}'")));
    };
    let proto = load::compile(src.as_bytes(), &builtin_chunkname(&name))
        .map_err(wlua_vm::LuaError::msg)?;
    let f = vm.load_proto(proto, None);
    Ok(wlua_vm::Ret::TailCall {
        func: f,
        args: args.clone(),
    })
}

/// Makes a built-in module available to `require` without loading it.
fn preload(vm: &mut Vm, name: &str, loader: wlua_vm::NativeFn) {
    if let Value::Table(t) = vm.raw_get_str(vm.registry, package::PRELOAD_KEY) {
        vm.raw_set_str(t, name, Value::LightFn(loader));
    }
}
