//! Turning source text into functions: parse, compile, instantiate
//! (the part of ldo.c/lauxlib.c behind `load`, `loadfile`, `dofile` and
//! the command line).

use std::sync::Arc;
use wlua_vm::proto::Proto;
use wlua_vm::{Value, Vm};

/// Compiles `src` under `chunkname` (`@file`, `=stdin`, or the source).
/// `opts` says whether the text came from a file and how deep in native
/// calls the loader runs (the parser's nesting limit counts them). The
/// error is the message `load` returns, as raw bytes.
pub fn compile_opts(
    src: &[u8],
    chunkname: &str,
    opts: wlua_parser::ParseOptions,
) -> Result<Arc<Proto>, Vec<u8>> {
    let arena = bumpalo::Bump::new();
    let block = wlua_parser::parse_with(&arena, src, chunkname, opts).map_err(|e| e.to_bytes())?;
    let proto = wlua_compiler::compile_with_source(&block, chunkname, src)
        .map_err(|e| e.to_string().into_bytes())?;
    Ok(Arc::new(proto))
}

/// Compiles with the options the chunk name implies (a file for `@name`).
pub fn compile(src: &[u8], chunkname: &str) -> Result<Arc<Proto>, String> {
    compile_opts(
        src,
        chunkname,
        wlua_parser::ParseOptions::for_chunkname(chunkname),
    )
    .map_err(|e| String::from_utf8_lossy(&e).into_owned())
}

/// `load` with a mode check. Binary chunks (starting with ESC) are read by
/// `dump::undump`: only those `string.dump` of this build wrote.
pub fn load_chunk(
    vm: &mut Vm,
    src: &[u8],
    chunkname: &str,
    mode: &str,
    env: Option<Value>,
) -> Result<Value, Vec<u8>> {
    load_chunk_opts(
        vm,
        src,
        chunkname,
        mode,
        env,
        wlua_parser::ParseOptions {
            file: false,
            base_level: 2,
        },
    )
}

pub fn load_chunk_opts(
    vm: &mut Vm,
    src: &[u8],
    chunkname: &str,
    mode: &str,
    env: Option<Value>,
    opts: wlua_parser::ParseOptions,
) -> Result<Value, Vec<u8>> {
    let is_binary = src.first() == Some(&0x1b);
    let kind = if is_binary { "binary" } else { "text" };
    if !mode.contains(if is_binary { 'b' } else { 't' }) {
        return Err(format!("attempt to load a {} chunk (mode is '{}')", kind, mode).into_bytes());
    }
    if is_binary {
        // Only what `string.dump` of this build wrote, checked and verified.
        let proto = crate::dump::undump(src, chunkname).map_err(String::into_bytes)?;
        return Ok(vm.load_proto(proto, env));
    }
    let proto = compile_opts(src, chunkname, opts)?;
    Ok(vm.load_proto(proto, env))
}

/// Reads a source file as luaL_loadfilex does: a first line starting with
/// `#` is skipped (its newline kept so line numbers stay right).
pub fn read_source(path: Option<&str>) -> Result<(Vec<u8>, String), String> {
    let (mut data, name) = match path {
        Some(p) => {
            let d =
                std::fs::read(p).map_err(|e| format!("cannot open {}: {}", p, errno_text(&e)))?;
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

pub fn load_file(
    vm: &mut Vm,
    path: Option<&str>,
    mode: &str,
    env: Option<Value>,
) -> Result<Value, Vec<u8>> {
    let (src, name) = read_source(path).map_err(String::into_bytes)?;
    load_chunk_opts(
        vm,
        &src,
        &name,
        mode,
        env,
        wlua_parser::ParseOptions {
            file: true,
            base_level: 2,
        },
    )
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
