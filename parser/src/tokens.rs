//! The token stream between the lexer and the parsers (the LALR grammar and
//! the error diagnoser in diagnose.rs): lexer tokens become `Tok`s whose names
//! and strings live in the arena, and the typed dialect's contextual words
//! are decided here by looking at most three tokens ahead:
//!
//! - `type` is the keyword `Type` when followed by a name and then `=` or
//!   `<` (`type Name = ...`, `type Name<T> = ...`); otherwise a name, so
//!   `type(x)` keeps working.
//! - `export` is the keyword `Export` when followed by that keyword `type`.
//! - `as` is the cast keyword `As` when the previous token can end an
//!   expression and the next token can start a type; otherwise a name.
//!   (Known cost: a statement starting with the name `as` followed by `(`,
//!   `{` or a string, right after a statement ending in an expression, reads
//!   as a cast.)
//! - `typeof` is always the token `Typeof`; the grammar accepts it as a name
//!   everywhere except in types.
//! - `::` followed by a name and `::` opens a label (`Label`), unless it is
//!   the `::` closing a label; any other `::` is the cast operator (or a
//!   lone `::`, an error). So `e :: T :: U` needs parentheses.
//! - `?` directly followed by `:` becomes `QColon` (optional record field).
//!
//! A lexical error met while looking ahead is kept in the buffer and only
//! reported when the parser reaches it, so errors come out in source order.

use bumpalo::Bump;
use std::collections::VecDeque;
use wlua_lexer::{LexError, Lexeme, Lexer, Number, Token};

/// A source position: byte offset and the reference's line of the token.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pos {
    pub off: u32,
    pub line: u32,
}

