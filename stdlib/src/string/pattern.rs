//! Lua 5.3 patterns and the drivers of `string.find`, `string.match`,
//! `string.gmatch` and `string.gsub`, as pure functions over byte slices
//! (port of the pattern-matching half of `lstrlib.c`, lua/lua v5.3.6).
//!
//! This file owns matching, capture bookkeeping, the `init` rules, the
//! iteration rules of gmatch/gsub (including 5.3.6's `lastmatch`) and the
//! expansion of `%0`–`%9` in replacement strings. It leaves to the VM
//! wrapper: argument checking and conversion, turning captures into Lua
//! values, calling replacement functions or indexing replacement tables, and
//! the `invalid replacement value (a table)` check.
//!
//! Conventions:
//! - Offsets are 0-based byte offsets; ranges are `start..end` (end
//!   exclusive). A position capture `()` holds the 1-based position Lua
//!   returns.
//! - Errors are the reference's `luaL_error` messages without the position
//!   prefix: the wrapper raises them like any `luaL_error`, which prefixes
//!   the calling Lua function's `chunk:line:` (`luaL_where(L, 1)`; nothing
//!   when the caller is native, e.g. `pcall(string.find, ...)`).
//! - The pattern and subject behave as if NUL-terminated, as in C: reading one
//!   byte past the end yields `0` (so `%f[%z]` matches at the end of the
//!   subject, exactly like the reference).
//!
//! Recursion is bounded like the reference (`MAXCCALLS` = 200 nested
//! `match` calls, else `pattern too complex`), so the Rust stack stays small.
//! Exponential backtracking (`("a*"):rep(30) .. "b"`) is cut short by
//! memoising failed `(subject, pattern)` positions once one match attempt
//! gets long (ordinary searches never pay for it);
//! a memo entry also records how deep its failed subtree went, so the depth
//! error is still raised exactly when the reference would raise it. Patterns
//! with back-references (`%1`) are never memoised: there a failure depends on
//! the captured text.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Maximum number of captures in a pattern (`LUA_MAXCAPTURES`).
pub const MAXCAPTURES: usize = 32;
/// Maximum nesting of the matcher (`MAXCCALLS` in lstrlib.c).
pub const MAXCCALLS: usize = 200;
/// Bytes that make a pattern non-plain (`SPECIALS`).
const SPECIALS: &[u8] = b"^$*+?.([%-";
const L_ESC: u8 = b'%';
/// Calls to `match` within one attempt after which failures start being
/// memoised (ordinary searches never get there and pay nothing for it).
const MEMO_AFTER_CALLS: u64 = 20_000;

#[cfg(not(test))]
fn memo_after_calls() -> u64 {
    MEMO_AFTER_CALLS
}

#[cfg(test)]
thread_local! {
    /// Lets tests memoise from the first call, to check the memo is exact.
    static MEMO_AFTER: std::cell::Cell<u64> = const { std::cell::Cell::new(MEMO_AFTER_CALLS) };
}

#[cfg(test)]
fn memo_after_calls() -> u64 {
    MEMO_AFTER.with(|m| m.get())
}
/// Upper bound on memo entries (keeps memory bounded on huge subjects).
const MEMO_MAX_ENTRIES: usize = 1 << 22;

/// One capture of a successful match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Capture {
    /// A closed capture: the subject bytes `start..end`.
    Span(usize, usize),
    /// A position capture `()`: the 1-based position (what Lua returns).
    Pos(usize),
    /// A capture still open when the pattern ended (`"(a"`). Reading it is
    /// the error `unfinished capture`; it is only an error if read.
    Unfinished,
}

impl Capture {
    /// The captured bytes of a `Span` (None for the other kinds).
    pub fn bytes<'s>(&self, s: &'s [u8]) -> Option<&'s [u8]> {
        match *self {
            Capture::Span(a, b) => s.get(a..b),
            _ => None,
        }
    }
}

/// A successful match of the whole pattern at `start..end`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatchResult {
    /// 0-based offset of the first matched byte.
    pub start: usize,
    /// 0-based offset one past the last matched byte.
    pub end: usize,
    /// The pattern's captures in order (empty when it has none).
    pub captures: Vec<Capture>,
}

impl MatchResult {
    /// Capture `i` (0-based) as `push_onecapture` reads it: with no captures,
    /// index 0 is the whole match; a missing index is `invalid capture index
    /// %N`, an open capture `unfinished capture`. Never returns `Unfinished`.
    pub fn capture(&self, i: usize) -> Result<Capture, String> {
        match self.captures.get(i) {
            None if i == 0 => Ok(Capture::Span(self.start, self.end)),
            None => Err(format!("invalid capture index %{}", i + 1)),
            Some(Capture::Unfinished) => Err("unfinished capture".to_string()),
            Some(c) => Ok(*c),
        }
    }

    /// The values `string.match`, `gmatch` and a gsub replacement function
    /// receive (`push_captures(ms, s, e)`): the captures, or the whole match
    /// when the pattern has none.
    pub fn values(&self) -> Result<Vec<Capture>, String> {
        let n = self.captures.len().max(1);
        (0..n).map(|i| self.capture(i)).collect()
    }

    /// The extra values `string.find` returns after start and end
    /// (`push_captures(ms, NULL, 0)`): only the captures, possibly none.
    pub fn find_values(&self) -> Result<Vec<Capture>, String> {
        (0..self.captures.len()).map(|i| self.capture(i)).collect()
    }
}

// ---------------------------------------------------------------------------
// Index rules

