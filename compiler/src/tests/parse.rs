//! A small recursive-descent Lua 5.3 parser for the compiler's tests only,
//! shaped like lparser.c so that the AST (and its `line` fields) is what
//! the real parser documents in ast.rs. It knows nothing of the typed
//! dialect and reports errors as plain strings.

use bumpalo::Bump;
use wlua_parser::ast::*;

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Name(String),
    Str(Vec<u8>),
    Int(i64),
    Flt(f64),
    /// Keywords and symbols.
    Sym(&'static str),
    Eof,
}

const KEYWORDS: &[&str] = &[
    "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if", "in",
    "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while",
];

const SYMBOLS: &[&str] = &[
    "...", "..", "==", "~=", "<=", ">=", "<<", ">>", "//", "::", "+", "-", "*", "/", "%", "^", "#",
    "&", "~", "|", "<", ">", "=", "(", ")", "{", "}", "[", "]", ";", ":", ",", ".",
];

fn long_bracket_level(s: &[u8], i: usize) -> Option<usize> {
    // s[i] == '['; returns the level when this opens a long bracket.
    let mut j = i + 1;
    while j < s.len() && s[j] == b'=' {
        j += 1;
    }
    if j < s.len() && s[j] == b'[' {
        Some(j - i - 1)
    } else {
        None
    }
}