/// Parser tokens.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Tok<'a> {
    And,
    Break,
    Do,
    Else,
    Elseif,
    End,
    False,
    For,
    Function,
    Goto,
    If,
    In,
    Local,
    Nil,
    Not,
    Or,
    Repeat,
    Return,
    Then,
    True,
    Until,
    While,
    /// Contextual keywords (see the module doc).
    Type,
    Export,
    As,
    Typeof,
    Name(&'a str),
    Str(&'a [u8]),
    Int(i64),
    Float(f64),
    Plus,
    Minus,
    Star,
    Slash,
    DSlash,
    Percent,
    Caret,
    Hash,
    Amp,
    Tilde,
    Pipe,
    Shl,
    Shr,
    EqEq,
    NotEq,
    Le,
    Ge,
    Lt,
    Gt,
    Assign,
    LParen,
    RParen,
    LBrace,
    RBrace,
    LBracket,
    RBracket,
    DbColon,
    /// `::` opening a label.
    Label,
    Semi,
    Colon,
    Comma,
    Dot,
    Concat,
    Dots,
    Arrow,
    Question,
    /// `?` followed by `:`.
    QColon,
    Bang,
    At,
    /// A byte that starts no token.
    Other(u8),
    Eof,
}

impl Tok<'_> {
    /// Whether an expression (or the type of a cast) can end with this token
    /// (used to decide `as`). `>` is left out: `a > as(b)` is Lua.
    fn ends_expression(self) -> bool {
        matches!(
            self,
            Tok::Name(_)
                | Tok::Typeof
                | Tok::Type
                | Tok::Str(_)
                | Tok::Int(_)
                | Tok::Float(_)
                | Tok::RParen
                | Tok::RBracket
                | Tok::RBrace
                | Tok::Dots
                | Tok::Nil
                | Tok::True
                | Tok::False
                | Tok::Bang
                | Tok::Question
        )
    }

    /// Whether a type can start with this token (used to decide `as`).
    pub fn starts_type(self) -> bool {
        matches!(
            self,
            Tok::Name(_)
                | Tok::Typeof
                | Tok::Str(_)
                | Tok::Int(_)
                | Tok::Float(_)
                | Tok::Nil
                | Tok::True
                | Tok::False
                | Tok::LBrace
                | Tok::LParen
                | Tok::Lt
        )
    }

    /// The token as `luaX_token2str` names it.
    pub fn describe(self) -> String {
        let s = match self {
            Tok::Name(_) | Tok::Type | Tok::Export | Tok::As | Tok::Typeof => {
                return "<name>".into();
            }
            Tok::Str(_) => return "<string>".into(),
            Tok::Int(_) => return "<integer>".into(),
            Tok::Float(_) => return "<number>".into(),
            Tok::Eof => return "<eof>".into(),
            Tok::Other(b) => return Token::Other(b).describe(),
            Tok::Label => "::",
            Tok::QColon => "?",
            t => match t.to_token() {
                Some(t) => t.symbol(),
                None => "",
            },
        };
        format!("'{s}'")
    }

    fn to_token(self) -> Option<Token> {
        use Tok as T;
        use Token as K;
        Some(match self {
            T::And => K::And,
            T::Break => K::Break,
            T::Do => K::Do,
            T::Else => K::Else,
            T::Elseif => K::Elseif,
            T::End => K::End,
            T::False => K::False,
            T::For => K::For,
            T::Function => K::Function,
            T::Goto => K::Goto,
            T::If => K::If,
            T::In => K::In,
            T::Local => K::Local,
            T::Nil => K::Nil,
            T::Not => K::Not,
            T::Or => K::Or,
            T::Repeat => K::Repeat,
            T::Return => K::Return,
            T::Then => K::Then,
            T::True => K::True,
            T::Until => K::Until,
            T::While => K::While,
            T::Plus => K::Plus,
            T::Minus => K::Minus,
            T::Star => K::Star,
            T::Slash => K::Slash,
            T::DSlash => K::DSlash,
            T::Percent => K::Percent,
            T::Caret => K::Caret,
            T::Hash => K::Hash,
            T::Amp => K::Amp,
            T::Tilde => K::Tilde,
            T::Pipe => K::Pipe,
            T::Shl => K::Shl,
            T::Shr => K::Shr,
            T::EqEq => K::EqEq,
            T::NotEq => K::NotEq,
            T::Le => K::Le,
            T::Ge => K::Ge,
            T::Lt => K::Lt,
            T::Gt => K::Gt,
            T::Assign => K::Assign,
            T::LParen => K::LParen,
            T::RParen => K::RParen,
            T::LBrace => K::LBrace,
            T::RBrace => K::RBrace,
            T::LBracket => K::LBracket,
            T::RBracket => K::RBracket,
            T::DbColon => K::DbColon,
            T::Semi => K::Semi,
            T::Colon => K::Colon,
            T::Comma => K::Comma,
            T::Dot => K::Dot,
            T::Concat => K::Concat,
            T::Dots => K::Dots,
            T::Arrow => K::Arrow,
            T::Question => K::Question,
            T::Bang => K::Bang,
            T::At => K::At,
            _ => return None,
        })
    }
}

/// One token with its position: `start`/`end` are byte offsets, `line` the
/// reference's line (the line after the token).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Item<'a> {
    pub tok: Tok<'a>,
    pub start: u32,
    pub end: u32,
    pub line: u32,
}

impl Item<'_> {
    pub fn start_pos(&self) -> Pos {
        Pos {
            off: self.start,
            line: self.line,
        }
    }
    pub fn end_pos(&self) -> Pos {
        Pos {
            off: self.end,
            line: self.line,
        }
    }
}

/// The contextual token stream.
pub struct TokStream<'s, 'a> {
    lexer: Lexer<'s>,
    arena: &'a Bump,
    /// Tokens read from the lexer but not yet handed out (at most four).
    ahead: VecDeque<Item<'a>>,
    /// A lexical error met after the buffered tokens: reported once they
    /// are handed out.
    error_after: Option<LexError>,
    /// Last token handed out (for `as`).
    prev: Tok<'a>,
    /// Token before `prev` (a `::` after `Label Name` closes the label).
    prev2: Tok<'a>,
    /// Line of the last real token handed out.
    pub last_line: u32,
    /// The first lexical error handed out, if any.
    pub lex_error: Option<LexError>,
    finished: bool,
}

