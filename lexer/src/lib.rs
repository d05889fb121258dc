//! wlua-lexer: Lua 5.3 tokens (logos), string escapes and numerals.
//!
//! The lexer works on bytes: Lua source may hold any byte inside strings and
//! comments. `Lexer` yields `Lexeme`s (token, byte span, line) one at a time;
//! the value of the last string token is in `Lexer::str_value`, so no token
//! allocates. Errors carry the reference's exact message and "near" text.
//! Line numbers follow the reference's `linenumber`: a token's `line` is the
//! line the scanner is on right after it (the last line of a multi-line
//! string).
//!
//! Also here because the VM needs them without the parser: `str_to_number`
//! (`lua_stringtonumber`) and `chunkid` (`luaO_chunkid`).

mod chunkid;
mod literal;
mod token;

use std::fmt;

pub use chunkid::chunkid;
pub use literal::{Number, str_to_number};
pub use token::Token;

use literal::StrVal;

/// A byte range `[start, end)` in the source.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start: start as u32,
            end: end as u32,
        }
    }
}

/// One token with its position.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Lexeme {
    pub token: Token,
    pub span: Span,
    /// The line the scanner is on after the token (reference `linenumber`).
    pub line: u32,
}

/// The "near ..." part of a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Near {
    /// No "near" part (the reference's semantic errors).
    None,
    /// Scanner text, shown between quotes and cut at its first NUL (the
    /// reference formats it as a C string).
    Text(Vec<u8>),
    /// Text shown as is: `<eof>`, `'+'`, `'end'`.
    Plain(String),
    /// End of input.
    Eof,
}

impl Near {
    /// The bytes the reference prints after "near ".
    pub fn to_bytes(&self) -> Vec<u8> {
        match self {
            Near::None => Vec::new(),
            Near::Text(t) => {
                let t = match t.iter().position(|&c| c == 0) {
                    Some(i) => &t[..i],
                    None => &t[..],
                };
                let mut v = Vec::with_capacity(t.len() + 2);
                v.push(b'\'');
                v.extend_from_slice(t);
                v.push(b'\'');
                v
            }
            Near::Plain(s) => s.as_bytes().to_vec(),
            Near::Eof => b"<eof>".to_vec(),
        }
    }
}

/// A lexical error: `message` is the reference's wording without the
/// position prefix and without the "near" part.
#[derive(Clone, Debug, PartialEq)]
pub struct LexError {
    pub message: String,
    /// Line of the scanner when the error was found.
    pub line: u32,
    pub near: Near,
    pub span: Span,
}

impl LexError {
    /// `message near 'text'` as bytes (the near text may be any bytes).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut v = self.message.as_bytes().to_vec();
        if self.near != Near::None {
            v.extend_from_slice(b" near ");
            v.extend_from_slice(&self.near.to_bytes());
        }
        v
    }
}

impl fmt::Display for LexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&String::from_utf8_lossy(&self.to_bytes()))
    }
}

impl std::error::Error for LexError {}

/// The scanner.
pub struct Lexer<'s> {
    lex: logos::Lexer<'s, Token>,
    src: &'s [u8],
    /// Start offset for `new_file` (after a BOM / `#` line).
    failed: Option<LexError>,
}

impl<'s> Lexer<'s> {
    /// A scanner over a chunk loaded from a string (`load`).
    pub fn new(src: &'s [u8]) -> Lexer<'s> {
        Lexer::starting_at(src, 0)
    }

    /// A scanner over a chunk loaded from a file (`luaL_loadfilex`): a UTF-8
    /// BOM is skipped, and so is a first line starting with `#` (its line
    /// break stays, so line numbers do not change).
    pub fn new_file(src: &'s [u8]) -> Lexer<'s> {
        let mut start = 0;
        if src.starts_with(b"\xEF\xBB\xBF") {
            start = 3;
        }
        if src.get(start) == Some(&b'#') {
            start += src[start..]
                .iter()
                .position(|&c| c == b'\n')
                .unwrap_or(src.len() - start);
        }
        Lexer::starting_at(src, start)
    }

    fn starting_at(src: &'s [u8], start: usize) -> Lexer<'s> {
        let extras = token::Extras {
            line: 1,
            ..Default::default()
        };
        let mut lex = logos::Lexer::with_extras(src, extras);
        lex.bump(start);
        let failed = (src.len() > u32::MAX as usize - 1).then(|| LexError {
            message: "chunk too large".into(),
            line: 1,
            near: Near::None,
            span: Span::default(),
        });
        Lexer { lex, src, failed }
    }

    /// The source being scanned.
    pub fn source(&self) -> &'s [u8] {
        self.src
    }

    /// Current line (after the last token read).
    pub fn line(&self) -> u32 {
        self.lex.extras.line
    }

    /// Reads the next token; `Token::Eof` at the end (and forever after).
    /// After an error, the same error is returned again.
    pub fn next_token(&mut self) -> Result<Lexeme, LexError> {
        if let Some(e) = &self.failed {
            return Err(e.clone());
        }
        match self.lex.next() {
            Some(Ok(token)) => {
                let s = self.lex.span();
                Ok(Lexeme {
                    token,
                    span: Span::new(s.start, s.end),
                    line: self.lex.extras.line,
                })
            }
            Some(Err(_)) => {
                let s = self.lex.span();
                let e = self.lex.extras.err.take().unwrap_or_else(|| LexError {
                    message: "unexpected byte".into(),
                    line: self.lex.extras.line,
                    near: Near::None,
                    span: Span::new(s.start, s.end),
                });
                self.failed = Some(e.clone());
                Err(e)
            }
            None => {
                let n = self.src.len();
                Ok(Lexeme {
                    token: Token::Eof,
                    span: Span::new(n, n),
                    line: self.lex.extras.line,
                })
            }
        }
    }

    /// Decoded value of the last `Token::Str` (valid until the next call).
    pub fn str_value(&self) -> &[u8] {
        match self.lex.extras.val {
            StrVal::Source(a, b) => &self.src[a..b],
            StrVal::Buf => &self.lex.extras.buf,
        }
    }

    /// The "near" text the reference shows for a token in a syntax error
    /// (`txtToken`): names and numerals as written, strings as the scanner
    /// buffer holds them (delimiters around the decoded value), other tokens
    /// by their fixed text. `value` is the string's decoded value.
    pub fn near_text(src: &[u8], lx: &Lexeme, value: &[u8]) -> Near {
        let text = &src[lx.span.start as usize..lx.span.end as usize];
        match lx.token {
            Token::Name | Token::Number(_) => Near::Text(text.to_vec()),
            Token::Str => {
                let mut v = Vec::with_capacity(value.len() + 4);
                if text[0] == b'[' {
                    let level = text[1..].iter().take_while(|&&c| c == b'=').count();
                    v.push(b'[');
                    v.extend(std::iter::repeat_n(b'=', level));
                    v.push(b'[');
                    v.extend_from_slice(value);
                    v.push(b']');
                    v.extend(std::iter::repeat_n(b'=', level));
                    v.push(b']');
                } else {
                    v.push(text[0]);
                    v.extend_from_slice(value);
                    v.push(text[0]);
                }
                Near::Text(v)
            }
            Token::Eof => Near::Eof,
            t => Near::Plain(t.describe()),
        }
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tonumber_ref;