/// `posrelat` (lstrlib.c): a negative position counts back from the end;
/// one too far back gives 0.
pub fn posrelat(pos: i64, len: usize) -> i64 {
    if pos >= 0 {
        pos
    } else if pos.unsigned_abs() > len as u64 {
        0
    } else {
        len as i64 + pos + 1
    }
}

/// The `init` argument of `string.find`/`string.match` (default 1) turned
/// into a 0-based start offset, as `str_find_aux` does: negative counts from
/// the end, anything below 1 means 1, and a start beyond `len + 1` gives
/// `None` (the function returns a single nil without looking at the pattern).
pub fn find_init(init: Option<i64>, len: usize) -> Option<usize> {
    let init = posrelat(init.unwrap_or(1), len);
    if init < 1 {
        Some(0)
    } else if init as u64 > len as u64 + 1 {
        None
    } else {
        Some(init as usize - 1)
    }
}

/// True when the pattern has no special character (`nospecials`), so that
/// `string.find` may do a plain search. Embedded zeros are looked past, as
/// the reference does.
pub fn is_plain(p: &[u8]) -> bool {
    !p.iter().any(|c| SPECIALS.contains(c))
}

/// Plain substring search from offset `init` (`lmemfind`); returns the
/// 0-based offset of the first occurrence. An empty needle is found at
/// `init`.
pub fn find_plain(s: &[u8], p: &[u8], init: usize) -> Option<usize> {
    let hay = s.get(init..)?;
    if p.is_empty() {
        return Some(init);
    }
    if p.len() > hay.len() {
        return None;
    }
    let first = p[0];
    let last_start = hay.len() - p.len();
    let mut i = 0;
    while i <= last_start {
        match hay[i..=last_start].iter().position(|&c| c == first) {
            None => return None,
            Some(k) => {
                let at = i + k;
                if &hay[at..at + p.len()] == p {
                    return Some(init + at);
                }
                i = at + 1;
            }
        }
    }
    None
}

// ---------------------------------------------------------------------------
// Drivers

/// Pattern search (`str_find_aux` without the plain shortcut): tries each
/// start from `init` (0-based, at most `s.len()`) on; a leading `^` anchors
/// the search at `init`. `Ok(None)` is "no match".
pub fn find(s: &[u8], p: &[u8], init: usize) -> Result<Option<MatchResult>, String> {
    let (anchor, p) = split_anchor(p);
    let mut ms = MatchState::new(s, p);
    let mut s1 = init;
    loop {
        if let Some(m) = ms.match_at(s1)? {
            return Ok(Some(m));
        }
        s1 += 1;
        if anchor || s1 > s.len() {
            return Ok(None);
        }
    }
}

/// Tries the pattern at exactly offset `pos` (no anchor handling: a leading
/// `^` is an ordinary character here, as in gmatch).
pub fn match_at(s: &[u8], p: &[u8], pos: usize) -> Result<Option<MatchResult>, String> {
    MatchState::new(s, p).match_at(pos)
}

/// The whole of `string.find(s, p, init, plain)`: `Ok(None)` is a nil
/// result. On success return `start + 1`, `end`, then `find_values()`.
/// The plain path (explicit `plain` or no special characters) yields a
/// result without captures.
pub fn str_find(
    s: &[u8],
    p: &[u8],
    init: Option<i64>,
    plain: bool,
) -> Result<Option<MatchResult>, String> {
    let Some(init) = find_init(init, s.len()) else {
        return Ok(None);
    };
    if plain || is_plain(p) {
        Ok(find_plain(s, p, init).map(|start| MatchResult {
            start,
            end: start + p.len(),
            captures: Vec::new(),
        }))
    } else {
        find(s, p, init)
    }
}

/// The whole of `string.match(s, p, init)`: `Ok(None)` is a nil result. On
/// success return `values()`.
pub fn str_match(s: &[u8], p: &[u8], init: Option<i64>) -> Result<Option<MatchResult>, String> {
    match find_init(init, s.len()) {
        None => Ok(None),
        Some(init) => find(s, p, init),
    }
}

/// State of a `string.gmatch` iterator (`GMatchState`). The subject and
/// pattern are passed to every `next` call so the wrapper can keep them in
/// its closure; pass the same ones each time. `^` is not an anchor in 5.3's
/// gmatch: it matches a literal `^`.
#[derive(Clone, Debug, Default)]
pub struct GMatch {
    /// Where the next search starts.
    src: usize,
    /// End of the last match: an empty match ending there is skipped (5.3.6).
    lastmatch: Option<usize>,
}

impl GMatch {
    pub fn new() -> Self {
        GMatch::default()
    }

    /// Rebuilds an iterator from its saved state (the gmatch closure keeps
    /// the state in its upvalues between calls).
    pub fn resume(src: usize, lastmatch: Option<usize>) -> Self {
        GMatch { src, lastmatch }
    }

    /// The state to save: next start offset and end of the last match.
    pub fn state(&self) -> (usize, Option<usize>) {
        (self.src, self.lastmatch)
    }

    /// The next match, or `Ok(None)` when the iteration is over (the
    /// iterator returns nothing). On success return `values()`.
    pub fn next(&mut self, s: &[u8], p: &[u8]) -> Result<Option<MatchResult>, String> {
        let mut ms = MatchState::new(s, p);
        let mut src = self.src;
        while src <= s.len() {
            if let Some(m) = ms.match_at(src)?
                && Some(m.end) != self.lastmatch
            {
                self.src = m.end;
                self.lastmatch = Some(m.end);
                return Ok(Some(m));
            }
            src += 1;
        }
        self.src = src;
        Ok(None)
    }
}