impl<'s, 'a> TokStream<'s, 'a> {
    pub fn new(lexer: Lexer<'s>, arena: &'a Bump) -> Self {
        TokStream {
            lexer,
            arena,
            ahead: VecDeque::with_capacity(4),
            error_after: None,
            prev: Tok::Eof,
            prev2: Tok::Eof,
            last_line: 1,
            lex_error: None,
            finished: false,
        }
    }

    /// Reads one raw token from the lexer into a `Tok`.
    fn pull(&mut self) -> Result<Item<'a>, LexError> {
        let lx: Lexeme = self.lexer.next_token()?;
        let src = self.lexer.source();
        let tok = match lx.token {
            Token::Name => {
                let text = &src[lx.span.start as usize..lx.span.end as usize];
                match text {
                    b"typeof" => Tok::Typeof,
                    _ => Tok::Name(
                        self.arena
                            .alloc_str(std::str::from_utf8(text).unwrap_or_default()),
                    ),
                }
            }
            Token::Str => Tok::Str(self.arena.alloc_slice_copy(self.lexer.str_value())),
            Token::Number(Number::Int(i)) => Tok::Int(i),
            Token::Number(Number::Float(f)) => Tok::Float(f),
            Token::Other(b) => Tok::Other(b),
            Token::Eof | Token::Skipped => Tok::Eof,
            t => from_token(t),
        };
        Ok(Item {
            tok,
            start: lx.span.start,
            end: lx.span.end,
            line: lx.line,
        })
    }

    /// Makes sure `n` tokens are buffered (stops early at EOF or an error).
    fn fill(&mut self, n: usize) {
        while self.ahead.len() < n && self.error_after.is_none() {
            if let Some(Item { tok: Tok::Eof, .. }) = self.ahead.back() {
                return;
            }
            match self.pull() {
                Ok(it) => self.ahead.push_back(it),
                Err(e) => self.error_after = Some(e),
            }
        }
    }

    fn peek_tok(&mut self, i: usize) -> Option<Tok<'a>> {
        self.fill(i + 1);
        self.ahead.get(i).map(|it| it.tok)
    }

    /// The next token, with contextual words decided. `Tok::Eof` at the end.
    pub fn next_item(&mut self) -> Result<Item<'a>, LexError> {
        let mut it = match self.ahead.pop_front() {
            Some(it) => it,
            None => match self.error_after.take() {
                Some(e) => return Err(self.failed(e)),
                None => match self.pull() {
                    Ok(it) => it,
                    Err(e) => return Err(self.failed(e)),
                },
            },
        };
        match it.tok {
            Tok::Name("type") if self.alias_follows(0) => {
                it.tok = Tok::Type;
            }
            Tok::Name("export")
                if matches!(self.peek_tok(0), Some(Tok::Name("type"))) && self.alias_follows(1) =>
            {
                it.tok = Tok::Export;
            }
            Tok::Name("as")
                if self.prev.ends_expression()
                    && self.peek_tok(0).is_some_and(|t| t.starts_type()) =>
            {
                it.tok = Tok::As;
            }
            Tok::DbColon => {
                let closes_label = self.prev2 == Tok::Label;
                if !closes_label
                    && matches!(self.peek_tok(0), Some(Tok::Name(_) | Tok::Typeof))
                    && self.peek_tok(1) == Some(Tok::DbColon)
                {
                    it.tok = Tok::Label;
                }
            }
            Tok::Question => {
                if self.peek_tok(0) == Some(Tok::Colon)
                    && let Some(colon) = self.ahead.pop_front()
                {
                    it.tok = Tok::QColon;
                    it.end = colon.end;
                    it.line = colon.line;
                }
            }
            Tok::Eof => self.finished = true,
            _ => {}
        }
        self.prev2 = self.prev;
        self.prev = it.tok;
        if it.tok != Tok::Eof {
            self.last_line = it.line;
        }
        Ok(it)
    }

    #[cold]
    fn failed(&mut self, e: LexError) -> LexError {
        self.lex_error.get_or_insert_with(|| e.clone());
        e
    }

    /// The buffered tokens from `k` are a name then `=` or `<`: what follows
    /// `type` in an alias statement.
    fn alias_follows(&mut self, k: usize) -> bool {
        matches!(self.peek_tok(k), Some(Tok::Name(_)))
            && matches!(self.peek_tok(k + 1), Some(Tok::Assign | Tok::Lt))
    }

    /// Line of the end of input (valid once `Eof` was handed out).
    pub fn eof_line(&self) -> u32 {
        self.lexer.line()
    }

    pub fn finished(&self) -> bool {
        self.finished
    }
}

