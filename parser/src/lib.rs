//! wlua-parser: Lua 5.3 and the typed dialect (spec/types.md §2) into the
//! arena AST of ast.rs.
//!
//! How a parse goes:
//! 1. tokens.rs turns lexer tokens into parser tokens, deciding the typed
//!    dialect's contextual words;
//! 2. the lalrpop grammar (grammar.lalrpop, actions in actions.rs) builds
//!    the tree;
//! 3. check.rs walks the tree for what the reference checks while parsing
//!    besides the grammar: the nesting limit and `...` outside a vararg
//!    function;
//! 4. only when 2 or 3 fail, diagnose.rs re-reads the source the way
//!    lparser.c does to find the reference's exact error message. It also
//!    counts locals (200 declared per function) and upvalues (255), so a
//!    limit the reference meets before the syntax or nesting error is the
//!    one reported.
//!
//! Not checked here (the compiler's job, as they need scopes): `goto`
//! targets, duplicate labels, `break` outside a loop, registers, and the
//! limits on locals and upvalues in a chunk that parses and nests fine
//! (the compiler meets them in the same order as the reference).

mod actions;
pub mod ast;
mod check;
mod diagnose;
mod error;
mod tokens;

#[cfg(test)]
mod tests;

#[allow(clippy::all, unused, unused_parens)]
mod grammar {
    include!(concat!(env!("OUT_DIR"), "/grammar.rs"));
}

use bumpalo::Bump;
use wlua_lexer::Lexer;

pub use error::SyntaxError;
pub use wlua_lexer::chunkid;

use tokens::{LalrIter, TokStream};

/// How to read a chunk.
#[derive(Clone, Copy, Debug)]
pub struct ParseOptions {
    /// The chunk comes from a file (`luaL_loadfilex`): a UTF-8 BOM and a
    /// first line starting with `#` are skipped.
    pub file: bool,
    /// `L->nCcalls` when the parser starts; nesting errors fire when the
    /// parser's own levels push it past 200. The standalone interpreter
    /// loading a script has 1 here; `load` called from a chunk has 2 or more
    /// (one per C call in progress).
    pub base_level: u32,
}

impl ParseOptions {
    /// The options `parse` uses for a chunk name: file mode for `@file` and
    /// `=stdin` (what `lua` itself loads from files), base level 1.
    pub fn for_chunkname(chunkname: &str) -> ParseOptions {
        ParseOptions {
            file: chunkname.starts_with('@') || chunkname == "=stdin",
            base_level: 1,
        }
    }
}

/// Parses a chunk into a tree allocated in `arena`. `chunkname` is the
/// reference's chunk name (`@file.lua`, `=stdin`, or the source text for
/// `load` of a string); errors show it through `chunkid`.
pub fn parse<'a>(
    arena: &'a Bump,
    source: &[u8],
    chunkname: &str,
) -> Result<ast::Block<'a>, SyntaxError> {
    parse_with(
        arena,
        source,
        chunkname,
        ParseOptions::for_chunkname(chunkname),
    )
}

/// `parse` with explicit options.
pub fn parse_with<'a>(
    arena: &'a Bump,
    source: &[u8],
    chunkname: &str,
    opts: ParseOptions,
) -> Result<ast::Block<'a>, SyntaxError> {
    let lexer = if opts.file {
        Lexer::new_file(source)
    } else {
        Lexer::new(source)
    };
    let mut ts = TokStream::new(lexer, arena);
    let cx = actions::Cx::new(arena);
    let result = grammar::ChunkParser::new().parse(arena, &cx, LalrIter { ts: &mut ts });
    match result {
        Ok(mut block) => {
            block.end_line = ts.eof_line();
            // The walk may overestimate nesting; the diagnoser decides.
            if check::tree_ok(&block, opts.base_level) {
                return Ok(block);
            }
            match diagnose::diagnose(source, opts.file, opts.base_level) {
                None => Ok(block),
                Some(d) => Err(SyntaxError::new(
                    chunkid(chunkname),
                    d.line,
                    d.to_bytes(),
                    d.span,
                )),
            }
        }
        Err(e) => Err(syntax_error(source, chunkname, opts, e, &ts)),
    }
}

#[cold]
fn syntax_error(
    source: &[u8],
    chunkname: &str,
    opts: ParseOptions,
    fail: lalrpop_util::ParseError<tokens::Pos, tokens::Tok<'_>, tokens::ParseFail>,
    ts: &TokStream<'_, '_>,
) -> SyntaxError {
    let chunk = chunkid(chunkname);
    if let Some(d) = diagnose::diagnose(source, opts.file, opts.base_level) {
        return SyntaxError::new(chunk, d.line, d.to_bytes(), d.span);
    }
    #[cfg(test)]
    tests::FALLBACKS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    // The diagnoser found nothing: a corner where the grammar is stricter
    // than the reference's parser (typed dialect). Report where the grammar
    // stopped.
    use lalrpop_util::ParseError as P;
    let (line, span, near) = match fail {
        P::UnrecognizedToken {
            token: (l, t, r), ..
        }
        | P::ExtraToken { token: (l, t, r) } => (
            l.line,
            ast::Span {
                start: l.off,
                end: r.off,
            },
            t.describe(),
        ),
        P::User { error } => (
            ts.last_line,
            ast::Span {
                start: error.at,
                end: error.at,
            },
            String::new(),
        ),
        _ => (ts.eof_line(), ast::Span::default(), "<eof>".into()),
    };
    let msg = if near.is_empty() {
        "syntax error".to_string()
    } else {
        format!("syntax error near {near}")
    };
    SyntaxError::new(chunk, line, msg.into_bytes(), span)
}
