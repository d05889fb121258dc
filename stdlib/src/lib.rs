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
}

/// Makes a built-in module available to `require` without loading it.
fn preload(vm: &mut Vm, name: &str, loader: wlua_vm::NativeFn) {
    if let Value::Table(t) = vm.raw_get_str(vm.registry, package::PRELOAD_KEY) {
        vm.raw_set_str(t, name, Value::LightFn(loader));
    }
}
