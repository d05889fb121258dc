//! `CompileError`: the semantic and limit errors of code generation, worded
//! as `lparser.c`/`lcode.c` word them, with the reference's `chunkid:line:`
//! prefix (`wlua_parser::chunkid`, luaO_chunkid).
//!
//! Syntax errors belong to the parser; what is left here are the checks the
//! reference makes while generating code (limits, gotos and labels). The
//! reference appends ` near 'tok'` to limit errors; the AST has no tokens, so
//! they carry one only when compiling with the source (the error for `...`
//! always does: its token is known).

use std::fmt;
use wlua_parser::chunkid;

/// An error found while compiling a chunk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    /// The chunk name as given to `compile` (rendered through `chunkid`).
    pub chunkname: Box<str>,
    /// Source line the error is reported at.
    pub line: u32,
    pub kind: ErrorKind,
    /// The token the reference quotes after the message (` near 'tok'`),
    /// already quoted as it prints it (`'tok'`, `<eof>`). Known for errors
    /// the reference raises as syntax errors when compiling with the source.
    pub near: Option<Box<str>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// `too many <what> (limit is <limit>) in main function` /
    /// `... in function at line <func_line>` (lparser.c errorlimit).
    Limit {
        what: &'static str,
        limit: u32,
        /// `linedefined` of the function that hit the limit (0: main).
        func_line: u32,
    },
    /// A table of the prototype outgrew its limit (luaM_growvector):
    /// `too many <what> (limit is <limit>)`. A run-time error in the
    /// reference, raised outside any Lua function: it has no position.
    TooMany { what: &'static str, limit: u32 },
    /// `function or expression needs too many registers`
    TooManyRegisters,
    /// `control structure too long` (a jump offset does not fit sBx).
    ControlStructureTooLong,
    /// `constructor too long` (SETLIST batch number does not fit Ax).
    ConstructorTooLong,
    /// `no visible label 'x' for <goto> at line N`
    UndefinedGoto { label: Box<str>, goto_line: u32 },
    /// `<break> at line N not inside a loop`
    BreakOutsideLoop { break_line: u32 },
    /// `label 'x' already defined on line N`
    DuplicateLabel { label: Box<str>, first_line: u32 },
    /// `<goto x> at line N jumps into the scope of local 'y'`
    JumpIntoScope {
        label: Box<str>,
        goto_line: u32,
        local: Box<str>,
    },
    /// `cannot use '...' outside a vararg function` (near `'...'`)
    VarargOutsideVarargFunction,
    /// `syntax error`: the AST holds a construct the grammar cannot produce
    /// (an assignment to a non-variable, a call statement that is not a call).
    SyntaxError,
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::Limit {
                what,
                limit,
                func_line,
            } => {
                write!(f, "too many {what} (limit is {limit}) in ")?;
                if *func_line == 0 {
                    write!(f, "main function")
                } else {
                    write!(f, "function at line {func_line}")
                }
            }
            ErrorKind::TooMany { what, limit } => write!(f, "too many {what} (limit is {limit})"),
            ErrorKind::TooManyRegisters => {
                write!(f, "function or expression needs too many registers")
            }
            ErrorKind::ControlStructureTooLong => write!(f, "control structure too long"),
            ErrorKind::ConstructorTooLong => write!(f, "constructor too long"),
            ErrorKind::UndefinedGoto { label, goto_line } => {
                write!(
                    f,
                    "no visible label '{label}' for <goto> at line {goto_line}"
                )
            }
            ErrorKind::BreakOutsideLoop { break_line } => {
                write!(f, "<break> at line {break_line} not inside a loop")
            }
            ErrorKind::DuplicateLabel { label, first_line } => {
                write!(f, "label '{label}' already defined on line {first_line}")
            }
            ErrorKind::JumpIntoScope {
                label,
                goto_line,
                local,
            } => write!(
                f,
                "<goto {label}> at line {goto_line} jumps into the scope of local '{local}'"
            ),
            ErrorKind::VarargOutsideVarargFunction => {
                write!(f, "cannot use '...' outside a vararg function")
            }
            ErrorKind::SyntaxError => write!(f, "syntax error"),
        }
    }
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let ErrorKind::TooMany { .. } = self.kind {
            return write!(f, "{}", self.kind);
        }
        write!(
            f,
            "{}:{}: {}",
            chunkid(&self.chunkname),
            self.line,
            self.kind
        )?;
        match &self.near {
            Some(tok) => write!(f, " near {tok}"),
            None => Ok(()),
        }
    }
}

impl std::error::Error for CompileError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_read_like_lparser() {
        let e = CompileError {
            chunkname: "=(command line)".into(),
            line: 1,
            kind: ErrorKind::UndefinedGoto {
                label: "x".into(),
                goto_line: 1,
            },
            near: None,
        };
        assert_eq!(
            e.to_string(),
            "(command line):1: no visible label 'x' for <goto> at line 1"
        );
        let e = CompileError {
            chunkname: "@f.lua".into(),
            line: 3,
            kind: ErrorKind::Limit {
                what: "local variables",
                limit: 200,
                func_line: 2,
            },
            near: None,
        };
        assert_eq!(
            e.to_string(),
            "f.lua:3: too many local variables (limit is 200) in function at line 2"
        );
    }
}
