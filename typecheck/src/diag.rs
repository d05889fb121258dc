//! Diagnostics: data while checking, text or JSON at the edge.
//!
//! Codes are stable (documented in docs/typecheck.md): a code keeps its
//! meaning once released; new failures get new codes.
//!
//! Text: `path:line:col: error[CODE]: message`, then a code frame drawn by
//! codespan-reporting. JSON: one object per line with file, line, column,
//! end_line, end_column (1-based, columns in characters), severity, code,
//! message.

use codespan_reporting::diagnostic::{Diagnostic as CsDiag, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, Config, termcolor::Buffer};
use wlua_parser::ast::Span;

/// Stable diagnostic codes.
pub mod code {
    /// A syntax error (the parser's message).
    pub const SYNTAX: &str = "P0001";
    /// A value is not assignable to the declared type of a local, global or field.
    pub const MISMATCH: &str = "E0001";
    /// A call argument does not fit the parameter type.
    pub const ARGUMENT: &str = "E0002";
    /// Too many or too few arguments to a function with a checked arity.
    pub const ARITY: &str = "E0003";
    /// A returned value does not fit the declared return type, or the count differs.
    pub const RETURN: &str = "E0004";
    /// An optional value is used where nil fails, without being narrowed.
    pub const MAYBE_NIL: &str = "E0005";
    /// Reading or writing a field that an annotated record type lacks.
    pub const UNKNOWN_FIELD: &str = "E0006";
    /// An operation that fails on this type: arithmetic on a boolean,
    /// calling a number, indexing nil.
    pub const BAD_OPERATION: &str = "E0007";
    /// A type name that is not declared.
    pub const UNKNOWN_TYPE: &str = "E0008";
    /// A generic alias used with the wrong number of type arguments, or an
    /// argument violating a generic bound.
    pub const GENERIC: &str = "E0009";
    /// A function annotated `never` (or with returns) can reach its end.
    pub const MISSING_RETURN: &str = "E0010";
    /// Input too deeply nested or too large to check: located, not a hang.
    pub const TOO_COMPLEX: &str = "E0011";
    /// A literal breaks a validator of the type it meets (`-1` against
    /// `number @min(0)`, `""` against `string @min_len(1)`).
    pub const VALIDATOR: &str = "E0012";

    // Lint rules (warnings, only with `wlua check --rules`).
    /// An empty `do` block or `if` / `elseif` / `else` branch.
    pub const EMPTY_BLOCK: &str = "W0001";
    /// An assignment to a global variable.
    pub const GLOBAL_ASSIGN: &str = "W0002";
    /// A name or field path compared with itself.
    pub const SELF_COMPARE: &str = "W0003";
    /// A local that is never read.
    pub const UNUSED_LOCAL: &str = "W0004";
    /// A parameter that is never read.
    pub const UNUSED_PARAM: &str = "W0005";
    /// `local m = require(...)` never read.
    pub const UNUSED_IMPORT: &str = "W0006";
    /// A local declaration that shadows a visible local.
    pub const SHADOWED: &str = "W0007";
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Clone, Debug)]
pub struct Diagnostic {
    pub code: &'static str,
    pub severity: Severity,
    pub span: Span,
    pub message: String,
    /// Text under the underlined span, if any.
    pub label: Option<String>,
}

/// 1-based line and character column of a byte offset.
pub fn line_col(src: &str, off: u32) -> (usize, usize) {
    let off = (off as usize).min(src.len());
    let off = (0..=off)
        .rev()
        .find(|&i| src.is_char_boundary(i))
        .unwrap_or(0);
    let before = &src[..off];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[start..].chars().count() + 1;
    (line, col)
}

impl Diagnostic {
    fn sev(&self) -> &'static str {
        match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }

    /// `path:line:col: error[CODE]: message` and a code frame.
    pub fn render_text(&self, path: &str, src: &str) -> String {
        let (line, col) = line_col(src, self.span.start);
        let mut out = format!(
            "{path}:{line}:{col}: {}[{}]: {}\n",
            self.sev(),
            self.code,
            self.message
        );
        let file = SimpleFile::new(path, src);
        let start = (self.span.start as usize).min(src.len());
        let end = (self.span.end as usize).clamp(start, src.len());
        let mut label = Label::primary((), start..end);
        if let Some(l) = &self.label {
            label = label.with_message(l);
        }
        let d = match self.severity {
            Severity::Error => CsDiag::error(),
            Severity::Warning => CsDiag::warning(),
        };
        let d = d
            .with_code(self.code)
            .with_message(&self.message)
            .with_labels(vec![label]);
        let mut buf = Buffer::no_color();
        if term::emit(&mut buf, &Config::default(), &file, &d).is_ok() {
            let text = String::from_utf8_lossy(buf.as_slice());
            // codespan's own first line repeats the header above.
            for l in text.lines().skip(1) {
                out.push_str(l);
                out.push('\n');
            }
        }
        out
    }

    /// One JSON object (no trailing newline).
    pub fn render_json(&self, path: &str, src: &str) -> String {
        let (line, col) = line_col(src, self.span.start);
        let (end_line, end_col) = line_col(src, self.span.end.max(self.span.start));
        format!(
            "{{\"file\":{},\"line\":{line},\"column\":{col},\"end_line\":{end_line},\"end_column\":{end_col},\"severity\":\"{}\",\"code\":\"{}\",\"message\":{}}}",
            json_str(path),
            self.sev(),
            self.code,
            json_str(&self.message)
        )
    }
}

pub fn json_str(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 2);
    o.push('"');
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            '\r' => o.push_str("\\r"),
            '\t' => o.push_str("\\t"),
            c if (c as u32) < 0x20 => o.push_str(&format!("\\u{:04x}", c as u32)),
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let src = "a\nbé = 1\n";
        assert_eq!(line_col(src, 0), (1, 1));
        assert_eq!(line_col(src, 2), (2, 1));
        assert_eq!(line_col(src, 5), (2, 3));
    }

    #[test]
    fn text_has_the_header_and_a_frame() {
        let d = Diagnostic {
            code: code::MISMATCH,
            severity: Severity::Error,
            span: Span { start: 17, end: 20 },
            message: "expected integer, got string".into(),
            label: Some("string".into()),
        };
        let src = "local x: integer = \"a\"\n";
        let t = d.render_text("t.lua", src);
        assert!(
            t.starts_with("t.lua:1:18: error[E0001]: expected integer, got string\n"),
            "{t}"
        );
        assert!(t.contains("local x: integer"), "{t}");
        let j = d.render_json("t.lua", src);
        assert_eq!(
            j,
            r#"{"file":"t.lua","line":1,"column":18,"end_line":1,"end_column":21,"severity":"error","code":"E0001","message":"expected integer, got string"}"#
        );
    }
}
