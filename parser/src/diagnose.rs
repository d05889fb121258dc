//! The error diagnoser: when the LALR parser rejects a chunk (or check.rs
//! finds it nests too deep), this re-reads the source with a recursive
//! descent recogniser that follows lparser.c (lua/lua v5.3.6) step for step
//! — same token reads, same lookahead, same `linenumber`, same nesting
//! count, same declared locals (`MAXVARS`, 200 per function, counted as
//! `new_localvar` declares them) and upvalues (`MAXUPVAL`, 255) — so the
//! first error it meets is the one the reference reports, with the
//! reference's wording. It builds nothing but the scopes those limits need.
//!
//! The typed dialect is recognised with the same grammar as
//! grammar.lalrpop; its messages follow the reference's style.
//!
//! Recursion is bounded: every cycle through the recursive functions passes
//! `enterlevel`, which fails past `LIMIT`, as in the reference.

use bumpalo::Bump;
use wlua_lexer::{LexError, Lexer, Near};

use crate::ast::Span;
use crate::check::LIMIT;
use crate::tokens::{Item, Tok, TokStream};

/// A diagnosed error: the reference's line, message and "near" part.
#[derive(Debug)]
pub struct Diag {
    pub line: u32,
    pub message: String,
    pub near: Near,
    pub span: Span,
}

impl Diag {
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut v = self.message.as_bytes().to_vec();
        if self.near != Near::None {
            v.extend_from_slice(b" near ");
            v.extend_from_slice(&self.near.to_bytes());
        }
        v
    }
}

fn lex_diag(e: LexError) -> Diag {
    Diag {
        line: e.line,
        message: e.message,
        near: e.near,
        span: Span {
            start: e.span.start,
            end: e.span.end,
        },
    }
}

type R<T> = Result<T, Box<Diag>>;

/// Runs the recogniser; `None` means it found no error.
pub fn diagnose(source: &[u8], file: bool, base_level: u32) -> Option<Diag> {
    let arena = Bump::new();
    let lexer = if file {
        Lexer::new_file(source)
    } else {
        Lexer::new(source)
    };
    let ts = TokStream::new(lexer, &arena);
    let mut rd = Rd {
        ts,
        src: source,
        t: Item {
            tok: Tok::Eof,
            start: 0,
            end: 0,
            line: 1,
        },
        ahead: None,
        linenumber: 1,
        level: base_level,
        funcs: Vec::new(),
        actvar: Vec::new(),
        in_type: 0,
    };
    rd.mainfunc().err().map(|b| *b)
}

/// What a suffixed expression turned out to be (`expkind` reduced to what
/// the syntax needs).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Var,
    Call,
    Other,
}

struct FuncInfo<'a> {
    /// `linedefined` (0 for the main function).
    line: u32,
    vararg: bool,
    /// Where the function's locals start in `Rd::actvar` (`firstlocal`).
    firstlocal: usize,
    /// How many of them are active (`nactvar`); the rest are declared but
    /// not yet in scope (`local x = <here>`).
    nactvar: usize,
    /// Upvalue names, in order (`f->upvalues`).
    upvals: Vec<&'a str>,
}

impl<'a> FuncInfo<'a> {
    fn new(line: u32, vararg: bool, firstlocal: usize) -> FuncInfo<'a> {
        FuncInfo {
            line,
            vararg,
            firstlocal,
            nactvar: 0,
            upvals: Vec::new(),
        }
    }
}

/// `MAXVARS`: declared locals per function.
const MAXVARS: usize = 200;
/// `MAXUPVAL`.
const MAXUPVAL: usize = 255;

struct Rd<'s, 'a> {
    ts: TokStream<'s, 'a>,
    src: &'s [u8],
    /// Current token (`ls->t`).
    t: Item<'a>,
    /// `ls->lookahead`.
    ahead: Option<Item<'a>>,
    linenumber: u32,
    /// `L->nCcalls`.
    level: u32,
    funcs: Vec<FuncInfo<'a>>,
    /// Declared local variables of all open functions (`dyd->actvar`).
    actvar: Vec<&'a str>,
    /// Inside a type: names there are not variables (types are erased).
    in_type: u32,
}

