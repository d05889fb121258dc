//! The token set (a `logos` enum over bytes): every Lua 5.3 token, the typed
//! dialect's `->` `?` `!` `@`, and `Other(b)` for any byte that starts no
//! token (the reference returns such a byte as a one-character token and
//! lets the parser complain). Whitespace, line breaks and comments are
//! skipped here; strings, long brackets and numerals are handed to the
//! scanners in literal.rs through callbacks.
//!
//! Contextual words of the typed dialect (`type`, `as`, `export`, `typeof`)
//! are plain `Name`s: only the parser knows when they are keywords.

use logos::{FilterResult, Logos, Skip};

use crate::LexError;
use crate::literal::{self, Number, Scan, StrVal};

/// Scanner state shared with the callbacks.
#[derive(Default)]
pub struct Extras {
    /// Current line (the reference's `linenumber`).
    pub(crate) line: u32,
    /// Decoding buffer for strings that need it.
    pub(crate) buf: Vec<u8>,
    /// Where the last string token's value is.
    pub(crate) val: StrVal,
    /// The detailed error when a callback fails.
    pub(crate) err: Option<LexError>,
}

/// The callbacks' error marker; the detail is in `Extras::err`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LexFail;

#[derive(Logos, Clone, Copy, Debug, PartialEq)]
#[logos(source = [u8], extras = Extras, error = LexFail)]
#[logos(skip r"[ \t\x0b\x0c]+")]
pub enum Token {
    #[token("and")]
    And,
    #[token("break")]
    Break,
    #[token("do")]
    Do,
    #[token("else")]
    Else,
    #[token("elseif")]
    Elseif,
    #[token("end")]
    End,
    #[token("false")]
    False,
    #[token("for")]
    For,
    #[token("function")]
    Function,
    #[token("goto")]
    Goto,
    #[token("if")]
    If,
    #[token("in")]
    In,
    #[token("local")]
    Local,
    #[token("nil")]
    Nil,
    #[token("not")]
    Not,
    #[token("or")]
    Or,
    #[token("repeat")]
    Repeat,
    #[token("return")]
    Return,
    #[token("then")]
    Then,
    #[token("true")]
    True,
    #[token("until")]
    Until,
    #[token("while")]
    While,

    /// An identifier; its text is the token's span.
    #[regex("[A-Za-z_][A-Za-z0-9_]*")]
    Name,
    /// A numeral, already converted.
    #[regex("[0-9]", numeral)]
    #[regex(r"\.[0-9]", numeral)]
    Number(Number),
    /// A short or long string; its decoded value is `Lexer::str_value`.
    #[token("\"", short_string)]
    #[token("'", short_string)]
    #[regex(r"\[=*\[", long_string)]
    #[regex(r"\[=+", bad_long_delimiter)]
    Str,

    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("/")]
    Slash,
    #[token("//")]
    DSlash,
    #[token("%")]
    Percent,
    #[token("^")]
    Caret,
    #[token("#")]
    Hash,
    #[token("&")]
    Amp,
    #[token("~")]
    Tilde,
    #[token("|")]
    Pipe,
    #[token("<<")]
    Shl,
    #[token(">>")]
    Shr,
    #[token("==")]
    EqEq,
    #[token("~=")]
    NotEq,
    #[token("<=")]
    Le,
    #[token(">=")]
    Ge,
    #[token("<")]
    Lt,
    #[token(">")]
    Gt,
    #[token("=")]
    Assign,
    #[token("(")]
    LParen,
    #[token(")")]
    RParen,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token("[")]
    LBracket,
    #[token("]")]
    RBracket,
    #[token("::")]
    DbColon,
    #[token(";")]
    Semi,
    #[token(":")]
    Colon,
    #[token(",")]
    Comma,
    #[token(".")]
    Dot,
    #[token("..")]
    Concat,
    #[token("...")]
    Dots,
    /// Typed dialect: function type arrow.
    #[token("->")]
    Arrow,
    /// Typed dialect: optional type / optional field.
    #[token("?")]
    Question,
    /// Typed dialect: non-nil assertion.
    #[token("!")]
    Bang,
    /// Typed dialect: validator.
    #[token("@")]
    At,

    /// Any other byte, returned as itself as the reference does.
    #[regex(b"[\x00-\xff]", other, priority = 0)]
    Other(u8),

    /// Never produced: line breaks and comments are skipped by their
    /// callbacks.
    #[regex(r"\r\n|\n\r|\n|\r", newline)]
    #[token("--", comment)]
    Skipped,

    /// End of input (produced by `Lexer`, not by logos).
    Eof,
}

type Lex<'s> = logos::Lexer<'s, Token>;

fn newline(lex: &mut Lex) -> Skip {
    lex.extras.line += 1;
    Skip
}

fn other(lex: &mut Lex) -> u8 {
    lex.slice()[0]
}

fn fail<T>(lex: &mut Lex, e: LexError) -> Result<T, LexFail> {
    lex.extras.err = Some(e);
    Err(LexFail)
}

