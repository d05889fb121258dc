//! Turning source text into functions: parse, compile, instantiate
//! (the part of ldo.c/lauxlib.c behind `load`, `loadfile`, `dofile` and
//! the command line).

use std::sync::Arc;
use wlua_vm::proto::Proto;
use wlua_vm::{Value, Vm};

/// Compiles `src` under `chunkname` (`@file`, `=stdin`, or the source).
/// The error is the message `load` returns.
pub fn compile(src: &[u8], chunkname: &str) -> Result<Arc<Proto>, String> {
    let arena = bumpalo::Bump::new();
    let block = wlua_parser::parse(&arena, src, chunkname).map_err(|e| e.to_string())?;
    let proto = wlua_compiler::compile(&block, chunkname).map_err(|e| e.to_string())?;
    Ok(Arc::new(proto))
}

/// `load` with a mode check: wlua has no loadable binary format, so binary
/// chunks (starting with ESC) are refused.
pub fn load_chunk(vm: &mut Vm, src: &[u8], chunkname: &str, mode: &str, env: Option<Value>) -> Result<Value, String> {
    let is_binary = src.first() == Some(&0x1b);
    let kind = if is_binary { "binary" } else { "text" };
    if !mode.contains(if is_binary { 'b' } else { 't' }) {
        return Err(format!("attempt to load a {} chunk (mode is '{}')", kind, mode));
    }
    if is_binary {
        return Err(format!(
            "{}: binary chunks are not supported by wlua",
            wlua_vm::debuginfo::chunkid(chunkname)
        ));
    }
    let proto = compile(src, chunkname)?;
    Ok(vm.load_proto(proto, env))
}

/// Reads a source file as luaL_loadfilex does: a first line starting with
/// `#` is skipped (its newline kept so line numbers stay right).
pub fn read_source(path: Option<&str>) -> Result<(Vec<u8>, String), String> {
    let (mut data, name) = match path {
        Some(p) => {
            let d = std::fs::read(p).map_err(|e| format!("cannot open {}: {}", p, errno_text(&e)))?;
            (d, format!("@{}", p))
        }
        None => {
            use std::io::Read;
            let mut d = Vec::new();
            std::io::stdin()
                .read_to_end(&mut d)
                .map_err(|e| format!("cannot read stdin: {}", errno_text(&e)))?;
            (d, "=stdin".to_string())
        }
    };
    if data.first() == Some(&b'#') {
        let end = data.iter().position(|&c| c == b'\n').unwrap_or(data.len());
        data.drain(..end);
    }
    Ok((data, name))
}

pub fn load_file(vm: &mut Vm, path: Option<&str>, mode: &str, env: Option<Value>) -> Result<Value, String> {
    let (src, name) = read_source(path)?;
    load_chunk(vm, &src, &name, mode, env)
}

/// The C library's text for an I/O error ("No such file or directory"),
/// without Rust's " (os error N)" suffix.
pub fn errno_text(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}