/// Step-by-step `string.gsub` (`str_gsub`), for wrappers that must leave
/// the native to compute a replacement (a Lua function or `__index`):
/// call `next_match`; for each match it returns, compute the replacement
/// and call `replace`; when `next_match` returns `None`, call `finish`.
#[derive(Clone, Debug)]
pub struct Gsub {
    /// Current position in the subject.
    src: usize,
    lastmatch: Option<usize>,
    anchor: bool,
    /// Replacement limit (`max_s`).
    max_s: i64,
    /// Replacements done.
    n: i64,
    out: Vec<u8>,
    /// Set once the loop is over (anchor, limit or end of subject).
    done: bool,
}

impl Gsub {
    /// `max_n` is the 4th argument (default `#s + 1`).
    pub fn new(s: &[u8], p: &[u8], max_n: Option<i64>) -> Self {
        let max_s = max_n.unwrap_or(s.len() as i64 + 1);
        Gsub {
            src: 0,
            lastmatch: None,
            anchor: p.first() == Some(&b'^'),
            max_s,
            n: 0,
            out: Vec::new(),
            done: false,
        }
    }

    /// Advances to the next match to replace, copying the skipped subject
    /// bytes to the output; `Ok(None)` when the loop is over.
    pub fn next_match(&mut self, s: &[u8], p: &[u8]) -> Result<Option<MatchResult>, String> {
        let p = if self.anchor { &p[1..] } else { p };
        let mut ms = MatchState::new(s, p);
        while !self.done && self.n < self.max_s {
            let m = ms.match_at(self.src)?;
            match m {
                Some(m) if Some(m.end) != self.lastmatch => {
                    self.n += 1;
                    self.src = m.end;
                    self.lastmatch = Some(m.end);
                    if self.anchor {
                        self.done = true;
                    }
                    return Ok(Some(m));
                }
                _ => {
                    if self.src < s.len() {
                        self.out.push(s[self.src]);
                        self.src += 1;
                    } else {
                        self.done = true;
                    }
                }
            }
            if self.anchor {
                self.done = true;
            }
        }
        self.done = true;
        Ok(None)
    }

    /// Adds the replacement of match `m` (from the last `next_match`):
    /// `None` (a nil or false replacement value) keeps the matched text.
    pub fn replace(&mut self, s: &[u8], m: &MatchResult, repl: Option<&[u8]>) {
        match repl {
            Some(r) => self.out.extend_from_slice(r),
            None => self.out.extend_from_slice(&s[m.start..m.end]),
        }
    }

    /// Adds the expansion of a string replacement (`add_s`).
    pub fn replace_template(
        &mut self,
        template: &[u8],
        s: &[u8],
        m: &MatchResult,
    ) -> Result<(), String> {
        expand_repl_into(&mut self.out, template, s, m)
    }

    /// The result string and the number of replacements.
    pub fn finish(mut self, s: &[u8]) -> (Vec<u8>, i64) {
        self.out.extend_from_slice(&s[self.src.min(s.len())..]);
        (self.out, self.n)
    }
}

/// A gsub replacement callback: the replacement bytes for a match, or
/// `None` to keep the matched text.
pub type ReplFn<'r> = dyn FnMut(&MatchResult) -> Result<Option<Vec<u8>>, String> + 'r;

/// The whole of `string.gsub` with a callback: `repl` gets each match and
/// returns the replacement bytes, or `None` to keep the original text. For a
/// string (or number) replacement use `expand_repl` in the callback, or
/// `gsub_str`.
pub fn gsub(
    s: &[u8],
    p: &[u8],
    max_n: Option<i64>,
    repl: &mut ReplFn<'_>,
) -> Result<(Vec<u8>, i64), String> {
    let mut g = Gsub::new(s, p, max_n);
    while let Some(m) = g.next_match(s, p)? {
        let r = repl(&m)?;
        g.replace(s, &m, r.as_deref());
    }
    Ok(g.finish(s))
}

/// `string.gsub` with a string replacement (`%0`–`%9`, `%%`).
pub fn gsub_str(
    s: &[u8],
    p: &[u8],
    template: &[u8],
    max_n: Option<i64>,
) -> Result<(Vec<u8>, i64), String> {
    let mut g = Gsub::new(s, p, max_n);
    while let Some(m) = g.next_match(s, p)? {
        g.replace_template(template, s, &m)?;
    }
    Ok(g.finish(s))
}

/// Expands a replacement string (`add_s`): `%0` is the whole match, `%1`–`%9`
/// a capture (a position capture becomes its decimal number), `%%` a
/// percent; any other `%x` (or a final `%`) is `invalid use of '%' in
/// replacement string`.
pub fn expand_repl(template: &[u8], s: &[u8], m: &MatchResult) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(template.len());
    expand_repl_into(&mut out, template, s, m)?;
    Ok(out)
}

fn expand_repl_into(
    out: &mut Vec<u8>,
    template: &[u8],
    s: &[u8],
    m: &MatchResult,
) -> Result<(), String> {
    let mut i = 0;
    while i < template.len() {
        let c = template[i];
        if c != L_ESC {
            out.push(c);
        } else {
            i += 1;
            // Reading past the end sees the C string's terminating zero.
            let d = template.get(i).copied().unwrap_or(0);
            if !d.is_ascii_digit() {
                if d != L_ESC {
                    return Err("invalid use of '%' in replacement string".to_string());
                }
                out.push(d);
            } else if d == b'0' {
                out.extend_from_slice(&s[m.start..m.end]);
            } else {
                match m.capture((d - b'1') as usize)? {
                    Capture::Span(a, b) => out.extend_from_slice(&s[a..b]),
                    Capture::Pos(n) => out.extend_from_slice(n.to_string().as_bytes()),
                    Capture::Unfinished => unreachable!("capture() never returns Unfinished"),
                }
            }
        }
        i += 1;
    }
    Ok(())
}

