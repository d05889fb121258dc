//! Source positions → lines, for when the caller passes the source text.
//!
//! The reference gives each instruction the line of the last token read
//! (`lastline`). The AST records one line per node, which is that line for
//! most instructions; the others were emitted just after reading a token
//! the AST does not record: the closing `)`/`]`/`}` of a call, index or
//! constructor, the `then`/`do` after a condition or loop header, the name
//! after `:`. Node spans locate those tokens, and this module turns a byte
//! offset into a line and finds the token that follows an offset.

/// Line starts of a source, counting line breaks as llex.c does (`\n`,
/// `\r`, `\r\n` and `\n\r` each end one line).
pub(crate) struct SourceLines<'s> {
    src: &'s [u8],
    /// Byte offset where each line after the first starts.
    starts: Vec<u32>,
}

impl<'s> SourceLines<'s> {
    pub fn new(src: &'s [u8]) -> SourceLines<'s> {
        let mut starts = Vec::new();
        let mut i = 0;
        while i < src.len() {
            let c = src[i];
            i += 1;
            if c == b'\n' || c == b'\r' {
                if i < src.len() && (src[i] == b'\n' || src[i] == b'\r') && src[i] != c {
                    i += 1;
                }
                starts.push(i as u32);
            }
        }
        SourceLines { src, starts }
    }

    pub fn byte(&self, offset: u32) -> Option<u8> {
        self.src.get(offset as usize).copied()
    }

    /// The line of the byte at `offset` (1-based), if inside the source.
    pub fn line_of(&self, offset: u32) -> Option<u32> {
        if offset as usize >= self.src.len() {
            return None;
        }
        Some(self.starts.partition_point(|&s| s <= offset) as u32 + 1)
    }

    /// The line of the last byte of a span ending at `end` (exclusive).
    pub fn line_before(&self, end: u32) -> Option<u32> {
        end.checked_sub(1).and_then(|o| self.line_of(o))
    }

    /// Offset of the first token at or after `offset`, skipping blanks and
    /// comments.
    pub fn next_token(&self, offset: u32) -> Option<u32> {
        let s = self.src;
        let mut i = offset as usize;
        loop {
            while i < s.len() && matches!(s[i], b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
                i += 1;
            }
            if i + 1 < s.len() && s[i] == b'-' && s[i + 1] == b'-' {
                i += 2;
                if let Some(level) = long_bracket(s, i) {
                    i = skip_long(s, i, level)?;
                } else {
                    while i < s.len() && s[i] != b'\n' && s[i] != b'\r' {
                        i += 1;
                    }
                }
                continue;
            }
            return (i < s.len()).then_some(i as u32);
        }
    }

    /// Line of the first token after `offset`.
    pub fn next_token_line(&self, offset: u32) -> Option<u32> {
        self.next_token(offset).and_then(|o| self.line_of(o))
    }

    /// Line of the token after the next one (`:` then the method name).
    pub fn second_token_line(&self, offset: u32, first: u8) -> Option<u32> {
        let t = self.next_token(offset)?;
        if self.src.get(t as usize) != Some(&first) {
            return None;
        }
        self.next_token_line(t + 1)
    }
}

const SYMBOLS: &[&str] = &["...", "..", "==", "~=", "<=", ">=", "<<", ">>", "//", "::"];

impl SourceLines<'_> {
    /// The first token after `offset` as the reference quotes it in
    /// ` near ...` (llex.c txtToken): `'tok'`, or `<eof>` at the end.
    pub fn near_token(&self, offset: u32) -> String {
        let Some(t) = self.next_token(offset) else {
            return "<eof>".into();
        };
        let c = self.src[t as usize];
        if c < 0x20 || c == 0x7f {
            return format!("'<\\{c}>'");
        }
        let end = self.token_end(t).unwrap_or(t + 1);
        format!(
            "'{}'",
            String::from_utf8_lossy(&self.src[t as usize..end as usize])
        )
    }