/// Binary operator priorities (left, right), as lparser.c's `priority`.
fn binop(t: Tok) -> Option<(u8, u8)> {
    Some(match t {
        Tok::Plus | Tok::Minus | Tok::Arrow => (10, 10),
        Tok::Star | Tok::Percent | Tok::Slash | Tok::DSlash => (11, 11),
        Tok::Caret => (14, 13),
        Tok::Amp => (6, 6),
        Tok::Pipe => (4, 4),
        Tok::Tilde => (5, 5),
        Tok::Shl | Tok::Shr => (7, 7),
        Tok::Concat => (9, 8),
        Tok::EqEq | Tok::Lt | Tok::Le | Tok::NotEq | Tok::Gt | Tok::Ge => (3, 3),
        Tok::And => (2, 2),
        Tok::Or => (1, 1),
        _ => return None,
    })
}

const UNARY_PRIORITY: u8 = 12;

impl<'s, 'a> Rd<'s, 'a> {
    // -----------------------------------------------------------------
    // Token reading (llex.c's luaX_next / luaX_lookahead)

    fn read(&mut self) -> R<Item<'a>> {
        match self.ts.next_item() {
            Ok(it) => {
                self.linenumber = it.line;
                Ok(it)
            }
            Err(e) => Err(Box::new(lex_diag(e))),
        }
    }

    fn next(&mut self) -> R<()> {
        // `->` outside a type is `-` then `>`, as the reference lexes it.
        if self.t.tok == Tok::Arrow {
            self.t.tok = Tok::Gt;
            self.t.start += 1;
            return Ok(());
        }
        self.next_whole()
    }

    fn next_whole(&mut self) -> R<()> {
        self.t = match self.ahead.take() {
            Some(it) => it,
            None => self.read()?,
        };
        Ok(())
    }

    fn lookahead(&mut self) -> R<Tok<'a>> {
        let it = self.read()?;
        self.ahead = Some(it);
        Ok(it.tok)
    }

    // -----------------------------------------------------------------
    // Errors

    fn near(&self) -> Near {
        let it = self.t;
        let text = &self.src[it.start as usize..(it.end as usize).min(self.src.len())];
        match it.tok {
            Tok::Name(_)
            | Tok::Type
            | Tok::Export
            | Tok::As
            | Tok::Typeof
            | Tok::Int(_)
            | Tok::Float(_) => Near::Text(text.to_vec()),
            Tok::Str(v) => {
                let mut out = Vec::with_capacity(v.len() + 4);
                if text.first() == Some(&b'[') {
                    let level = text[1..].iter().take_while(|&&c| c == b'=').count();
                    out.push(b'[');
                    out.extend(std::iter::repeat_n(b'=', level));
                    out.push(b'[');
                    out.extend_from_slice(v);
                    out.push(b']');
                    out.extend(std::iter::repeat_n(b'=', level));
                    out.push(b']');
                } else {
                    let d = text.first().copied().unwrap_or(b'"');
                    out.push(d);
                    out.extend_from_slice(v);
                    out.push(d);
                }
                Near::Text(out)
            }
            Tok::Eof => Near::Eof,
            Tok::Arrow => Near::Plain("'-'".into()),
            t => Near::Plain(t.describe()),
        }
    }

    #[cold]
    fn error(&self, msg: impl Into<String>) -> Box<Diag> {
        Box::new(Diag {
            line: self.linenumber,
            message: msg.into(),
            near: self.near(),
            span: Span {
                start: self.t.start,
                end: self.t.end,
            },
        })
    }

    #[cold]
    fn error_expected(&self, what: Tok) -> Box<Diag> {
        self.error(format!("{} expected", what.describe()))
    }

    /// `errorlimit` for the current function.
    fn errorlimit(&self, limit: usize, what: &str) -> Box<Diag> {
        self.errorlimit_in(self.funcs.len() - 1, limit, what)
    }

    /// `errorlimit` for the function at `fidx` in `funcs`.
    #[cold]
    fn errorlimit_in(&self, fidx: usize, limit: usize, what: &str) -> Box<Diag> {
        let line = self.funcs[fidx].line;
        let place = if line == 0 {
            "main function".to_string()
        } else {
            format!("function at line {line}")
        };
        self.error(format!("too many {what} (limit is {limit}) in {place}"))
    }

    fn enterlevel(&mut self) -> R<()> {
        self.level += 1;
        if self.level > LIMIT {
            return Err(self.errorlimit(LIMIT as usize, "C levels"));
        }
        Ok(())
    }

    fn leavelevel(&mut self) {
        self.level -= 1;
    }

    fn testnext(&mut self, c: Tok) -> R<bool> {
        if self.t.tok == c {
            self.next()?;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    fn check(&self, c: Tok) -> R<()> {
        if self.t.tok != c {
            Err(self.error_expected(c))
        } else {
            Ok(())
        }
    }

    fn checknext(&mut self, c: Tok) -> R<()> {
        self.check(c)?;
        self.next()
    }

    fn check_match(&mut self, what: Tok, who: Tok, line: u32) -> R<()> {
        if !self.testnext(what)? {
            if line == self.linenumber {
                return Err(self.error_expected(what));
            }
            return Err(self.error(format!(
                "{} expected (to close {} at line {})",
                what.describe(),
                who.describe(),
                line
            )));
        }
        Ok(())
    }

    fn str_checkname(&mut self) -> R<&'a str> {
        let name = match self.t.tok {
            Tok::Name(s) => s,
            Tok::Typeof => "typeof",
            _ => return Err(self.error_expected(Tok::Name(""))),
        };
        self.next()?;
        Ok(name)
    }

    /// A name where `type` is also accepted (local names, goto labels).
    fn str_checkname_or_type(&mut self) -> R<&'a str> {
        if self.t.tok == Tok::Type {
            self.next()?;
            return Ok("type");
        }
        self.str_checkname()
    }

    /// A plain name in types (`typeof` is not one there).
    fn check_type_name(&mut self) -> R<()> {
        if !matches!(self.t.tok, Tok::Name(_)) {
            return Err(self.error_expected(Tok::Name("")));
        }
        self.next()
    }

    fn block_follow(&self, withuntil: bool) -> bool {
        match self.t.tok {
            Tok::Else | Tok::Elseif | Tok::End | Tok::Eof => true,
            Tok::Until => withuntil,
            _ => false,
        }
    }

    // -----------------------------------------------------------------
    // Scopes (what lparser.c's limits on locals and upvalues need)

    fn fs(&mut self) -> &mut FuncInfo<'a> {
        let last = self.funcs.len() - 1;
        &mut self.funcs[last]
    }

    /// Declares a local, not yet in scope (`new_localvar`): at most
    /// `MAXVARS` declared locals per function, counting the ones still
    /// waiting for their initialisers.
    fn new_localvar(&mut self, name: &'a str) -> R<()> {
        let first = self.funcs[self.funcs.len() - 1].firstlocal;
        if self.actvar.len() + 1 - first > MAXVARS {
            return Err(self.errorlimit(MAXVARS, "local variables"));
        }
        self.actvar.push(name);
        Ok(())
    }

    /// Brings the last `n` declared locals into scope (`adjustlocalvars`).
    fn adjustlocalvars(&mut self, n: usize) {
        self.fs().nactvar += n;
    }

    /// `enterblock`: what `leaveblock` restores.
    fn enterblock(&mut self) -> usize {
        self.fs().nactvar
    }

    /// `leaveblock`'s `removevars`: the block's locals go out of scope.
    fn leaveblock(&mut self, nactvar: usize) {
        let fs = self.fs();
        let gone = fs.nactvar - nactvar;
        fs.nactvar = nactvar;
        let len = self.actvar.len() - gone;
        self.actvar.truncate(len);
    }

    /// `open_func`.
    fn open_func(&mut self, line: u32, vararg: bool) {
        let first = self.actvar.len();
        self.funcs.push(FuncInfo::new(line, vararg, first));
    }

    /// `close_func`.
    fn close_func(&mut self) {
        if let Some(f) = self.funcs.pop() {
            self.actvar.truncate(f.firstlocal);
        }
    }

    /// Resolves a variable name just read (`singlevar`, with the token
    /// after the name current): a global is `_ENV.name`. Only upvalues
    /// matter here: one is created in each function between the name's
    /// definition and its use (outermost first), each function having at
    /// most `MAXUPVAL`.
    fn singlevar(&mut self, name: &'a str) -> R<()> {
        if self.in_type > 0 {
            return Ok(());
        }
        if !self.singlevaraux(name)? {
            self.singlevaraux("_ENV")?;
        }
        Ok(())
    }

    /// `singlevaraux` from the current function, iteratively; false for a
    /// global.
    fn singlevaraux(&mut self, name: &'a str) -> R<bool> {
        let mut found = None;
        for (i, f) in self.funcs.iter().enumerate().rev() {
            let active = &self.actvar[f.firstlocal..f.firstlocal + f.nactvar];
            if active.contains(&name) || f.upvals.contains(&name) {
                found = Some(i);
                break;
            }
        }
        let Some(found) = found else {
            return Ok(false);
        };
        for i in found + 1..self.funcs.len() {
            if self.funcs[i].upvals.len() + 1 > MAXUPVAL {
                return Err(self.errorlimit_in(i, MAXUPVAL, "upvalues"));
            }
            self.funcs[i].upvals.push(name);
        }
        Ok(true)
    }

    // -----------------------------------------------------------------
    // Statements

    fn mainfunc(&mut self) -> R<()> {
        self.open_func(0, true);
        self.fs().upvals.push("_ENV");
        self.next()?;
        self.statlist()?;
        self.check(Tok::Eof)
    }

    fn statlist(&mut self) -> R<()> {
        while !self.block_follow(true) {
            if self.t.tok == Tok::Return {
                return self.statement();
            }
            self.statement()?;
        }
        Ok(())
    }

    fn block(&mut self) -> R<()> {
        let bl = self.enterblock();
        self.statlist()?;
        self.leaveblock(bl);
        Ok(())
    }

    fn statement(&mut self) -> R<()> {
        let line = self.linenumber;
        self.enterlevel()?;
        match self.t.tok {
            Tok::Semi => self.next()?,
            Tok::If => self.ifstat(line)?,
            Tok::While => self.whilestat(line)?,
            Tok::Do => {
                self.next()?;
                self.block()?;
                self.check_match(Tok::End, Tok::Do, line)?;
            }
            Tok::For => self.forstat(line)?,
            Tok::Repeat => self.repeatstat(line)?,
            Tok::Function => self.funcstat(line)?,
            Tok::Local => {
                self.next()?;
                if self.testnext(Tok::Function)? {
                    self.localfunc()?;
                } else {
                    self.localstat()?;
                }
            }
            Tok::DbColon | Tok::Label => {
                self.next()?;
                self.str_checkname()?;
                self.labelstat()?;
            }
            Tok::Return => {
                self.next()?;
                self.retstat()?;
            }
            Tok::Break => self.next()?,
            Tok::Goto => {
                self.next()?;
                self.str_checkname_or_type()?;
            }
            Tok::Type => self.aliasstat()?,
            Tok::Export => {
                self.next()?;
                self.aliasstat()?;
            }
            _ => self.exprstat()?,
        }
        self.leavelevel();
        Ok(())
    }

    fn labelstat(&mut self) -> R<()> {
        self.checknext(Tok::DbColon)?;
        while matches!(self.t.tok, Tok::Semi | Tok::DbColon | Tok::Label) {
            self.statement()?;
        }
        Ok(())
    }

    fn whilestat(&mut self, line: u32) -> R<()> {
        self.next()?;
        self.expr()?;
        self.checknext(Tok::Do)?;
        self.block()?;
        self.check_match(Tok::End, Tok::While, line)
    }

    fn repeatstat(&mut self, line: u32) -> R<()> {
        self.next()?;
        // The condition sees the body's locals.
        let bl = self.enterblock();
        self.statlist()?;
        self.check_match(Tok::Until, Tok::Repeat, line)?;
        self.expr()?;
        self.leaveblock(bl);
        Ok(())
    }

    fn forstat(&mut self, line: u32) -> R<()> {
        let bl = self.enterblock();
        self.next()?;
        let varname = self.str_checkname()?;
        // Three hidden control variables, then the declared ones, all
        // declared before the `=` or `in` is checked.
        match self.t.tok {
            Tok::Assign => {
                self.new_localvar("(for index)")?;
                self.new_localvar("(for limit)")?;
                self.new_localvar("(for step)")?;
                self.new_localvar(varname)?;
                self.next()?;
                self.expr()?;
                self.checknext(Tok::Comma)?;
                self.expr()?;
                if self.testnext(Tok::Comma)? {
                    self.expr()?;
                }
                self.forbody(1)?;
            }
            Tok::Comma | Tok::In => {
                self.new_localvar("(for generator)")?;
                self.new_localvar("(for state)")?;
                self.new_localvar("(for control)")?;
                self.new_localvar(varname)?;
                let mut nvars = 1;
                while self.testnext(Tok::Comma)? {
                    let name = self.str_checkname()?;
                    self.new_localvar(name)?;
                    nvars += 1;
                }
                self.checknext(Tok::In)?;
                self.explist()?;
                self.forbody(nvars)?;
            }
            _ => return Err(self.error("'=' or 'in' expected")),
        }
        self.check_match(Tok::End, Tok::For, line)?;
        self.leaveblock(bl);
        Ok(())
    }

    fn forbody(&mut self, nvars: usize) -> R<()> {
        self.adjustlocalvars(3);
        self.checknext(Tok::Do)?;
        let bl = self.enterblock();
        self.adjustlocalvars(nvars);
        self.block()?;
        self.leaveblock(bl);
        Ok(())
    }

    fn test_then_block(&mut self) -> R<()> {
        self.next()?;
        self.expr()?;
        self.checknext(Tok::Then)?;
        if matches!(self.t.tok, Tok::Goto | Tok::Break) {
            // `gotostat` without `statement`: no level of its own.
            if self.testnext(Tok::Goto)? {
                self.str_checkname_or_type()?;
            } else {
                self.next()?;
            }
            while self.testnext(Tok::Semi)? {}
            if self.block_follow(false) {
                return Ok(());
            }
        }
        self.block()
    }

    fn ifstat(&mut self, line: u32) -> R<()> {
        self.test_then_block()?;
        while self.t.tok == Tok::Elseif {
            self.test_then_block()?;
        }
        if self.testnext(Tok::Else)? {
            self.block()?;
        }
        self.check_match(Tok::End, Tok::If, line)
    }

    fn localfunc(&mut self) -> R<()> {
        let name = self.str_checkname()?;
        self.new_localvar(name)?;
        self.adjustlocalvars(1);
        let line = self.linenumber;
        self.body(line, false)
    }

    fn localstat(&mut self) -> R<()> {
        // All names are declared (and counted) before the expressions; a
        // typed name after its type, as the compiler does.
        let mut nvars = 0;
        loop {
            let name = self.str_checkname_or_type()?;
            if self.testnext(Tok::Colon)? {
                self.type_expr(false)?;
            }
            self.new_localvar(name)?;
            nvars += 1;
            if !self.testnext(Tok::Comma)? {
                break;
            }
        }
        if self.testnext(Tok::Assign)? {
            self.explist()?;
        }
        self.adjustlocalvars(nvars);
        Ok(())
    }

    fn funcstat(&mut self, line: u32) -> R<()> {
        self.next()?;
        let name = self.str_checkname()?;
        self.singlevar(name)?;
        while self.t.tok == Tok::Dot {
            self.next()?;
            self.str_checkname()?;
        }
        let method = self.t.tok == Tok::Colon;
        if method {
            self.next()?;
            self.str_checkname()?;
        }
        self.body(line, method)
    }

    fn exprstat(&mut self) -> R<()> {
        let mut kind = self.suffixedexp()?;
        if matches!(self.t.tok, Tok::Assign | Tok::Comma) {
            // `assignment`, iteratively.
            let mut nvars = 1;
            loop {
                if kind != Kind::Var {
                    return Err(self.error("syntax error"));
                }
                if self.testnext(Tok::Comma)? {
                    kind = self.suffixedexp()?;
                    if nvars + self.level > LIMIT {
                        return Err(self.errorlimit(LIMIT as usize, "C levels"));
                    }
                    nvars += 1;
                } else {
                    self.checknext(Tok::Assign)?;
                    self.explist()?;
                    return Ok(());
                }
            }
        }
        if kind != Kind::Call {
            return Err(self.error("syntax error"));
        }
        Ok(())
    }

    fn retstat(&mut self) -> R<()> {
        if !(self.block_follow(true) || self.t.tok == Tok::Semi) {
            self.explist()?;
        }
        self.testnext(Tok::Semi)?;
        Ok(())
    }

    fn aliasstat(&mut self) -> R<()> {
        self.checknext(Tok::Type)?;
        self.check_type_name()?;
        if self.t.tok == Tok::Lt {
            self.generic_params()?;
        }
        self.checknext(Tok::Assign)?;
        self.type_expr(false).map(|_| ())
    }

    // -----------------------------------------------------------------
    // Functions

    fn body(&mut self, line: u32, method: bool) -> R<()> {
        self.open_func(line, false);
        if self.t.tok == Tok::Lt {
            self.generic_params()?;
        }
        self.checknext(Tok::LParen)?;
        if method {
            self.new_localvar("self")?;
            self.adjustlocalvars(1);
        }
        self.parlist()?;
        self.checknext(Tok::RParen)?;
        if self.testnext(Tok::Colon)? {
            self.ret_annotation()?;
        }
        self.statlist()?;
        self.check_match(Tok::End, Tok::Function, line)?;
        self.close_func();
        Ok(())
    }

    fn parlist(&mut self) -> R<()> {
        let mut nparams = 0;
        if self.t.tok != Tok::RParen {
            loop {
                match self.t.tok {
                    Tok::Name(_) | Tok::Typeof => {
                        let name = self.str_checkname()?;
                        if self.testnext(Tok::Colon)? {
                            self.type_expr(false)?;
                        }
                        self.new_localvar(name)?;
                        nparams += 1;
                    }
                    Tok::Dots => {
                        self.next()?;
                        self.fs().vararg = true;
                        if self.testnext(Tok::Colon)? {
                            self.type_expr(false)?;
                        }
                        break;
                    }
                    _ => return Err(self.error("<name> or '...' expected")),
                }
                if !self.testnext(Tok::Comma)? {
                    break;
                }
            }
        }
        self.adjustlocalvars(nparams);
        Ok(())
    }

    // -----------------------------------------------------------------
    // Expressions

    fn explist(&mut self) -> R<()> {
        self.expr()?;
        while self.testnext(Tok::Comma)? {
            self.expr()?;
        }
        Ok(())
    }

    /// `expr`, plus the typed dialect's casts after a whole expression.
    /// `::` is a cast only when a type follows; otherwise the expression
    /// ends here and the `::` is read as the reference would (a label).
    fn expr(&mut self) -> R<()> {
        self.subexpr(0)?;
        loop {
            let cast = match self.t.tok {
                Tok::As => true,
                Tok::DbColon => self.lookahead()?.starts_type(),
                _ => false,
            };
            if !cast {
                return Ok(());
            }
            self.next()?;
            self.type_expr(false)?;
        }
    }

    fn subexpr(&mut self, limit: u8) -> R<Option<(u8, u8)>> {
        self.enterlevel()?;
        if matches!(
            self.t.tok,
            Tok::Not | Tok::Minus | Tok::Arrow | Tok::Hash | Tok::Tilde
        ) {
            self.next()?;
            self.subexpr(UNARY_PRIORITY)?;
        } else {
            self.simpleexp()?;
        }
        let mut op = binop(self.t.tok);
        while let Some((left, right)) = op {
            if left <= limit {
                break;
            }
            self.next()?;
            op = self.subexpr(right)?;
        }
        self.leavelevel();
        Ok(op)
    }

    fn simpleexp(&mut self) -> R<()> {
        match self.t.tok {
            Tok::Float(_) | Tok::Int(_) | Tok::Str(_) | Tok::Nil | Tok::True | Tok::False => {
                self.next()
            }
            Tok::Dots => {
                if !self.funcs.last().is_some_and(|f| f.vararg) {
                    return Err(self.error("cannot use '...' outside a vararg function"));
                }
                self.next()
            }
            Tok::LBrace => self.constructor(),
            Tok::Function => {
                self.next()?;
                let line = self.linenumber;
                self.body(line, false)
            }
            _ => self.suffixedexp().map(|_| ()),
        }
    }

    fn primaryexp(&mut self) -> R<Kind> {
        match self.t.tok {
            Tok::LParen => {
                let line = self.linenumber;
                self.next()?;
                self.expr()?;
                self.check_match(Tok::RParen, Tok::LParen, line)?;
                Ok(Kind::Other)
            }
            Tok::Name(_) | Tok::Typeof | Tok::Type => {
                let name = match self.t.tok {
                    Tok::Name(s) => s,
                    Tok::Typeof => "typeof",
                    _ => "type",
                };
                self.next()?;
                self.singlevar(name)?;
                Ok(Kind::Var)
            }
            _ => Err(self.error("unexpected symbol")),
        }
    }

    fn suffixedexp(&mut self) -> R<Kind> {
        let line = self.linenumber;
        let mut kind = self.primaryexp()?;
        loop {
            match self.t.tok {
                Tok::Dot => {
                    self.next()?;
                    self.str_checkname()?;
                    kind = Kind::Var;
                }
                Tok::LBracket => {
                    self.next()?;
                    self.expr()?;
                    self.checknext(Tok::RBracket)?;
                    kind = Kind::Var;
                }
                Tok::Colon => {
                    self.next()?;
                    self.str_checkname()?;
                    self.funcargs(line)?;
                    kind = Kind::Call;
                }
                Tok::LParen | Tok::Str(_) | Tok::LBrace => {
                    self.funcargs(line)?;
                    kind = Kind::Call;
                }
                Tok::Bang => {
                    self.next()?;
                    kind = Kind::Other;
                }
                _ => return Ok(kind),
            }
        }
    }

    fn funcargs(&mut self, line: u32) -> R<()> {
        match self.t.tok {
            Tok::LParen => {
                self.next()?;
                if self.t.tok != Tok::RParen {
                    self.explist()?;
                }
                self.check_match(Tok::RParen, Tok::LParen, line)
            }
            Tok::LBrace => self.constructor(),
            Tok::Str(_) => self.next(),
            _ => Err(self.error("function arguments expected")),
        }
    }

    fn constructor(&mut self) -> R<()> {
        let line = self.linenumber;
        self.checknext(Tok::LBrace)?;
        loop {
            if self.t.tok == Tok::RBrace {
                break;
            }
            self.field()?;
            if !(self.testnext(Tok::Comma)? || self.testnext(Tok::Semi)?) {
                break;
            }
        }
        self.check_match(Tok::RBrace, Tok::LBrace, line)
    }

    fn field(&mut self) -> R<()> {
        match self.t.tok {
            Tok::Name(_) | Tok::Typeof => {
                if self.lookahead()? != Tok::Assign {
                    self.expr()
                } else {
                    self.next()?;
                    self.checknext(Tok::Assign)?;
                    self.expr()
                }
            }
            Tok::LBracket => {
                self.next()?;
                self.expr()?;
                self.checknext(Tok::RBracket)?;
                self.checknext(Tok::Assign)?;
                self.expr()
            }
            _ => self.expr(),
        }
    }

    // -----------------------------------------------------------------
    // Types (typed dialect; same grammar as grammar.lalrpop)

    /// `>` closing a generic list; half of a `>>` will do.
    fn close_angle(&mut self) -> R<()> {
        match self.t.tok {
            Tok::Gt => self.next(),
            Tok::Shr => {
                self.t.tok = Tok::Gt;
                self.t.start += 1;
                Ok(())
            }
            _ => Err(self.error_expected(Tok::Gt)),
        }
    }

    fn generic_params(&mut self) -> R<()> {
        self.checknext(Tok::Lt)?;
        loop {
            self.check_type_name()?;
            if self.testnext(Tok::Colon)? {
                self.type_expr(false)?;
            }
            if !self.testnext(Tok::Comma)? {
                break;
            }
        }
        self.close_angle()
    }

    fn ret_annotation(&mut self) -> R<()> {
        match self.type_expr(true)? {
            Pack::Variadic | Pack::Named => Err(self.error_expected(Tok::Arrow)),
            _ => Ok(()),
        }
    }

    /// A full type. With `pack`, a parenthesised list is allowed (a return
    /// list); returns what was read.
    fn type_expr(&mut self, pack: bool) -> R<Pack> {
        self.enterlevel()?;
        self.in_type += 1;
        let r = self.type_inner(pack);
        self.in_type -= 1;
        self.leavelevel();
        r
    }

    fn type_inner(&mut self, pack: bool) -> R<Pack> {
        // Function type: [<generics>] (params) -> returns.
        if self.t.tok == Tok::Lt {
            self.generic_params()?;
            if self.t.tok != Tok::LParen {
                return Err(self.error_expected(Tok::LParen));
            }
            self.paren_list()?;
            return self.arrow_returns();
        }
        let leading_bar = self.testnext(Tok::Pipe)?;
        let first = self.postfix_type()?;
        if !leading_bar && first != Pack::Single && first != Pack::Other {
            // A parenthesised list: a function type, or a return list.
            if self.t.tok == Tok::Arrow {
                return self.arrow_returns();
            }
            if !pack {
                return Err(self.error_expected(Tok::Arrow));
            }
            return Ok(first);
        }
        if first == Pack::Single && !leading_bar && self.t.tok == Tok::Arrow {
            return self.arrow_returns();
        }
        self.require_single(first)?;
        let mut union_members = 1;
        loop {
            while self.testnext(Tok::Amp)? {
                let p = self.postfix_type()?;
                self.require_single(p)?;
            }
            if !self.testnext(Tok::Pipe)? {
                break;
            }
            union_members += 1;
            let p = self.postfix_type()?;
            self.require_single(p)?;
        }
        let _ = union_members;
        Ok(Pack::Other)
    }

    fn require_single(&self, p: Pack) -> R<()> {
        match p {
            Pack::Single | Pack::Other => Ok(()),
            _ => Err(self.error_expected(Tok::Arrow)),
        }
    }

    /// After a parameter list: `->` and the return type(s).
    fn arrow_returns(&mut self) -> R<Pack> {
        if self.t.tok != Tok::Arrow {
            return Err(self.error_expected(Tok::Arrow));
        }
        self.next_whole()?;
        if self.testnext(Tok::Dots)? {
            self.type_expr(false)?;
        } else if self.type_expr(true)? == Pack::Named {
            return Err(self.error_expected(Tok::Arrow));
        }
        Ok(Pack::Other)
    }

    /// A primary type, then `?`s, then validators. A parenthesised list
    /// followed by a postfix is an error.
    fn postfix_type(&mut self) -> R<Pack> {
        let p = self.primary_type()?;
        if matches!(self.t.tok, Tok::Question | Tok::At) {
            self.require_single(p)?;
        }
        let mut validated = false;
        while self.testnext(Tok::Question)? {
            validated = true;
        }
        while self.t.tok == Tok::At {
            self.next()?;
            self.check_type_name()?;
            self.checknext(Tok::LParen)?;
            if self.t.tok != Tok::RParen {
                self.explist()?;
            }
            self.checknext(Tok::RParen)?;
            validated = true;
        }
        Ok(if validated { Pack::Other } else { p })
    }

    fn primary_type(&mut self) -> R<Pack> {
        match self.t.tok {
            Tok::Name(_) => {
                self.next()?;
                if self.testnext(Tok::Dot)? {
                    self.check_type_name()?;
                }
                if self.testnext(Tok::Lt)? {
                    loop {
                        self.type_expr(false)?;
                        if !self.testnext(Tok::Comma)? {
                            break;
                        }
                    }
                    self.close_angle()?;
                }
                Ok(Pack::Other)
            }
            Tok::Nil
            | Tok::Function
            | Tok::True
            | Tok::False
            | Tok::Str(_)
            | Tok::Int(_)
            | Tok::Float(_) => {
                self.next()?;
                Ok(Pack::Other)
            }
            Tok::Minus => {
                self.next()?;
                match self.t.tok {
                    Tok::Int(_) | Tok::Float(_) => {
                        self.next()?;
                        Ok(Pack::Other)
                    }
                    _ => Err(self.error("number expected")),
                }
            }
            Tok::LBrace => {
                self.table_type()?;
                Ok(Pack::Other)
            }
            Tok::LParen => self.paren_list(),
            Tok::Typeof => {
                self.next()?;
                self.checknext(Tok::LParen)?;
                self.expr()?;
                self.checknext(Tok::RParen)?;
                Ok(Pack::Other)
            }
            _ => Err(self.error("type expected")),
        }
    }

    fn table_type(&mut self) -> R<()> {
        let line = self.linenumber;
        self.checknext(Tok::LBrace)?;
        if self.t.tok == Tok::RBrace {
        } else if self.testnext(Tok::LBracket)? {
            self.type_expr(false)?;
            self.checknext(Tok::RBracket)?;
            self.checknext(Tok::Colon)?;
            self.type_expr(false)?;
        } else if matches!(self.t.tok, Tok::Name(_))
            && matches!(self.lookahead()?, Tok::Colon | Tok::QColon)
        {
            loop {
                self.check_type_name()?;
                if !self.testnext(Tok::QColon)? {
                    self.checknext(Tok::Colon)?;
                }
                self.type_expr(false)?;
                if !(self.testnext(Tok::Comma)? || self.testnext(Tok::Semi)?) {
                    break;
                }
                if self.t.tok == Tok::RBrace {
                    break;
                }
            }
        } else {
            self.type_expr(false)?;
        }
        self.check_match(Tok::RBrace, Tok::LBrace, line)
    }

    /// `( ... )` in a type: a parenthesised type or a list.
    fn paren_list(&mut self) -> R<Pack> {
        let line = self.linenumber;
        self.checknext(Tok::LParen)?;
        let mut count = 0;
        let mut plain = true;
        let mut variadic = false;
        if self.t.tok != Tok::RParen {
            loop {
                if self.testnext(Tok::Dots)? {
                    self.testnext(Tok::Colon)?;
                    self.type_expr(false)?;
                    variadic = true;
                    break;
                }
                if matches!(self.t.tok, Tok::Name(_)) && self.lookahead()? == Tok::Colon {
                    self.next()?;
                    self.next()?;
                    plain = false;
                }
                self.type_expr(false)?;
                count += 1;
                if !self.testnext(Tok::Comma)? {
                    break;
                }
            }
        }
        self.check_match(Tok::RParen, Tok::LParen, line)?;
        Ok(match (count, plain, variadic) {
            (_, false, _) => Pack::Named,
            (1, true, false) => Pack::Single,
            (_, _, true) => Pack::Variadic,
            _ => Pack::List,
        })
    }
}

/// What a type read: an ordinary type, a parenthesised single type (which
/// may still become a parameter list), or a parenthesised list (plain, with
/// a variadic tail, or with named elements: only a parameter list).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pack {
    Other,
    Single,
    List,
    Variadic,
    Named,
}