fn split_anchor(p: &[u8]) -> (bool, &[u8]) {
    match p.first() {
        Some(b'^') => (true, &p[1..]),
        _ => (false, p),
    }
}

// ---------------------------------------------------------------------------
// C-locale <ctype.h> on bytes (bytes >= 0x80 are in no class)

const fn is_cntrl(c: u8) -> bool {
    c < 32 || c == 127
}
const fn is_graph(c: u8) -> bool {
    c >= 33 && c <= 126
}
const fn is_space(c: u8) -> bool {
    c == b' ' || (c >= 9 && c <= 13)
}

const C_ALPHA: u16 = 1;
const C_CNTRL: u16 = 2;
const C_DIGIT: u16 = 4;
const C_GRAPH: u16 = 8;
const C_LOWER: u16 = 16;
const C_PUNCT: u16 = 32;
const C_SPACE: u16 = 64;
const C_UPPER: u16 = 128;
const C_ALNUM: u16 = 256;
const C_XDIGIT: u16 = 512;

/// The C locale's classes of each byte, as `<ctype.h>` tables them.
static CTYPE: [u16; 256] = {
    let mut t = [0u16; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        let mut m = 0;
        if c.is_ascii_alphabetic() {
            m |= C_ALPHA | C_ALNUM;
        }
        if is_cntrl(c) {
            m |= C_CNTRL;
        }
        if c.is_ascii_digit() {
            m |= C_DIGIT | C_ALNUM;
        }
        if is_graph(c) {
            m |= C_GRAPH;
            if !c.is_ascii_alphanumeric() {
                m |= C_PUNCT;
            }
        }
        if c.is_ascii_lowercase() {
            m |= C_LOWER;
        }
        if is_space(c) {
            m |= C_SPACE;
        }
        if c.is_ascii_uppercase() {
            m |= C_UPPER;
        }
        if c.is_ascii_hexdigit() {
            m |= C_XDIGIT;
        }
        t[i] = m;
        i += 1;
    }
    t
};

/// `match_class`: does byte `c` belong to class letter `cl` (`%a` …)? An
/// upper-case letter is the complement; a non-class byte matches itself.
#[inline]
fn match_class(c: u8, cl: u8) -> bool {
    // only letters become letters under `| 0x20`, as under tolower()
    let mask = match cl | 0x20 {
        b'a' => C_ALPHA,
        b'c' => C_CNTRL,
        b'd' => C_DIGIT,
        b'g' => C_GRAPH,
        b'l' => C_LOWER,
        b'p' => C_PUNCT,
        b's' => C_SPACE,
        b'u' => C_UPPER,
        b'w' => C_ALNUM,
        b'x' => C_XDIGIT,
        b'z' => {
            // deprecated option
            return (c == 0) == cl.is_ascii_lowercase();
        }
        _ => return cl == c,
    };
    ((CTYPE[c as usize] & mask) != 0) == cl.is_ascii_lowercase()
}

// ---------------------------------------------------------------------------
// The matcher

/// A matcher error, kept small so that match results travel in registers;
/// rendered by [`PatErr::message`] at the API boundary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PatErr {
    TooComplex,
    EndsWithPercent,
    MissingBracket,
    MissingBalanceArgs,
    MissingFrontierBracket,
    /// `invalid capture index %N` (N as the reference prints it).
    CaptureIndex(isize),
    InvalidPatternCapture,
    TooManyCaptures,
}

impl PatErr {
    #[cold]
    fn message(self) -> String {
        match self {
            PatErr::TooComplex => "pattern too complex".into(),
            PatErr::EndsWithPercent => "malformed pattern (ends with '%')".into(),
            PatErr::MissingBracket => "malformed pattern (missing ']')".into(),
            PatErr::MissingBalanceArgs => "malformed pattern (missing arguments to '%b')".into(),
            PatErr::MissingFrontierBracket => "missing '[' after '%f' in pattern".into(),
            PatErr::CaptureIndex(n) => format!("invalid capture index %{n}"),
            PatErr::InvalidPatternCapture => "invalid pattern capture".into(),
            PatErr::TooManyCaptures => "too many captures".into(),
        }
    }
}

const CAP_UNFINISHED: isize = -1;
const CAP_POSITION: isize = -2;

/// Minimal multiplicative hasher for the memo's `(usize, usize)` keys.
#[derive(Default)]
struct PairHasher(u64);

impl Hasher for PairHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(b as u64);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type Memo = HashMap<(usize, usize), usize, BuildHasherDefault<PairHasher>>;

/// `MatchState` of lstrlib.c. Positions are offsets into `src` and `pat`.
struct MatchState<'a> {
    src: &'a [u8],
    /// The pattern, without a leading anchor.
    pat: &'a [u8],
    /// Nested `do_match` calls currently active (the reference counts down
    /// `matchdepth` from MAXCCALLS instead).
    depth: usize,
    /// Deepest `depth` reached inside the current `do_match` subtree.
    max_depth: usize,
    /// `do_match` calls in the current attempt (one start position), to
    /// decide when to start memoising; once on, the memo stays for the
    /// remaining attempts (its entries do not depend on the start).
    calls: u64,
    /// Start memoising after this many calls.
    memo_after: u64,
    /// Whether memoising failures is sound for this pattern (no `%1`–`%9`).
    memo_ok: bool,
    /// `(s, p)` → extra depth the failed subtree reached below its root.
    memo: Option<Memo>,
    /// Captures: start offset and length (or CAP_UNFINISHED/CAP_POSITION).
    level: usize,
    capture: [(usize, isize); MAXCAPTURES],
}

