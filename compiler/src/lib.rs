//! wlua-compiler: AST → register bytecode (`wlua_vm::proto::Proto`).
//!
//! A port of the code generator of the reference compiler (lparser.c's
//! code-generating half and lcode.c) onto the AST: the same instruction
//! patterns, register allocation, constant folding, jump lists and debug
//! information, so that the VM's error messages (derived from the bytecode
//! as ldebug.c does) read like the reference's. Type annotations, casts and
//! `!` assertions generate no code. See src/README.md for the files.

mod code;
mod emit;
mod error;
mod expdesc;
mod fold;
mod func_state;
mod operators;
mod regalloc;

#[cfg(test)]
mod tests;

pub use error::{CompileError, ErrorKind};

use wlua_parser::ast;
use wlua_vm::proto::Proto;

/// Compiles a chunk into its main function: a vararg function whose only
/// upvalue is `_ENV` (in the caller's stack, index 0), with `source` set to
/// `chunkname` (`@file.lua`, `=stdin`, or the source text itself).
pub fn compile(chunk: &ast::Block<'_>, chunkname: &str) -> Result<Proto, CompileError> {
    let mut c = func_state::Compiler::new(chunkname);
    c.main_func(chunk).map_err(|e| *e)
}