fn from_token(t: Token) -> Tok<'static> {
    use Tok as T;
    use Token as K;
    match t {
        K::And => T::And,
        K::Break => T::Break,
        K::Do => T::Do,
        K::Else => T::Else,
        K::Elseif => T::Elseif,
        K::End => T::End,
        K::False => T::False,
        K::For => T::For,
        K::Function => T::Function,
        K::Goto => T::Goto,
        K::If => T::If,
        K::In => T::In,
        K::Local => T::Local,
        K::Nil => T::Nil,
        K::Not => T::Not,
        K::Or => T::Or,
        K::Repeat => T::Repeat,
        K::Return => T::Return,
        K::Then => T::Then,
        K::True => T::True,
        K::Until => T::Until,
        K::While => T::While,
        K::Plus => T::Plus,
        K::Minus => T::Minus,
        K::Star => T::Star,
        K::Slash => T::Slash,
        K::DSlash => T::DSlash,
        K::Percent => T::Percent,
        K::Caret => T::Caret,
        K::Hash => T::Hash,
        K::Amp => T::Amp,
        K::Tilde => T::Tilde,
        K::Pipe => T::Pipe,
        K::Shl => T::Shl,
        K::Shr => T::Shr,
        K::EqEq => T::EqEq,
        K::NotEq => T::NotEq,
        K::Le => T::Le,
        K::Ge => T::Ge,
        K::Lt => T::Lt,
        K::Gt => T::Gt,
        K::Assign => T::Assign,
        K::LParen => T::LParen,
        K::RParen => T::RParen,
        K::LBrace => T::LBrace,
        K::RBrace => T::RBrace,
        K::LBracket => T::LBracket,
        K::RBracket => T::RBracket,
        K::DbColon => T::DbColon,
        K::Semi => T::Semi,
        K::Colon => T::Colon,
        K::Comma => T::Comma,
        K::Dot => T::Dot,
        K::Concat => T::Concat,
        K::Dots => T::Dots,
        K::Arrow => T::Arrow,
        K::Question => T::Question,
        K::Bang => T::Bang,
        K::At => T::At,
        K::Other(b) => T::Other(b),
        K::Name | K::Str | K::Number(_) | K::Skipped | K::Eof => T::Eof,
    }
}

/// What the LALR parser pulls. Lexical errors end the stream as a user error.
pub struct LalrIter<'t, 's, 'a> {
    pub ts: &'t mut TokStream<'s, 'a>,
}

/// Marker error: the parse failed; diagnose.rs finds out why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParseFail {
    /// Offset where the failure was noticed.
    pub at: u32,
}

impl<'a> Iterator for LalrIter<'_, '_, 'a> {
    type Item = Result<(Pos, Tok<'a>, Pos), ParseFail>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.ts.finished() {
            return None;
        }
        match self.ts.next_item() {
            Ok(Item { tok: Tok::Eof, .. }) => None,
            Ok(it) => Some(Ok((it.start_pos(), it.tok, it.end_pos()))),
            Err(e) => Some(Err(ParseFail { at: e.span.start })),
        }
    }
}
