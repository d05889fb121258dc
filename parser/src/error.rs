//! `SyntaxError`: what `parse` returns when the source is not a valid chunk.
//! Displays exactly as the reference prints it: `chunk:line: message`,
//! where the message ends with the "near" part (`near 'x'`, `near <eof>`)
//! unless the reference omits it.

use std::fmt;

use crate::ast::Span;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// The chunk name as messages show it (`luaO_chunkid` of the name given
    /// to `parse`): `t.lua`, `stdin`, `[string "x = = 1"]`.
    pub chunk: String,
    /// The line the reference reports.
    pub line: u32,
    /// The message without the `chunk:line: ` prefix, e.g.
    /// `unexpected symbol near 'x'`. Bytes of the "near" text that are not
    /// UTF-8 are replaced here; `message_bytes` has them exactly.
    pub message: String,
    /// Byte range of the offending token (or of the lexical element).
    pub span: Span,
    /// The exact message bytes.
    bytes: Vec<u8>,
}

impl SyntaxError {
    pub(crate) fn new(chunk: String, line: u32, bytes: Vec<u8>, span: Span) -> SyntaxError {
        let message = String::from_utf8_lossy(&bytes).into_owned();
        SyntaxError {
            chunk,
            line,
            message,
            span,
            bytes,
        }
    }

    /// The message (without position) as the exact bytes the reference
    /// produces; the "near" text may hold any byte of the source.
    pub fn message_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The whole error, `chunk:line: message`, as exact bytes (what a
    /// failing `load` returns as its error value).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut v = format!("{}:{}: ", self.chunk, self.line).into_bytes();
        v.extend_from_slice(&self.bytes);
        v
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.chunk, self.line, self.message)
    }
}

impl std::error::Error for SyntaxError {}
