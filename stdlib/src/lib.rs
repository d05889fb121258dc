//! wlua-stdlib: the Lua 5.3 standard library as Rust natives.
//! See src/README.md for a map of the files.
pub mod args;
pub mod base;
pub mod coroutine;
pub mod debug;
pub mod dump;
pub mod errors;
pub mod io;
pub mod load;
pub mod math;
pub mod os;
pub mod package;
pub mod string;
pub mod table;
pub mod utf8;

use wlua_vm::Vm;

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
}