fn lex(src: &str) -> Result<Vec<(Tok, u32)>, String> {
    let s = src.as_bytes();
    let mut i = 0;
    let mut line = 1u32;
    let mut out = Vec::new();
    // Skip a shebang line.
    if s.starts_with(b"#") {
        while i < s.len() && s[i] != b'\n' {
            i += 1;
        }
    }
    let read_long = |i: &mut usize, line: &mut u32, level: usize| -> Result<Vec<u8>, String> {
        // at '[' of the opening bracket
        *i += level + 2;
        if *i < s.len() && s[*i] == b'\r' {
            *i += 1;
        }
        if *i < s.len() && s[*i] == b'\n' {
            *line += 1;
            *i += 1;
        }
        let mut buf = Vec::new();
        loop {
            if *i >= s.len() {
                return Err("unfinished long string".into());
            }
            if s[*i] == b']' {
                let mut j = *i + 1;
                while j < s.len() && s[j] == b'=' {
                    j += 1;
                }
                if j < s.len() && s[j] == b']' && j - *i - 1 == level {
                    *i = j + 1;
                    return Ok(buf);
                }
            }
            if s[*i] == b'\n' {
                *line += 1;
            }
            buf.push(s[*i]);
            *i += 1;
        }
    };
    while i < s.len() {
        let c = s[i];
        if c == b'\n' {
            line += 1;
            i += 1;
            continue;
        }
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if c == b'-' && s.get(i + 1) == Some(&b'-') {
            i += 2;
            if s.get(i) == Some(&b'[') {
                if let Some(level) = long_bracket_level(s, i) {
                    read_long(&mut i, &mut line, level)?;
                    continue;
                }
            }
            while i < s.len() && s[i] != b'\n' {
                i += 1;
            }
            continue;
        }
        let tline = line;
        if c.is_ascii_alphabetic() || c == b'_' {
            let st = i;
            while i < s.len() && (s[i].is_ascii_alphanumeric() || s[i] == b'_') {
                i += 1;
            }
            let w = &src[st..i];
            match KEYWORDS.iter().find(|k| **k == w) {
                Some(k) => out.push((Tok::Sym(k), tline)),
                None => out.push((Tok::Name(w.to_string()), tline)),
            }
            continue;
        }
        if c.is_ascii_digit() || (c == b'.' && s.get(i + 1).is_some_and(|d| d.is_ascii_digit())) {
            let st = i;
            let hex = c == b'0' && matches!(s.get(i + 1), Some(b'x') | Some(b'X'));
            if hex {
                i += 2;
            }
            loop {
                if i >= s.len() {
                    break;
                }
                let d = s[i];
                let exp = if hex { b"pP" } else { b"eE" };
                if exp.contains(&d) {
                    i += 1;
                    if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
                        i += 1;
                    }
                } else if d.is_ascii_hexdigit() || d == b'.' {
                    i += 1;
                } else {
                    break;
                }
            }
            let text = &src[st..i];
            out.push((number(text)?, tline));
            continue;
        }
        if c == b'"' || c == b'\'' {
            i += 1;
            let mut buf = Vec::new();
            loop {
                if i >= s.len() || s[i] == b'\n' {
                    return Err("unfinished string".into());
                }
                let d = s[i];
                if d == c {
                    i += 1;
                    break;
                }
                if d != b'\\' {
                    buf.push(d);
                    i += 1;
                    continue;
                }
                i += 1;
                let e = *s.get(i).ok_or("bad escape")?;
                i += 1;
                match e {
                    b'n' => buf.push(b'\n'),
                    b't' => buf.push(b'\t'),
                    b'r' => buf.push(b'\r'),
                    b'a' => buf.push(7),
                    b'b' => buf.push(8),
                    b'f' => buf.push(12),
                    b'v' => buf.push(11),
                    b'\\' => buf.push(b'\\'),
                    b'"' => buf.push(b'"'),
                    b'\'' => buf.push(b'\''),
                    b'\n' => {
                        line += 1;
                        buf.push(b'\n')
                    }
                    b'x' => {
                        let h = std::str::from_utf8(&s[i..i + 2]).map_err(|_| "bad \\x")?;
                        buf.push(u8::from_str_radix(h, 16).map_err(|_| "bad \\x")?);
                        i += 2;
                    }
                    b'z' => {
                        while i < s.len() && s[i].is_ascii_whitespace() {
                            if s[i] == b'\n' {
                                line += 1;
                            }
                            i += 1;
                        }
                    }
                    b'u' => {
                        let close = s[i..].iter().position(|&b| b == b'}').ok_or("bad \\u")?;
                        let h = std::str::from_utf8(&s[i + 1..i + close]).map_err(|_| "bad \\u")?;
                        let cp = u32::from_str_radix(h, 16).map_err(|_| "bad \\u")?;
                        let ch = char::from_u32(cp).ok_or("bad \\u")?;
                        let mut b = [0; 4];
                        buf.extend_from_slice(ch.encode_utf8(&mut b).as_bytes());
                        i += close + 1;
                    }
                    d if d.is_ascii_digit() => {
                        let mut v = (d - b'0') as u32;
                        for _ in 0..2 {
                            if i < s.len() && s[i].is_ascii_digit() {
                                v = v * 10 + (s[i] - b'0') as u32;
                                i += 1;
                            }
                        }
                        buf.push(v as u8);
                    }
                    _ => return Err("invalid escape".into()),
                }
            }
            out.push((Tok::Str(buf), tline));
            continue;
        }
        if c == b'[' {
            if let Some(level) = long_bracket_level(s, i) {
                let b = read_long(&mut i, &mut line, level)?;
                out.push((Tok::Str(b), tline));
                continue;
            }
        }
        match SYMBOLS
            .iter()
            .find(|sym| s[i..].starts_with(sym.as_bytes()))
        {
            Some(sym) => {
                out.push((Tok::Sym(sym), tline));
                i += sym.len();
            }
            None => return Err(format!("unexpected character '{}'", c as char)),
        }
    }
    out.push((Tok::Eof, line));
    Ok(out)
}

fn number(text: &str) -> Result<Tok, String> {
    let bad = || format!("malformed number near '{text}'");
    if let Some(h) = text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
        if !h.contains(['.', 'p', 'P']) {
            let mut v: u64 = 0;
            for d in h.chars() {
                v = v
                    .wrapping_mul(16)
                    .wrapping_add(d.to_digit(16).ok_or_else(bad)? as u64);
            }
            return Ok(Tok::Int(v as i64));
        }
        let (mant, exp) = match h.find(['p', 'P']) {
            Some(p) => (&h[..p], h[p + 1..].parse::<i32>().map_err(|_| bad())?),
            None => (h, 0),
        };
        let mut v = 0f64;
        let mut e = exp;
        let mut after_dot = false;
        for d in mant.chars() {
            if d == '.' {
                after_dot = true;
                continue;
            }
            v = v * 16.0 + d.to_digit(16).ok_or_else(bad)? as f64;
            if after_dot {
                e -= 4;
            }
        }
        return Ok(Tok::Flt(v * 2f64.powi(e / 2) * 2f64.powi(e - e / 2)));
    }
    if !text.contains(['.', 'e', 'E']) {
        if let Ok(i) = text.parse::<i64>() {
            return Ok(Tok::Int(i));
        }
    }
    text.parse::<f64>().map(Tok::Flt).map_err(|_| bad())
}