    /// The end of the token starting at `t` (approximate for strings with
    /// escapes and for long brackets, which never matter here).
    pub fn token_end(&self, t: u32) -> Option<u32> {
        let s = self.src;
        let t = t as usize;
        let c = *s.get(t)?;
        let end = if c.is_ascii_alphabetic() || c == b'_' {
            t + s[t..]
                .iter()
                .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'_')
                .count()
        } else if c.is_ascii_digit() || (c == b'.' && s.get(t + 1).is_some_and(u8::is_ascii_digit))
        {
            let mut e = t;
            while e < s.len() {
                let b = s[e];
                let exp = matches!(b, b'e' | b'E' | b'p' | b'P');
                if exp && e + 1 < s.len() && (s[e + 1] == b'+' || s[e + 1] == b'-') {
                    e += 2;
                } else if b.is_ascii_alphanumeric() || b == b'.' {
                    e += 1;
                } else {
                    break;
                }
            }
            e
        } else if let Some(sym) = SYMBOLS
            .iter()
            .find(|sym| s[t..].starts_with(sym.as_bytes()))
        {
            t + sym.len()
        } else if c == b'"' || c == b'\'' {
            let mut e = t + 1;
            while e < s.len() && s[e] != c && s[e] != b'\n' {
                e += if s[e] == b'\\' { 2 } else { 1 };
            }
            (e + 1).min(s.len())
        } else {
            t + 1
        };
        Some(end as u32)
    }
}

/// `[` `=`* `[` at `i`: the level of a long bracket.
fn long_bracket(s: &[u8], i: usize) -> Option<usize> {
    if s.get(i) != Some(&b'[') {
        return None;
    }
    let mut j = i + 1;
    while j < s.len() && s[j] == b'=' {
        j += 1;
    }
    (s.get(j) == Some(&b'[')).then_some(j - i - 1)
}

/// The offset just past the long bracket opened at `i`.
fn skip_long(s: &[u8], i: usize, level: usize) -> Option<usize> {
    let mut j = i + level + 2;
    while j < s.len() {
        if s[j] == b']' {
            let mut k = j + 1;
            while k < s.len() && s[k] == b'=' {
                k += 1;
            }
            if k < s.len() && s[k] == b']' && k - j - 1 == level {
                return Some(k + 1);
            }
        }
        j += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_count_as_the_lexer_counts_them() {
        let m = SourceLines::new(b"a\nb\r\nc\n\rd\re\n\nf");
        let lines: Vec<u32> = (0..15).filter_map(|o| m.line_of(o)).collect();
        assert_eq!(lines, [1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 5, 5, 6, 7]);
        assert_eq!(m.line_of(14), None);
        assert_eq!(m.line_before(1), Some(1));
        assert_eq!(m.line_before(0), None);
    }

    #[test]
    fn next_token_skips_blanks_and_comments() {
        let m = SourceLines::new(b"x -- c\n --[==[ a\n]] ]==]\n\n then");
        assert_eq!(m.next_token_line(1), Some(5));
        let m = SourceLines::new(b"obj\n  : --[[x]]\n m()");
        assert_eq!(m.second_token_line(3, b':'), Some(3));
        assert_eq!(m.second_token_line(3, b'.'), None);
        assert_eq!(SourceLines::new(b"a --").next_token(1), None);
    }

    #[test]
    fn near_tokens_are_quoted_like_txt_token() {
        let m = SourceLines::new(b"local a , b = 1.5e+3 .. 'x\\'y' ... abc_1 \x01");
        assert_eq!(m.near_token(0), "'local'");
        assert_eq!(m.near_token(7), "','");
        assert_eq!(m.near_token(12), "'='");
        assert_eq!(m.near_token(13), "'1.5e+3'");
        assert_eq!(m.near_token(20), "'..'");
        assert_eq!(m.near_token(23), "'\'x\\'y\''");
        assert_eq!(m.near_token(30), "'...'");
        assert_eq!(m.near_token(34), "'abc_1'");
        assert_eq!(m.near_token(40), "'<\\1>'");
        assert_eq!(m.near_token(42), "<eof>");
    }
}