fn numeral(lex: &mut Lex) -> Result<Number, LexFail> {
    let start = lex.span().start;
    let src = lex.source();
    match literal::read_numeral(src, start, lex.extras.line) {
        Ok((end, v)) => {
            lex.bump(end - lex.span().end);
            Ok(v)
        }
        Err(e) => fail(lex, e),
    }
}

fn short_string(lex: &mut Lex) -> Result<(), LexFail> {
    let start = lex.span().start;
    let src = lex.source();
    let ex = &mut lex.extras;
    let mut sc = Scan {
        line: &mut ex.line,
        buf: &mut ex.buf,
    };
    match literal::read_string(src, start, &mut sc) {
        Ok((end, val)) => {
            lex.extras.val = val;
            lex.bump(end - lex.span().end);
            Ok(())
        }
        Err(e) => fail(lex, e),
    }
}

fn long_string(lex: &mut Lex) -> Result<(), LexFail> {
    let span = lex.span();
    let level = span.len() - 2;
    let src = lex.source();
    let ex = &mut lex.extras;
    let mut sc = Scan {
        line: &mut ex.line,
        buf: &mut ex.buf,
    };
    match literal::read_long_string(src, span.start, level, true, &mut sc) {
        Ok((end, val)) => {
            lex.extras.val = val;
            lex.bump(end - span.end);
            Ok(())
        }
        Err(e) => fail(lex, e),
    }
}

fn bad_long_delimiter(lex: &mut Lex) -> Result<(), LexFail> {
    let span = lex.span();
    let e = LexError {
        message: "invalid long string delimiter".into(),
        line: lex.extras.line,
        near: crate::Near::Text(lex.slice().to_vec()),
        span: crate::Span::new(span.start, span.end),
    };
    fail(lex, e)
}

fn comment(lex: &mut Lex) -> FilterResult<(), LexFail> {
    let src = lex.source();
    let start = lex.span().end;
    let n = src.len();
    if start < n
        && src[start] == b'['
        && let Some(level) = literal::long_bracket_level(src, start)
    {
        let ex = &mut lex.extras;
        let mut sc = Scan {
            line: &mut ex.line,
            buf: &mut ex.buf,
        };
        return match literal::read_long_string(src, start, level, false, &mut sc) {
            Ok((end, _)) => {
                lex.bump(end - start);
                FilterResult::Skip
            }
            Err(e) => {
                lex.extras.err = Some(e);
                FilterResult::Error(LexFail)
            }
        };
    }
    let len = src[start..]
        .iter()
        .position(|&c| c == b'\n' || c == b'\r')
        .unwrap_or(n - start);
    lex.bump(len);
    FilterResult::Skip
}

impl Token {
    /// The token as the reference's `luaX_token2str` names it in messages:
    /// `'and'`, `'=='`, `'+'`, `<name>`, `<string>`, `<eof>`; a non-printable
    /// byte is `'<\N>'`.
    pub fn describe(self) -> String {
        let s = match self {
            Token::Name => return "<name>".into(),
            Token::Str => return "<string>".into(),
            Token::Number(Number::Int(_)) => return "<integer>".into(),
            Token::Number(Number::Float(_)) => return "<number>".into(),
            Token::Eof => return "<eof>".into(),
            Token::Other(b) => {
                return if (0x20..0x7f).contains(&b) {
                    format!("'{}'", b as char)
                } else {
                    format!("'<\\{b}>'")
                };
            }
            Token::Skipped => "",
            t => t.symbol(),
        };
        format!("'{s}'")
    }

    /// The fixed text of a keyword or symbol token ("" for the others).
    pub fn symbol(self) -> &'static str {
        use Token::*;
        match self {
            And => "and",
            Break => "break",
            Do => "do",
            Else => "else",
            Elseif => "elseif",
            End => "end",
            False => "false",
            For => "for",
            Function => "function",
            Goto => "goto",
            If => "if",
            In => "in",
            Local => "local",
            Nil => "nil",
            Not => "not",
            Or => "or",
            Repeat => "repeat",
            Return => "return",
            Then => "then",
            True => "true",
            Until => "until",
            While => "while",
            Plus => "+",
            Minus => "-",
            Star => "*",
            Slash => "/",
            DSlash => "//",
            Percent => "%",
            Caret => "^",
            Hash => "#",
            Amp => "&",
            Tilde => "~",
            Pipe => "|",
            Shl => "<<",
            Shr => ">>",
            EqEq => "==",
            NotEq => "~=",
            Le => "<=",
            Ge => ">=",
            Lt => "<",
            Gt => ">",
            Assign => "=",
            LParen => "(",
            RParen => ")",
            LBrace => "{",
            RBrace => "}",
            LBracket => "[",
            RBracket => "]",
            DbColon => "::",
            Semi => ";",
            Colon => ":",
            Comma => ",",
            Dot => ".",
            Concat => "..",
            Dots => "...",
            Arrow => "->",
            Question => "?",
            Bang => "!",
            At => "@",
            Name | Number(_) | Str | Other(_) | Skipped | Eof => "",
        }
    }
}