struct P<'a> {
    toks: Vec<(Tok, u32)>,
    pos: usize,
    arena: &'a Bump,
}

fn binop(t: &Tok) -> Option<(BinOp, u8, u8)> {
    let Tok::Sym(s) = t else { return None };
    Some(match *s {
        "+" => (BinOp::Add, 10, 10),
        "-" => (BinOp::Sub, 10, 10),
        "*" => (BinOp::Mul, 11, 11),
        "%" => (BinOp::Mod, 11, 11),
        "^" => (BinOp::Pow, 14, 13),
        "/" => (BinOp::Div, 11, 11),
        "//" => (BinOp::IDiv, 11, 11),
        "&" => (BinOp::BAnd, 6, 6),
        "|" => (BinOp::BOr, 4, 4),
        "~" => (BinOp::BXor, 5, 5),
        "<<" => (BinOp::Shl, 7, 7),
        ">>" => (BinOp::Shr, 7, 7),
        ".." => (BinOp::Concat, 9, 8),
        "==" => (BinOp::Eq, 3, 3),
        "<" => (BinOp::Lt, 3, 3),
        "<=" => (BinOp::Le, 3, 3),
        "~=" => (BinOp::Ne, 3, 3),
        ">" => (BinOp::Gt, 3, 3),
        ">=" => (BinOp::Ge, 3, 3),
        "and" => (BinOp::And, 2, 2),
        "or" => (BinOp::Or, 1, 1),
        _ => return None,
    })
}

const UNARY_PRIORITY: u8 = 12;

type R<T> = Result<T, String>;

