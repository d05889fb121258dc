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
}