impl<'a> MatchState<'a> {
    fn new(src: &'a [u8], pat: &'a [u8]) -> Self {
        let memo_ok = !pat
            .windows(2)
            .any(|w| w[0] == L_ESC && w[1].is_ascii_digit());
        MatchState {
            src,
            pat,
            depth: 0,
            max_depth: 0,
            calls: 0,
            memo_after: memo_after_calls(),
            memo_ok,
            memo: None,
            level: 0,
            capture: [(0, 0); MAXCAPTURES],
        }
    }

    /// Pattern byte at `i`; `0` at or past the end (the C terminator).
    #[inline]
    fn p(&self, i: usize) -> u8 {
        self.pat.get(i).copied().unwrap_or(0)
    }

    /// Subject byte at `i`; `0` at or past the end (the C terminator).
    #[inline]
    fn s(&self, i: usize) -> u8 {
        self.src.get(i).copied().unwrap_or(0)
    }

    /// One match attempt at `s` (`reprepstate` + `match`), collecting the
    /// captures on success.
    fn match_at(&mut self, s: usize) -> Result<Option<MatchResult>, String> {
        self.level = 0;
        self.calls = 0;
        self.depth = 0;
        self.max_depth = 0;
        match self.do_match(s, 0).map_err(PatErr::message)? {
            None => Ok(None),
            Some(e) => {
                let captures = (0..self.level)
                    .map(|i| match self.capture[i] {
                        (_, CAP_UNFINISHED) => Capture::Unfinished,
                        (init, CAP_POSITION) => Capture::Pos(init + 1),
                        (init, len) => Capture::Span(init, init + len as usize),
                    })
                    .collect();
                Ok(Some(MatchResult {
                    start: s,
                    end: e,
                    captures,
                }))
            }
        }
    }

    fn check_capture(&self, l: u8) -> Result<usize, PatErr> {
        let l = l as isize - b'1' as isize;
        if l < 0 || l as usize >= self.level || self.capture[l as usize].1 == CAP_UNFINISHED {
            return Err(PatErr::CaptureIndex(l + 1));
        }
        Ok(l as usize)
    }

    fn capture_to_close(&self) -> Result<usize, PatErr> {
        (0..self.level)
            .rev()
            .find(|&l| self.capture[l].1 == CAP_UNFINISHED)
            .ok_or(PatErr::InvalidPatternCapture)
    }

    /// `classend`: the end of the single-character class starting at `p`.
    #[inline]
    fn classend(&self, mut p: usize) -> Result<usize, PatErr> {
        let c = self.p(p);
        p += 1;
        match c {
            L_ESC => {
                if p >= self.pat.len() {
                    return Err(PatErr::EndsWithPercent);
                }
                Ok(p + 1)
            }
            b'[' => {
                if self.p(p) == b'^' {
                    p += 1;
                }
                loop {
                    // look for a ']'
                    if p >= self.pat.len() {
                        return Err(PatErr::MissingBracket);
                    }
                    let c = self.p(p);
                    p += 1;
                    if c == L_ESC && p < self.pat.len() {
                        p += 1; // skip escapes (e.g. '%]')
                    }
                    if self.p(p) == b']' {
                        break;
                    }
                }
                Ok(p + 1)
            }
            _ => Ok(p),
        }
    }

    /// `matchbracketclass`: `p` is the '[', `ec` the closing ']'.
    fn matchbracketclass(&self, c: u8, mut p: usize, ec: usize) -> bool {
        let mut sig = true;
        if self.p(p + 1) == b'^' {
            sig = false;
            p += 1;
        }
        loop {
            p += 1;
            if p >= ec {
                break;
            }
            if self.p(p) == L_ESC {
                p += 1;
                if match_class(c, self.p(p)) {
                    return sig;
                }
            } else if self.p(p + 1) == b'-' && p + 2 < ec {
                p += 2;
                if self.p(p - 2) <= c && c <= self.p(p) {
                    return sig;
                }
            } else if self.p(p) == c {
                return sig;
            }
        }
        !sig
    }

    #[inline(always)]
    fn singlematch(&self, s: usize, p: usize, ep: usize) -> bool {
        if s >= self.src.len() {
            return false;
        }
        let c = self.src[s];
        match self.p(p) {
            b'.' => true,
            L_ESC => match_class(c, self.p(p + 1)),
            b'[' => self.matchbracketclass(c, p, ep - 1),
            pc => pc == c,
        }
    }

    fn matchbalance(&self, s: usize, p: usize) -> Result<Option<usize>, PatErr> {
        if p + 1 >= self.pat.len() {
            return Err(PatErr::MissingBalanceArgs);
        }
        if self.s(s) != self.p(p) {
            return Ok(None);
        }
        let b = self.p(p);
        let e = self.p(p + 1);
        let mut cont = 1;
        let mut s = s + 1;
        while s < self.src.len() {
            let c = self.src[s];
            if c == e {
                cont -= 1;
                if cont == 0 {
                    return Ok(Some(s + 1));
                }
            } else if c == b {
                cont += 1;
            }
            s += 1;
        }
        Ok(None) // string ends out of balance
    }

    fn max_expand(&mut self, s: usize, p: usize, ep: usize) -> Result<Option<usize>, PatErr> {
        let mut i = 0;
        while self.singlematch(s + i, p, ep) {
            i += 1;
        }
        // try with the maximum repetitions, then one less each time
        loop {
            if let Some(res) = self.do_match(s + i, ep + 1)? {
                return Ok(Some(res));
            }
            if i == 0 {
                return Ok(None);
            }
            i -= 1;
        }
    }

