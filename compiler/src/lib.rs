//! wlua-compiler: AST → register bytecode (`wlua_vm::proto::Proto`).
//!
//! A port of the code generator of the reference compiler (lparser.c's
//! code-generating half and lcode.c) onto the AST: the same instruction
//! patterns, register allocation, constant folding, jump lists and debug
//! information, so that the VM's error messages (derived from the bytecode
//! as ldebug.c does) read like the reference's. Type annotations, casts and
//! `!` assertions generate no code; `type` statements and `typeof(x)` of an
//! annotated `x` call the `types` library (typedesc.rs). See src/README.md
//! for the files.

mod code;
mod emit;
mod error;
mod expdesc;
mod fold;
mod func_state;
mod linemap;
mod operators;
mod regalloc;

#[cfg(test)]
mod tests;
pub mod typedesc;

pub use error::{CompileError, ErrorKind};

use wlua_parser::ast;
use wlua_vm::proto::Proto;

/// Compiles a chunk into its main function: a vararg function whose only
/// upvalue is `_ENV` (in the caller's stack, index 0), with `source` set to
/// `chunkname` (`@file.lua`, `=stdin`, or the source text itself).
///
/// Line information comes from the AST's `line` fields; prefer
/// `compile_with_source` when the source text is at hand.
pub fn compile(chunk: &ast::Block<'_>, chunkname: &str) -> Result<Proto, CompileError> {
    let mut c = func_state::Compiler::new(chunkname);
    c.main_func(chunk).map_err(|e| *e)
}

/// `compile`, given also the source text the chunk was parsed from: node
/// spans then locate the tokens the AST does not record (closing `)`/`]`/`}`,
/// `then`, `do`, a method name after `:`), whose lines the reference gives
/// to some instructions, so the line table matches `luac` exactly.
pub fn compile_with_source<'a>(
    chunk: &ast::Block<'a>,
    chunkname: &str,
    source: &'a [u8],
) -> Result<Proto, CompileError> {
    let mut c = func_state::Compiler::new(chunkname);
    c.src = Some(linemap::SourceLines::new(source));
    c.main_func(chunk).map_err(|e| *e)
}
