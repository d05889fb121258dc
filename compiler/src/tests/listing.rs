//! `luac -l -l` listings of protos (luac.c PrintFunction without addresses
//! and without the `; comment` column), to compare with the reference.

use std::fmt::Write;
use wlua_vm::op::{ArgMode, Format, Instr, OpCode, index_k, is_k};
use wlua_vm::proto::{Constant, Proto};

fn s(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// MYK: constants print as negative numbers.
fn myk(x: u32) -> i64 {
    -1 - x as i64
}

pub fn operands(i: Instr) -> String {
    let op = i.op();
    let info = op.info();
    let (a, b, c) = (i.a(), i.b(), i.c());
    let rk = |x: u32| -> i64 { if is_k(x) { myk(index_k(x)) } else { x as i64 } };
    let mut out = String::new();
    match info.format {
        Format::ABC => {
            let _ = write!(out, "{a}");
            if info.b != ArgMode::N {
                let _ = write!(out, " {}", rk(b));
            }
            if info.c != ArgMode::N {
                let _ = write!(out, " {}", rk(c));
            }
        }
        Format::ABx => {
            let _ = write!(out, "{a}");
            if info.b == ArgMode::K {
                let _ = write!(out, " {}", myk(i.bx()));
            }
            if info.b == ArgMode::U {
                let _ = write!(out, " {}", i.bx());
            }
        }
        Format::AsBx => {
            let _ = write!(out, "{a} {}", i.sbx());
        }
        Format::Ax => {
            let _ = write!(out, "{}", myk(i.ax_arg()));
        }
    }
    out
}

/// `%.14g` as C prints it.
pub fn fmt_g14(f: f64) -> String {
    if f.is_nan() {
        return if f.is_sign_negative() { "-nan" } else { "nan" }.into();
    }
    if f.is_infinite() {
        return if f < 0.0 { "-inf" } else { "inf" }.into();
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0" } else { "0" }.into();
    }
    let e = format!("{:.13e}", f);
    let (mant, exp) = e.split_once('e').unwrap_or((&e, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let strip = |s: String| -> String {
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s
        }
    };
    if !(-4..14).contains(&exp) {
        let m = strip(mant.to_string());
        format!("{}e{}{:02}", m, if exp < 0 { '-' } else { '+' }, exp.abs())
    } else {
        let prec = (13 - exp).max(0) as usize;
        strip(format!("{:.*}", prec, f))
    }
}

fn constant(k: &Constant) -> String {
    match k {
        Constant::Nil => "nil".into(),
        Constant::Bool(b) => b.to_string(),
        Constant::Int(i) => i.to_string(),
        Constant::Float(f) => {
            let mut t = fmt_g14(*f);
            if t.chars().all(|c| c == '-' || c.is_ascii_digit()) {
                t.push_str(".0");
            }
            t
        }
        Constant::Str(bytes) => {
            let mut t = String::from("\"");
            for &c in bytes.iter() {
                match c {
                    b'"' => t.push_str("\\\""),
                    b'\\' => t.push_str("\\\\"),
                    7 => t.push_str("\\a"),
                    8 => t.push_str("\\b"),
                    12 => t.push_str("\\f"),
                    b'\n' => t.push_str("\\n"),
                    b'\r' => t.push_str("\\r"),
                    b'\t' => t.push_str("\\t"),
                    11 => t.push_str("\\v"),
                    c if (0x20..0x7f).contains(&c) => t.push(c as char),
                    c => {
                        let _ = write!(t, "\\{:03}", c);
                    }
                }
            }
            t.push('"');
            t
        }
    }
}

fn source_name(src: &str) -> String {
    match src.as_bytes().first() {
        Some(b'@') | Some(b'=') => src[1..].to_string(),
        Some(0x1b) => "(bstring)".into(),
        _ => "(string)".into(),
    }
}

pub fn listing(p: &Proto) -> String {
    let mut out = String::new();
    print_function(p, &mut out);
    out
}

fn print_function(f: &Proto, out: &mut String) {
    let kind = if f.line_defined == 0 {
        "main"
    } else {
        "function"
    };
    let n = f.code.len();
    let _ = writeln!(
        out,
        "{} <{}:{},{}> ({} instruction{})",
        kind,
        source_name(&f.source),
        f.line_defined,
        f.last_line_defined,
        n,
        s(n)
    );
    let _ = writeln!(
        out,
        "{}{} param{}, {} slot{}, {} upvalue{}, {} local{}, {} constant{}, {} function{}",
        f.num_params,
        if f.is_vararg { "+" } else { "" },
        s(f.num_params as usize),
        f.max_stack,
        s(f.max_stack as usize),
        f.upvalues.len(),
        s(f.upvalues.len()),
        f.locvars.len(),
        s(f.locvars.len()),
        f.constants.len(),
        s(f.constants.len()),
        f.protos.len(),
        s(f.protos.len())
    );
    for (pc, &ins) in f.code.iter().enumerate() {
        let line = f.lineinfo.get(pc).copied().unwrap_or(0);
        let name = OpCode::info(ins.op()).name;
        let _ = writeln!(
            out,
            "\t{}\t[{}]\t{:<9}\t{}",
            pc + 1,
            line,
            name,
            operands(ins)
        );
    }
    let _ = writeln!(out, "constants ({}):", f.constants.len());
    for (i, k) in f.constants.iter().enumerate() {
        let _ = writeln!(out, "\t{}\t{}", i + 1, constant(k));
    }
    let _ = writeln!(out, "locals ({}):", f.locvars.len());
    for (i, l) in f.locvars.iter().enumerate() {
        let _ = writeln!(
            out,
            "\t{}\t{}\t{}\t{}",
            i,
            l.name,
            l.start_pc + 1,
            l.end_pc + 1
        );
    }
    let _ = writeln!(out, "upvalues ({}):", f.upvalues.len());
    for (i, u) in f.upvalues.iter().enumerate() {
        let _ = writeln!(
            out,
            "\t{}\t{}\t{}\t{}",
            i, u.name, u.in_stack as u8, u.index
        );
    }
    for p in &f.protos {
        print_function(p, out);
    }
}

/// The reference listing of `src` from `luac5.3 -l -l -p`, normalised like
/// `listing`; None when luac5.3 is not installed.
pub fn luac_listing(src: &str, file: &str) -> Option<Result<String, String>> {
    use std::process::Command;
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let n = N.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("wlua-compiler-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).ok()?;
    std::fs::write(dir.join(file), src).ok()?;
    let out = Command::new("luac5.3")
        .args(["-l", "-l", "-p", file])
        .current_dir(&dir)
        .output()
        .ok()?;
    if !out.status.success() {
        let _ = std::fs::remove_dir_all(&dir);
        return Some(Err(String::from_utf8_lossy(&out.stderr).into_owned()));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let mut res = String::new();
    for line in text.lines() {
        if line.is_empty() {
            continue;
        }
        let mut l = line.to_string();
        if let Some(p) = l.find(" at 0x") {
            // "main <f:0,0> (4 instructions at 0x...)"
            l.truncate(p);
            l.push(')');
        }
        if let Some(p) = l.find(" for 0x") {
            // "constants (2) for 0x...:"
            l.truncate(p);
            l.push(':');
        }
        if l.starts_with('\t')
            && l.contains("\t[")
            && let Some(p) = l.find("\t; ")
        {
            l.truncate(p);
        }
        res.push_str(&l);
        res.push('\n');
    }
    let _ = std::fs::remove_dir_all(&dir);
    Some(Ok(res))
}