impl<'a> P<'a> {
    fn tok(&self) -> &Tok {
        &self.toks[self.pos].0
    }
    fn line(&self) -> u32 {
        self.toks[self.pos].1
    }
    fn next(&mut self) {
        if self.pos + 1 < self.toks.len() {
            self.pos += 1;
        }
    }
    fn is(&self, s: &str) -> bool {
        matches!(self.tok(), Tok::Sym(x) if *x == s)
    }
    fn test_next(&mut self, s: &str) -> bool {
        if self.is(s) {
            self.next();
            true
        } else {
            false
        }
    }
    fn check_next(&mut self, s: &str) -> R<()> {
        if self.test_next(s) {
            Ok(())
        } else {
            Err(format!(
                "{}: '{}' expected near {:?}",
                self.line(),
                s,
                self.tok()
            ))
        }
    }
    fn name(&mut self) -> R<&'a str> {
        match self.tok().clone() {
            Tok::Name(n) => {
                self.next();
                Ok(self.arena.alloc_str(&n))
            }
            t => Err(format!("{}: <name> expected near {:?}", self.line(), t)),
        }
    }
    fn expr_at(&self, kind: ExprKind<'a>, line: u32) -> Expr<'a> {
        Expr {
            kind,
            line,
            span: Span::default(),
        }
    }
    fn alloc<T>(&self, v: T) -> &'a T {
        self.arena.alloc(v)
    }
    fn slice<T: Copy>(&self, v: Vec<T>) -> &'a [T] {
        self.arena.alloc_slice_copy(&v)
    }

    fn block_follow(&self, with_until: bool) -> bool {
        match self.tok() {
            Tok::Eof => true,
            Tok::Sym("else") | Tok::Sym("elseif") | Tok::Sym("end") => true,
            Tok::Sym("until") => with_until,
            _ => false,
        }
    }

    fn block(&mut self) -> R<Block<'a>> {
        let mut stats = Vec::new();
        let mut ret = None;
        while !self.block_follow(true) {
            if self.is("return") {
                let line = self.line();
                self.next();
                let exprs = if self.block_follow(true) || self.is(";") {
                    Vec::new()
                } else {
                    self.explist()?
                };
                self.test_next(";");
                ret = Some(&*self.alloc(Return {
                    exprs: self.slice(exprs),
                    line,
                    span: Span::default(),
                }));
                break;
            }
            if let Some(s) = self.statement()? {
                stats.push(s);
            }
        }
        Ok(Block {
            stats: self.slice(stats),
            ret,
            end_line: self.line(),
        })
    }

    fn statement(&mut self) -> R<Option<Stat<'a>>> {
        let line = self.line();
        let kind = match self.tok().clone() {
            Tok::Sym(";") => {
                self.next();
                return Ok(None);
            }
            Tok::Sym("if") => {
                let mut arms = Vec::new();
                loop {
                    let aline = self.line();
                    self.next(); // if / elseif
                    let cond = {
                        let v = self.expr()?;
                        self.alloc(v)
                    };
                    self.check_next("then")?;
                    let body = self.block()?;
                    arms.push(IfArm {
                        cond,
                        body,
                        line: aline,
                    });
                    if !self.is("elseif") {
                        break;
                    }
                }
                let else_body = if self.test_next("else") {
                    Some(self.block()?)
                } else {
                    None
                };
                self.check_next("end")?;
                StatKind::If {
                    arms: self.slice(arms),
                    else_body,
                }
            }
            Tok::Sym("while") => {
                self.next();
                let cond = {
                    let v = self.expr()?;
                    self.alloc(v)
                };
                self.check_next("do")?;
                let body = self.block()?;
                self.check_next("end")?;
                StatKind::While { cond, body }
            }
            Tok::Sym("do") => {
                self.next();
                let b = self.block()?;
                self.check_next("end")?;
                StatKind::Do(b)
            }
            Tok::Sym("for") => {
                self.next();
                let vline = self.line();
                let n1 = self.name()?;
                let var = LocalName {
                    name: n1,
                    ty: None,
                    line: vline,
                    span: Span::default(),
                };
                if self.test_next("=") {
                    let start = {
                        let v = self.expr()?;
                        self.alloc(v)
                    };
                    self.check_next(",")?;
                    let limit = {
                        let v = self.expr()?;
                        self.alloc(v)
                    };
                    let step = if self.test_next(",") {
                        Some(&*{
                            let v = self.expr()?;
                            self.alloc(v)
                        })
                    } else {
                        None
                    };
                    self.check_next("do")?;
                    let body = self.block()?;
                    self.check_next("end")?;
                    StatKind::NumFor {
                        var,
                        start,
                        limit,
                        step,
                        body,
                    }
                } else {
                    let mut names = vec![var];
                    while self.test_next(",") {
                        let l = self.line();
                        names.push(LocalName {
                            name: self.name()?,
                            ty: None,
                            line: l,
                            span: Span::default(),
                        });
                    }
                    self.check_next("in")?;
                    let exprs = self.explist()?;
                    self.check_next("do")?;
                    let body = self.block()?;
                    self.check_next("end")?;
                    StatKind::GenFor {
                        names: self.slice(names),
                        exprs: self.slice(exprs),
                        body,
                    }
                }
            }
            Tok::Sym("repeat") => {
                self.next();
                let body = self.block()?;
                self.check_next("until")?;
                let cond = {
                    let v = self.expr()?;
                    self.alloc(v)
                };
                StatKind::Repeat { body, cond }
            }
            Tok::Sym("function") => {
                self.next();
                let base = self.name()?;
                let mut fields = Vec::new();
                while self.test_next(".") {
                    fields.push(self.name()?);
                }
                let method = if self.test_next(":") {
                    Some(self.name()?)
                } else {
                    None
                };
                let v = self.body(method.is_some(), line)?;
                let func = self.alloc(v);
                StatKind::Function {
                    name: FuncName {
                        base,
                        base_span: Span::default(),
                        fields: self.slice(fields),
                        method,
                    },
                    func,
                }
            }
            Tok::Sym("local") => {
                self.next();
                if self.test_next("function") {
                    let nline = self.line();
                    let name = LocalName {
                        name: self.name()?,
                        ty: None,
                        line: nline,
                        span: Span::default(),
                    };
                    let l = self.line();
                    let func = {
                        let v = self.body(false, l)?;
                        self.alloc(v)
                    };
                    StatKind::LocalFunction { name, func }
                } else {
                    let mut names = Vec::new();
                    loop {
                        let l = self.line();
                        names.push(LocalName {
                            name: self.name()?,
                            ty: None,
                            line: l,
                            span: Span::default(),
                        });
                        if !self.test_next(",") {
                            break;
                        }
                    }
                    let exprs = if self.test_next("=") {
                        self.explist()?
                    } else {
                        Vec::new()
                    };
                    StatKind::Local {
                        names: self.slice(names),
                        exprs: self.slice(exprs),
                    }
                }
            }
            Tok::Sym("::") => {
                self.next();
                let n = self.name()?;
                self.check_next("::")?;
                StatKind::Label(n)
            }
            Tok::Sym("break") => {
                self.next();
                StatKind::Break
            }
            Tok::Sym("goto") => {
                self.next();
                StatKind::Goto(self.name()?)
            }
            _ => {
                let e = self.suffixedexp()?;
                if self.is("=") || self.is(",") {
                    let mut targets = vec![e];
                    while self.test_next(",") {
                        targets.push(self.suffixedexp()?);
                    }
                    self.check_next("=")?;
                    let exprs = self.explist()?;
                    StatKind::Assign {
                        targets: self.slice(targets),
                        exprs: self.slice(exprs),
                    }
                } else {
                    if !matches!(e.kind, ExprKind::Call(..) | ExprKind::MethodCall(..)) {
                        return Err(format!("{line}: syntax error"));
                    }
                    StatKind::Call(self.alloc(e))
                }
            }
        };
        Ok(Some(Stat {
            kind,
            line,
            span: Span::default(),
        }))
    }

    fn body(&mut self, is_method: bool, line: u32) -> R<FuncBody<'a>> {
        let _ = is_method;
        self.check_next("(")?;
        let mut params = Vec::new();
        let mut is_vararg = false;
        if !self.is(")") {
            loop {
                if self.test_next("...") {
                    is_vararg = true;
                    break;
                }
                params.push(Param {
                    name: self.name()?,
                    ty: None,
                    span: Span::default(),
                });
                if !self.test_next(",") {
                    break;
                }
            }
        }
        self.check_next(")")?;
        let body = self.block()?;
        let end_line = self.line();
        self.check_next("end")?;
        Ok(FuncBody {
            generics: &[],
            params: self.slice(params),
            is_vararg,
            vararg_ty: None,
            ret_tys: None,
            body,
            line,
            end_line,
            span: Span::default(),
        })
    }

    fn explist(&mut self) -> R<Vec<Expr<'a>>> {
        let mut v = vec![self.expr()?];
        while self.test_next(",") {
            v.push(self.expr()?);
        }
        Ok(v)
    }

    fn expr(&mut self) -> R<Expr<'a>> {
        Ok(self.subexpr(0)?.0)
    }

    fn subexpr(&mut self, limit: u8) -> R<(Expr<'a>, Option<(BinOp, u8, u8)>)> {
        let uop = match self.tok() {
            Tok::Sym("not") => Some(UnOp::Not),
            Tok::Sym("-") => Some(UnOp::Neg),
            Tok::Sym("#") => Some(UnOp::Len),
            Tok::Sym("~") => Some(UnOp::BNot),
            _ => None,
        };
        let mut e = if let Some(op) = uop {
            let line = self.line();
            self.next();
            let (x, _) = self.subexpr(UNARY_PRIORITY)?;
            self.expr_at(ExprKind::Unary(op, self.alloc(x)), line)
        } else {
            self.simpleexp()?
        };
        let mut op = binop(self.tok());
        while let Some((bop, left, right)) = op {
            if left <= limit {
                break;
            }
            let line = self.line();
            self.next();
            let (r, nextop) = self.subexpr(right)?;
            e = self.expr_at(ExprKind::Binary(bop, self.alloc(e), self.alloc(r)), line);
            op = nextop;
        }
        Ok((e, op))
    }

    fn simpleexp(&mut self) -> R<Expr<'a>> {
        let line = self.line();
        let kind = match self.tok().clone() {
            Tok::Int(i) => ExprKind::Int(i),
            Tok::Flt(f) => ExprKind::Float(f),
            Tok::Str(s) => ExprKind::Str(self.arena.alloc_slice_copy(&s)),
            Tok::Sym("nil") => ExprKind::Nil,
            Tok::Sym("true") => ExprKind::True,
            Tok::Sym("false") => ExprKind::False,
            Tok::Sym("...") => ExprKind::Vararg,
            Tok::Sym("{") => return self.constructor(),
            Tok::Sym("function") => {
                self.next();
                let l = self.line();
                let f = {
                    let v = self.body(false, l)?;
                    self.alloc(v)
                };
                return Ok(self.expr_at(ExprKind::Function(f), line));
            }
            _ => return self.suffixedexp(),
        };
        self.next();
        Ok(self.expr_at(kind, line))
    }

    fn constructor(&mut self) -> R<Expr<'a>> {
        let line = self.line();
        self.check_next("{")?;
        let mut fields = Vec::new();
        while !self.is("}") {
            if self.is("[") {
                self.next();
                let k = self.expr()?;
                self.check_next("]")?;
                self.check_next("=")?;
                let v = self.expr()?;
                fields.push(Field::Keyed(k, v));
            } else if matches!(self.tok(), Tok::Name(_))
                && matches!(self.toks[self.pos + 1].0, Tok::Sym("="))
            {
                let n = self.name()?;
                self.next();
                let v = self.expr()?;
                fields.push(Field::Named(n, v));
            } else {
                fields.push(Field::Positional(self.expr()?));
            }
            if !self.test_next(",") && !self.test_next(";") {
                break;
            }
        }
        self.check_next("}")?;
        Ok(self.expr_at(ExprKind::Table(self.slice(fields)), line))
    }

    fn primaryexp(&mut self) -> R<Expr<'a>> {
        let line = self.line();
        match self.tok().clone() {
            Tok::Name(_) => {
                let n = self.name()?;
                Ok(self.expr_at(ExprKind::Name(n), line))
            }
            Tok::Sym("(") => {
                self.next();
                let e = self.expr()?;
                self.check_next(")")?;
                Ok(self.expr_at(ExprKind::Paren(self.alloc(e)), line))
            }
            t => Err(format!("{line}: unexpected symbol near {t:?}")),
        }
    }

    fn suffixedexp(&mut self) -> R<Expr<'a>> {
        let line = self.line();
        let mut e = self.primaryexp()?;
        loop {
            match self.tok().clone() {
                Tok::Sym(".") => {
                    let l = self.line();
                    self.next();
                    let kl = self.line();
                    let n = self.name()?;
                    let key = self.expr_at(ExprKind::Str(n.as_bytes()), kl);
                    e = self.expr_at(ExprKind::Index(self.alloc(e), self.alloc(key)), l);
                }
                Tok::Sym("[") => {
                    let l = self.line();
                    self.next();
                    let k = self.expr()?;
                    self.check_next("]")?;
                    e = self.expr_at(ExprKind::Index(self.alloc(e), self.alloc(k)), l);
                }
                Tok::Sym(":") => {
                    self.next();
                    let n = self.name()?;
                    let args = self.funcargs()?;
                    e = self.expr_at(ExprKind::MethodCall(self.alloc(e), n, args), line);
                }
                Tok::Sym("(") | Tok::Sym("{") | Tok::Str(_) => {
                    let args = self.funcargs()?;
                    e = self.expr_at(ExprKind::Call(self.alloc(e), args), line);
                }
                _ => return Ok(e),
            }
        }
    }

    fn funcargs(&mut self) -> R<&'a [Expr<'a>]> {
        let line = self.line();
        match self.tok().clone() {
            Tok::Str(s) => {
                self.next();
                let e = self.expr_at(ExprKind::Str(self.arena.alloc_slice_copy(&s)), line);
                Ok(self.slice(vec![e]))
            }
            Tok::Sym("{") => {
                let e = self.constructor()?;
                Ok(self.slice(vec![e]))
            }
            _ => {
                self.check_next("(")?;
                let args = if self.is(")") {
                    Vec::new()
                } else {
                    self.explist()?
                };
                self.check_next(")")?;
                Ok(self.slice(args))
            }
        }
    }
}

/// Parses a chunk into the arena.
pub fn parse<'a>(arena: &'a Bump, src: &str) -> Result<Block<'a>, String> {
    let toks = lex(src)?;
    let mut p = P {
        toks,
        pos: 0,
        arena,
    };
    let b = p.block()?;
    if !matches!(p.tok(), Tok::Eof) {
        return Err(format!("{}: '<eof>' expected near {:?}", p.line(), p.tok()));
    }
    Ok(b)
}
