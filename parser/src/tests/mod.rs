//! Parser tests. Expected error messages come from the reference
//! (`luac5.3 -p`), see ref_errors.rs and gen_ref_errors.py.

use super::*;
use crate::ast::*;

mod ref_errors;
mod sexpr;

use sexpr::sexpr;

fn parse_ok(src: &str) -> String {
    let arena = Bump::new();
    match parse(&arena, src.as_bytes(), "@t.lua") {
        Ok(b) => sexpr(&b),
        Err(e) => panic!("{src:?}: {e}"),
    }
}

fn parse_err(src: &str) -> String {
    let arena = Bump::new();
    match parse(&arena, src.as_bytes(), "@t.lua") {
        Ok(b) => panic!("{src:?} parsed: {}", sexpr(&b)),
        Err(e) => e.to_string(),
    }
}

/// The expression of `return <src>`.
fn expr(src: &str) -> String {
    let s = parse_ok(&format!("return {src}"));
    s.strip_prefix("(return ")
        .and_then(|s| s.strip_suffix(')'))
        .unwrap_or(&s)
        .to_string()
}

#[test]
fn errors_match_the_reference() {
    let mut failures = vec![];
    for (src, want) in ref_errors::REF_ERRORS {
        let arena = Bump::new();
        let got = match parse(&arena, src, "@t.lua") {
            Ok(_) => Vec::new(),
            Err(e) => e.to_bytes(),
        };
        if &got[..] != *want {
            failures.push(format!(
                "{:?}\n   want {:?}\n   got  {:?}",
                String::from_utf8_lossy(src),
                String::from_utf8_lossy(want),
                String::from_utf8_lossy(&got)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

mod ref_nesting;

fn nest(p: &(&str, &str, &str, &str, &str, usize, [&str; 3]), n: usize) -> String {
    let (pre, head, core, tail, suf, _, _) = *p;
    let mut s = String::from(pre);
    if head.starts_with("::") {
        let parts: Vec<String> = (0..n).map(|i| format!("{head}{i}{core}")).collect();
        s.push_str(&parts.join(" "));
    } else {
        s.push_str(&head.repeat(n));
        s.push_str(core);
        s.push_str(&tail.repeat(n));
    }
    s.push_str(suf);
    s
}

#[test]
fn nesting_limits_match_the_reference() {
    let mut failures = vec![];
    for p in ref_nesting::REF_NESTING {
        let limit = p.5;
        for (i, n) in [limit - 1, limit, limit + 1, 1000].into_iter().enumerate() {
            let src = nest(p, n);
            let arena = Bump::new();
            let got = match parse(&arena, src.as_bytes(), "@t.lua") {
                Ok(_) => String::new(),
                Err(e) => e.to_string(),
            };
            let want = if i == 0 { "" } else { p.6[i - 1] };
            if got != want {
                failures.push(format!(
                    "{:?} x{n}: want {want:?} got {got:?}",
                    (p.0, p.1, p.2, p.3, p.4)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