    fn min_expand(&mut self, mut s: usize, p: usize, ep: usize) -> Result<Option<usize>, PatErr> {
        loop {
            if let Some(res) = self.do_match(s, ep + 1)? {
                return Ok(Some(res));
            } else if self.singlematch(s, p, ep) {
                s += 1;
            } else {
                return Ok(None);
            }
        }
    }

    fn start_capture(&mut self, s: usize, p: usize, what: isize) -> Result<Option<usize>, PatErr> {
        let level = self.level;
        if level >= MAXCAPTURES {
            return Err(PatErr::TooManyCaptures);
        }
        self.capture[level] = (s, what);
        self.level = level + 1;
        let res = self.do_match(s, p)?;
        if res.is_none() {
            self.level -= 1; // undo capture
        }
        Ok(res)
    }

    fn end_capture(&mut self, s: usize, p: usize) -> Result<Option<usize>, PatErr> {
        let l = self.capture_to_close()?;
        self.capture[l].1 = (s - self.capture[l].0) as isize;
        let res = self.do_match(s, p)?;
        if res.is_none() {
            self.capture[l].1 = CAP_UNFINISHED; // undo capture
        }
        Ok(res)
    }

    fn match_capture(&self, s: usize, l: u8) -> Result<Option<usize>, PatErr> {
        let l = self.check_capture(l)?;
        let (init, len) = self.capture[l];
        let len = len as usize;
        if self.src.len() - s >= len && self.src[init..init + len] == self.src[s..s + len] {
            Ok(Some(s + len))
        } else {
            Ok(None)
        }
    }

    /// `match`: one recursion level, with the depth check and the memo.
    fn do_match(&mut self, s: usize, p: usize) -> Result<Option<usize>, PatErr> {
        if self.depth >= MAXCCALLS {
            return Err(PatErr::TooComplex);
        }
        if let Some(memo) = &self.memo
            && let Some(&extra) = memo.get(&(s, p))
        {
            // Same failing subtree as before, only shifted in depth.
            if self.depth + extra >= MAXCCALLS {
                return Err(PatErr::TooComplex);
            }
            self.max_depth = self.max_depth.max(self.depth + extra);
            return Ok(None);
        }
        self.calls += 1;
        if self.memo.is_none() && self.memo_ok && self.calls > self.memo_after {
            self.memo = Some(Memo::default());
        }
        let outer_max = self.max_depth;
        self.max_depth = self.depth;
        self.depth += 1;
        let res = self.match_body(s, p)?;
        self.depth -= 1;
        if res.is_none()
            && let Some(memo) = &mut self.memo
            && memo.len() < MEMO_MAX_ENTRIES
        {
            memo.insert((s, p), self.max_depth - self.depth);
        }
        self.max_depth = self.max_depth.max(outer_max);
        Ok(res)
    }

