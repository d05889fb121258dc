//! Compiler tests: listings checked against `luac5.3 -l -l` (live when
//! luac5.3 is installed, frozen as strings for short stable cases), limit
//! and goto errors, folding, and deep chains on a small stack.

mod fuzz;
mod listing;
mod reference;
mod unit;

use crate::CompileError;
use bumpalo::Bump;
use wlua_vm::proto::Proto;

/// Compiles source text (parsed by wlua-parser) as chunk `@t.lua`.
pub fn compile_src(src: &str) -> Result<Proto, CompileError> {
    let arena = Bump::new();
    let block = wlua_parser::parse(&arena, src.as_bytes(), "@t.lua")
        .unwrap_or_else(|e| panic!("parse error: {e}"));
    crate::compile_with_source(&block, "@t.lua", src.as_bytes())
}

pub fn compile_err(src: &str) -> String {
    match compile_src(src) {
        Ok(_) => panic!("expected a compile error for {src:?}"),
        Err(e) => e.to_string(),
    }
}

/// Instructions of the main function as `OPNAME a b c` lines (luac operand
/// conventions: constants negative).
pub fn code(src: &str) -> String {
    let p = compile_src(src).unwrap_or_else(|e| panic!("compile error: {e}"));
    code_of(&p)
}

pub fn code_of(p: &Proto) -> String {
    p.code
        .iter()
        .map(|&i| format!("{} {}\n", i.op().info().name, listing::operands(i)))
        .collect()
}

/// Runs `f` on a thread with a small stack (deep inputs must not overflow).
pub fn on_small_stack<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|s| {
        std::thread::Builder::new()
            .stack_size(SMALL_STACK)
            .spawn_scoped(s, f)
            .expect("spawn")
            .join()
            .expect("compiler thread panicked")
    })
}

/// A deliberately small stack for the compiler (unoptimised builds use
/// several times more stack per nesting level than optimised ones).
pub const SMALL_STACK: usize = if cfg!(debug_assertions) { 512 } else { 160 } * 1024;

/// Runs `f` with a large stack (for the parser on deep inputs).
pub fn on_big_stack<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|s| {
        std::thread::Builder::new()
            .stack_size(64 << 20)
            .spawn_scoped(s, f)
            .expect("spawn")
            .join()
            .expect("test thread panicked")
    })
}
