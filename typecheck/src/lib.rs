//! wlua-typecheck: the gradual type checker behind `wlua check`
//! (spec/types.md, docs/typecheck.md).
//!
//! `check_source` parses one chunk and checks it; the CLI (src/lib.rs
//! `check::run`) walks files and renders the diagnostics. Files: ty.rs
//! (types, unions, printing), subtype.rs, builtins.rs (standard library
//! signatures), infer/ (the walk: inference, narrowing, calls), diag.rs
//! (codes, text and JSON rendering).

pub mod builtins;
pub mod diag;
pub mod infer;
pub mod subtype;
pub mod ty;

pub use diag::{Diagnostic, Severity, code};

/// Result of checking one source: a syntax error (reported by the CLI as
/// the parser words it) or the type diagnostics, in source order.
pub enum Checked {
    Syntax(wlua_parser::SyntaxError),
    Types(Vec<Diagnostic>),
}

/// Stack for the checker's thread: recursion is bounded by the depth
/// limit in infer.rs, this leaves a wide margin on top of it.
pub const STACK: usize = 256 << 20;

/// What a check reports besides type errors.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// The lint rules (W codes, severity warning; `wlua check --rules`).
    pub rules: bool,
}

/// Parses and checks `src`; `chunkname` as for the parser (`@path`).
pub fn check_source(src: &[u8], chunkname: &str) -> Checked {
    check_with(src, chunkname, None, Options::default())
}

/// As `check_source`, with options.
pub fn check_source_with(src: &[u8], chunkname: &str, opts: Options) -> Checked {
    check_with(src, chunkname, None, opts)
}

/// As `check_source` for a file on disk: `require("mod")` of a module
/// found beside it (`mod.lua`, `mod/init.lua`) is checked and typed.
pub fn check_file(src: &[u8], path: &std::path::Path) -> Checked {
    check_file_with(src, path, Options::default())
}

/// As `check_file`, with options.
pub fn check_file_with(src: &[u8], path: &std::path::Path, opts: Options) -> Checked {
    let base = path.parent().map(|p| p.to_path_buf()).unwrap_or_default();
    let modules = infer::Modules {
        base,
        done: Default::default(),
        depth: 0,
    };
    check_with(
        src,
        &format!("@{}", path.display()),
        Some(std::rc::Rc::new(std::cell::RefCell::new(modules))),
        opts,
    )
}

fn check_with(
    src: &[u8],
    chunkname: &str,
    modules: Option<std::rc::Rc<std::cell::RefCell<infer::Modules>>>,
    opts: Options,
) -> Checked {
    let arena = bumpalo::Bump::new();
    let block = match wlua_parser::parse(&arena, src, chunkname) {
        Ok(b) => b,
        Err(e) => return Checked::Syntax(e),
    };
    let mut c = infer::Checker::new();
    c.load_builtins();
    c.modules = modules;
    c.rules = opts.rules;
    if opts.rules {
        c.line_starts = std::iter::once(0)
            .chain(
                src.iter()
                    .enumerate()
                    .filter(|(_, b)| **b == b'\n')
                    .map(|(i, _)| i as u32 + 1),
            )
            .collect();
    }
    c.chunk(&block);
    let mut d = c.diags;
    d.sort_by_key(|d| (d.span.start, d.span.end));
    d.dedup_by(|a, b| a.span == b.span && a.code == b.code && a.message == b.message);
    Checked::Types(d)
}

#[cfg(test)]
mod tests;