    /// The body of `match`; the C `goto init` is the loop.
    fn match_body(&mut self, mut s: usize, mut p: usize) -> Result<Option<usize>, PatErr> {
        loop {
            if p >= self.pat.len() {
                return Ok(Some(s)); // end of pattern
            }
            match self.pat[p] {
                b'(' => {
                    // start capture (position capture?)
                    return if self.p(p + 1) == b')' {
                        self.start_capture(s, p + 2, CAP_POSITION)
                    } else {
                        self.start_capture(s, p + 1, CAP_UNFINISHED)
                    };
                }
                b')' => return self.end_capture(s, p + 1),
                b'$' if p + 1 == self.pat.len() => {
                    return Ok(if s == self.src.len() { Some(s) } else { None });
                }
                L_ESC if self.p(p + 1) == b'b' => match self.matchbalance(s, p + 2)? {
                    Some(ns) => {
                        s = ns;
                        p += 4;
                        continue;
                    }
                    None => return Ok(None),
                },
                L_ESC if self.p(p + 1) == b'f' => {
                    p += 2;
                    if self.p(p) != b'[' {
                        return Err(PatErr::MissingFrontierBracket);
                    }
                    let ep = self.classend(p)?;
                    let previous = if s == 0 { 0 } else { self.s(s - 1) };
                    if !self.matchbracketclass(previous, p, ep - 1)
                        && self.matchbracketclass(self.s(s), p, ep - 1)
                    {
                        p = ep;
                        continue;
                    }
                    return Ok(None);
                }
                L_ESC if self.p(p + 1).is_ascii_digit() => {
                    match self.match_capture(s, self.p(p + 1))? {
                        Some(ns) => {
                            s = ns;
                            p += 2;
                            continue;
                        }
                        None => return Ok(None),
                    }
                }
                _ => {
                    // pattern class plus optional suffix
                    let ep = self.classend(p)?;
                    let suffix = self.p(ep);
                    if !self.singlematch(s, p, ep) {
                        if suffix == b'*' || suffix == b'?' || suffix == b'-' {
                            p = ep + 1; // accept empty
                            continue;
                        }
                        return Ok(None); // '+' or no suffix
                    }
                    match suffix {
                        b'?' => {
                            if let Some(res) = self.do_match(s + 1, ep + 1)? {
                                return Ok(Some(res));
                            }
                            p = ep + 1;
                            continue;
                        }
                        b'+' => return self.max_expand(s + 1, p, ep),
                        b'*' => return self.max_expand(s, p, ep),
                        b'-' => return self.min_expand(s, p, ep),
                        _ => {
                            s += 1;
                            p = ep;
                            continue;
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::string::test_escapes::{esc, unesc};

    fn enc(s: &[u8], vals: &[Capture]) -> String {
        let parts: Vec<String> = vals
            .iter()
            .map(|c| match c {
                Capture::Pos(n) => format!("P{n}"),
                Capture::Span(a, b) => format!("S{}", esc(&s[*a..*b])),
                Capture::Unfinished => "U".to_string(),
            })
            .collect();
        parts.join(",")
    }

    /// The reference's message with the caller's `file:line: ` removed.
    fn expected(field: &str) -> String {
        match field.strip_prefix("E:gen.lua:") {
            Some(rest) => format!("E:{}", rest.split_once(": ").unwrap().1),
            None => field.to_string(),
        }
    }

    fn err(e: String) -> String {
        format!("E:{}", esc(e.as_bytes()))
    }

    fn init_of(f: &str) -> Option<i64> {
        if f == "-" {
            None
        } else {
            Some(f.parse().unwrap())
        }
    }

    fn found(s: &[u8], r: Result<Option<MatchResult>, String>, find: bool) -> String {
        match r {
            Err(e) => err(e),
            Ok(None) => "R:nil".to_string(),
            Ok(Some(m)) => {
                let v = if find { m.find_values() } else { m.values() };
                match v {
                    Err(e) => err(e),
                    Ok(v) if find => {
                        let mut all = vec![Capture::Pos(m.start + 1), Capture::Pos(m.end)];
                        all.extend(v);
                        format!("R:{}", enc(s, &all))
                    }
                    Ok(v) => format!("R:{}", enc(s, &v)),
                }
            }
        }
    }

    fn gsub_result(r: Result<(Vec<u8>, i64), String>) -> String {
        match r {
            Err(e) => err(e),
            Ok((out, n)) => format!("R:S{},P{n}", esc(&out)),
        }
    }

    fn run_case(f: &[&str]) -> String {
        match f[0] {
            "find" | "match" => {
                let (s, p) = (unesc(f[1]), unesc(f[2]));
                let init = init_of(f[3]);
                if f[0] == "find" {
                    found(&s, str_find(&s, &p, init, false), true)
                } else {
                    found(&s, str_match(&s, &p, init), false)
                }
            }
            "findp" => {
                let (s, p) = (unesc(f[1]), unesc(f[2]));
                let plain = f[4] == "true";
                found(&s, str_find(&s, &p, init_of(f[3]), plain), true)
            }
            "gmatch" => {
                let (s, p) = (unesc(f[1]), unesc(f[2]));
                let mut g = GMatch::new();
                let mut parts = Vec::new();
                let mut error = None;
                for _ in 0..50 {
                    match g
                        .next(&s, &p)
                        .and_then(|m| m.map(|m| m.values()).transpose())
                    {
                        Ok(Some(v)) => parts.push(enc(&s, &v)),
                        Ok(None) => break,
                        Err(e) => {
                            error = Some(err(e));
                            break;
                        }
                    }
                }
                let mut out = parts.join(";");
                if let Some(e) = error {
                    out = format!("{out};{e}");
                }
                out
            }
            "gsub" => {
                let (s, p, r) = (unesc(f[1]), unesc(f[2]), unesc(f[3]));
                gsub_result(gsub_str(&s, &p, &r, init_of(f[4])))
            }
            "gsubf" => {
                let (s, p) = (unesc(f[1]), unesc(f[2]));
                let r = gsub(&s, &p, None, &mut |m| {
                    let v = m.values()?;
                    if v.first().and_then(|c| c.bytes(&s)) == Some(b"b") {
                        return Ok(None);
                    }
                    let parts: Vec<Vec<u8>> = v
                        .iter()
                        .map(|c| match c {
                            Capture::Pos(n) => n.to_string().into_bytes(),
                            c => c.bytes(&s).unwrap().to_vec(),
                        })
                        .collect();
                    Ok(Some(
                        [b"<".to_vec(), parts.join(&b","[..]), b">".to_vec()].concat(),
                    ))
                });
                gsub_result(r)
            }
            other => panic!("unknown case kind {other}"),
        }
    }

    #[test]
    fn matches_reference_cases() {
        check_reference_cases();
    }

    #[test]
    fn memo_from_the_first_call_changes_no_result() {
        MEMO_AFTER.with(|m| m.set(0));
        check_reference_cases();
    }

    fn check_reference_cases() {
        let data = include_str!("testdata/patterns.txt");
        let mut failures = Vec::new();
        let mut n = 0;
        for line in data.lines() {
            let f: Vec<&str> = line.split('\t').collect();
            let want = expected(f[f.len() - 1]);
            let want = if f[0] == "gmatch" {
                let last = f[f.len() - 1];
                last.split(';').map(expected).collect::<Vec<_>>().join(";")
            } else {
                want
            };
            let got = run_case(&f);
            n += 1;
            if got != want {
                failures.push(format!("{line}\n   got: {got}"));
            }
        }
        assert!(n > 4000, "only {n} cases");
        assert!(
            failures.is_empty(),
            "{} of {n} failed:\n{}",
            failures.len(),
            failures[..failures.len().min(30)].join("\n")
        );
    }
}

#[cfg(test)]
mod behaviour {
    use super::*;
    use std::time::{Duration, Instant};

    fn quick<T>(f: impl FnOnce() -> T) -> T {
        let t = Instant::now();
        let r = f();
        assert!(
            t.elapsed() < Duration::from_secs(5),
            "took {:?}",
            t.elapsed()
        );
        r
    }

    #[test]
    fn exponential_failure_finishes_with_the_reference_result() {
        // The reference backtracks through C(60,30) paths here: it would
        // return nil, after a very long time.
        let s = "a".repeat(30);
        let p = "a*".repeat(30) + "b";
        assert_eq!(quick(|| find(s.as_bytes(), p.as_bytes(), 0)), Ok(None));
        let p = "a-".repeat(40) + "b";
        assert_eq!(quick(|| find(s.as_bytes(), p.as_bytes(), 0)), Ok(None));
        let s = "ab".repeat(40);
        let p = "(a*)b?".repeat(30) + "c";
        assert_eq!(quick(|| find(s.as_bytes(), p.as_bytes(), 0)), Ok(None));
    }

    #[test]
    fn exponential_failure_deeper_than_200_is_too_complex() {
        // Some path nests 200 quantifiers that each take one 'a'; the
        // reference reaches it before giving up, so it raises the error.
        let s = "a".repeat(200);
        let p = "a*".repeat(210) + "b";
        let r = quick(|| find(s.as_bytes(), p.as_bytes(), 0));
        assert_eq!(r, Err("pattern too complex".to_string()));
        // With 199 quantifiers no path is that deep.
        let s = "a".repeat(199);
        let p = "a*".repeat(199) + "b";
        assert_eq!(quick(|| find(s.as_bytes(), p.as_bytes(), 0)), Ok(None));
    }

    #[test]
    fn pathological_success_is_immediate() {
        let s = "a".repeat(30) + "b";
        let p = "a*".repeat(30);
        let m = quick(|| find(s.as_bytes(), p.as_bytes(), 0))
            .unwrap()
            .unwrap();
        assert_eq!((m.start, m.end), (0, 30));
    }

    #[test]
    fn gsub_over_a_long_subject_with_a_failing_pattern_is_quick() {
        let s = "a".repeat(2000);
        let (out, n) = quick(|| gsub_str(s.as_bytes(), b"a*a*a*b", b"x", None)).unwrap();
        assert_eq!((out.len(), n), (2000, 0));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let s = "a".repeat(1000);
        let p = "(".repeat(32) + &"a?".repeat(5000);
        assert_eq!(
            find(s.as_bytes(), p.as_bytes(), 0),
            Err("pattern too complex".into())
        );
        let p = "(".repeat(33);
        assert_eq!(find(b"x", p.as_bytes(), 0), Err("too many captures".into()));
    }

    #[test]
    fn captures_follow_push_onecapture() {
        let m = find(b"abc", b"(a", 0).unwrap().unwrap();
        assert_eq!(m.captures, vec![Capture::Unfinished]);
        assert_eq!(m.values(), Err("unfinished capture".to_string()));
        let m = find(b"abc", b"b", 0).unwrap().unwrap();
        assert_eq!(m.values(), Ok(vec![Capture::Span(1, 2)]));
        assert_eq!(m.find_values(), Ok(vec![]));
        assert_eq!(m.capture(1), Err("invalid capture index %2".to_string()));
        let m = find(b"abc", b"()b()", 0).unwrap().unwrap();
        assert_eq!(m.values(), Ok(vec![Capture::Pos(2), Capture::Pos(3)]));
    }

    #[test]
    fn replacement_expansion() {
        let m = find(b"hello world", b"(o)()", 0).unwrap().unwrap();
        let s = b"hello world";
        assert_eq!(expand_repl(b"[%0|%1|%2|%%]", s, &m).unwrap(), b"[o|o|6|%]");
        assert_eq!(
            expand_repl(b"%3", s, &m),
            Err("invalid capture index %3".to_string())
        );
        assert_eq!(
            expand_repl(b"50%", s, &m),
            Err("invalid use of '%' in replacement string".to_string())
        );
    }

    #[test]
    fn gsub_steps_and_lastmatch() {
        // 5.3.6: no empty match right after a non-empty one
        assert_eq!(gsub_str(b"abc", b"%w*", b"-", None), Ok((b"-".to_vec(), 1)));
        assert_eq!(
            gsub_str(b"abc", b"", b"-", None),
            Ok((b"-a-b-c-".to_vec(), 4))
        );
        assert_eq!(
            gsub_str(b"abc", b"b*", b"-", None),
            Ok((b"-a-c-".to_vec(), 3))
        );
        assert_eq!(
            gsub_str(b"abc", b"%w", b"-", Some(-1)),
            Ok((b"abc".to_vec(), 0))
        );
        assert_eq!(
            gsub_str(b"aaa", b"^a", b"-", None),
            Ok((b"-aa".to_vec(), 1))
        );
        let mut g = GMatch::new();
        let mut got = Vec::new();
        while let Some(m) = g.next(b"abc", b"%w*").unwrap() {
            got.push((m.start, m.end));
        }
        assert_eq!(got, vec![(0, 3)]);
        assert_eq!(g.next(b"abc", b"%w*"), Ok(None));
    }

    #[test]
    fn init_rules() {
        assert_eq!(find_init(None, 3), Some(0));
        assert_eq!(find_init(Some(-1), 3), Some(2));
        assert_eq!(find_init(Some(-10), 3), Some(0));
        assert_eq!(find_init(Some(0), 3), Some(0));
        assert_eq!(find_init(Some(4), 3), Some(3));
        assert_eq!(find_init(Some(5), 3), None);
        assert_eq!(find_init(Some(i64::MIN), 3), Some(0));
        assert_eq!(find_init(Some(i64::MAX), 3), None);
        assert_eq!(find(b"abc", b"a", 10), Ok(None));
        assert_eq!(match_at(b"abc", b"a", 10), Ok(None));
    }
}
