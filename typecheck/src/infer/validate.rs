//! Validators seen statically (spec/types.md 5.4): a literal that meets a
//! validated type (`local age: integer @min(0) = -1`, a table constructor's
//! field or element, an argument, a returned value) and breaks one of its
//! validators is reported as E0012. Which values pass at run time is
//! `T(v)` / `T:is(v)`'s business (docs/types-runtime.md); only constants
//! the checker can read are judged here. `@pattern` is matched with the
//! `regex` crate, as the run time matches it; a pattern that does not
//! compile is left to the run time (the declaration raises).

use super::*;

/// A constant the checker can judge against validators.
enum Lit<'e> {
    Num(Num),
    Str(&'e [u8]),
    /// A constructor of only positional, non-nil values: its length.
    Array(usize),
}

/// The constant `e` spells, if it is one: a number (with any number of
/// unary minuses), a string, or a plain array constructor.
fn literal<'e>(e: &'e Expr<'e>) -> Option<Lit<'e>> {
    let mut e = e;
    let mut neg = false;
    // A loop, not recursion: `- - - 1` may nest deeply.
    loop {
        match &e.kind {
            ExprKind::Paren(x) => e = x,
            ExprKind::Unary(UnOp::Neg, x) => {
                neg = !neg;
                e = x;
            }
            _ => break,
        }
    }
    let n = match &e.kind {
        ExprKind::Int(i) => Num::Int(*i),
        ExprKind::Float(f) => Num::Float(*f),
        _ if neg => return None,
        ExprKind::Str(s) => return Some(Lit::Str(s)),
        ExprKind::Table(fields) => {
            let plain = fields.iter().enumerate().all(|(i, f)| match f {
                ast::Field::Positional(v) => {
                    let multi = i + 1 == fields.len()
                        && matches!(
                            v.kind,
                            ExprKind::Call(..) | ExprKind::MethodCall(..) | ExprKind::Vararg
                        );
                    !multi && !matches!(v.kind, ExprKind::Nil)
                }
                _ => false,
            });
            return plain.then_some(Lit::Array(fields.len()));
        }
        _ => return None,
    };
    Some(Lit::Num(match (n, neg) {
        (n, false) => n,
        // Integer negation wraps, as in Lua.
        (Num::Int(i), true) => Num::Int(i.wrapping_neg()),
        (Num::Float(f), true) => Num::Float(-f),
    }))
}

/// Validators with constant arguments; others are left to the run time.
pub(super) fn validators(vs: &[ast::Validator]) -> Vec<Check> {
    let mut out = Vec::new();
    for v in vs {
        let arg = match v.args {
            [a] => literal(a),
            _ => None,
        };
        let len = |n: Num| match n {
            Num::Int(i) => Some(i),
            Num::Float(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => Some(f as i64),
            Num::Float(_) => None,
        };
        let c = match (v.name, arg) {
            ("min", Some(Lit::Num(n))) => Check::Min(n),
            ("max", Some(Lit::Num(n))) => Check::Max(n),
            ("min_len", Some(Lit::Num(n))) => match len(n) {
                Some(i) => Check::MinLen(i),
                None => continue,
            },
            ("max_len", Some(Lit::Num(n))) => match len(n) {
                Some(i) => Check::MaxLen(i),
                None => continue,
            },
            ("pattern", Some(Lit::Str(s))) => match std::str::from_utf8(s) {
                Ok(p) => Check::Pattern(Rc::from(p)),
                Err(_) => continue,
            },
            _ => continue,
        };
        out.push(c);
    }
    out
}

/// A string constant for a message, cut short when long.
fn show_str(s: &[u8]) -> String {
    const MAX: usize = 32;
    if s.len() <= MAX {
        return Ty::LitStr(Rc::from(s)).to_string();
    }
    let shown = Ty::LitStr(Rc::from(&s[..MAX])).to_string();
    format!("{}...\"", &shown[..shown.len() - 1])
}

/// The first of `checks` that `lit` breaks, worded. `matches(re, s)`
/// says whether `s` matches a pattern (`None` when it does not compile).
fn broken(
    lit: &Lit,
    checks: &[Check],
    matches: &dyn Fn(&str, &[u8]) -> Option<bool>,
) -> Option<String> {
    for c in checks {
        let m = match (lit, c) {
            (Lit::Num(v), Check::Min(n)) if v.lt(*n) => format!("{v} is less than {c}"),
            (Lit::Num(v), Check::Max(n)) if n.lt(*v) => format!("{v} is greater than {c}"),
            (Lit::Str(s), Check::MinLen(n)) if (s.len() as i64) < *n => {
                format!("{} (length {}) is shorter than {c}", show_str(s), s.len())
            }
            (Lit::Str(s), Check::MaxLen(n)) if (s.len() as i64) > *n => {
                format!("{} (length {}) is longer than {c}", show_str(s), s.len())
            }
            (Lit::Array(k), Check::MinLen(n)) if (*k as i64) < *n => {
                format!("array of length {k} is shorter than {c}")
            }
            (Lit::Array(k), Check::MaxLen(n)) if (*k as i64) > *n => {
                format!("array of length {k} is longer than {c}")
            }
            (Lit::Str(s), Check::Pattern(p)) if matches(p, s) == Some(false) => {
                format!("{} does not match {c}", show_str(s))
            }
            _ => continue,
        };
        return Some(m);
    }
    None
}

impl Checker {
    /// What the literal `e` breaks of `want`'s validators: `None` when `e`
    /// is no literal, when it fits no member of `want` (a type error,
    /// reported on its own) or when some member it fits accepts it.
    pub(super) fn violation(&self, e: &Expr, want: &Ty) -> Option<String> {
        let lit = literal(e)?;
        let lit_ty = match &lit {
            Lit::Num(Num::Int(i)) => Ty::LitInt(*i),
            Lit::Num(Num::Float(f)) => Ty::LitFloat(*f),
            Lit::Str(s) => Ty::LitStr(Rc::from(*s)),
            Lit::Array(_) => Ty::Table,
        };
        let want = self.unalias(want);
        let mut first = None;
        for m in want.members() {
            let (base, checks): (Ty, &[Check]) = match m {
                Ty::Checked(c) => (self.expand(&c.ty), &c.checks),
                m => (self.expand(m), &[]),
            };
            let fits = match lit {
                Lit::Array(_) => matches!(
                    base,
                    Ty::Array(_) | Ty::Map(..) | Ty::Table | Ty::Any | Ty::Unknown
                ),
                _ => is_sub(&lit_ty, &base, &self.al()).is_ok(),
            };
            if !fits {
                continue;
            }
            match broken(&lit, checks, &|p, s| self.pattern_matches(p, s)) {
                None => return None,
                Some(b) => {
                    first.get_or_insert(b);
                }
            }
        }
        first
    }

    /// Does `s` match the pattern `p` (`None`: it does not compile)?
    /// Compiled patterns are kept for the rest of the check.
    fn pattern_matches(&self, p: &str, s: &[u8]) -> Option<bool> {
        let mut cache = self.patterns.borrow_mut();
        let re = cache
            .entry(Rc::from(p))
            .or_insert_with(|| regex::bytes::Regex::new(p).ok().map(Rc::new));
        re.as_ref().map(|re| re.is_match(s))
    }

    /// Reports `what: <violation>` when the literal `e` breaks a validator
    /// of `want`.
    pub(super) fn check_literal(&mut self, e: &Expr, want: &Ty, what: &str) {
        if let Some(v) = self.violation(e, want) {
            self.err(code::VALIDATOR, e.span, format!("{what}: {v}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_compare_across_integer_and_float() {
        assert!(Num::Int(-1).lt(Num::Int(0)));
        assert!(Num::Float(-0.5).lt(Num::Int(0)));
        assert!(!Num::Int(0).lt(Num::Float(0.0)));
        assert!(Num::Int(100).lt(Num::Float(100.5)));
    }

    fn no_re(_: &str, _: &[u8]) -> Option<bool> {
        None
    }

    #[test]
    fn broken_names_the_first_failing_validator() {
        let checks = [Check::Min(Num::Int(0)), Check::Max(Num::Int(9))];
        assert_eq!(
            broken(&Lit::Num(Num::Int(-1)), &checks, &no_re).as_deref(),
            Some("-1 is less than @min(0)")
        );
        assert_eq!(
            broken(&Lit::Num(Num::Float(9.5)), &checks, &no_re).as_deref(),
            Some("9.5 is greater than @max(9)")
        );
        assert_eq!(broken(&Lit::Num(Num::Int(9)), &checks, &no_re), None);
        // Length validators do not apply to numbers, nor @min to strings.
        assert_eq!(
            broken(&Lit::Num(Num::Int(1)), &[Check::MinLen(3)], &no_re),
            None
        );
        assert_eq!(broken(&Lit::Str(b""), &checks, &no_re), None);
        assert_eq!(
            broken(&Lit::Str(b"abcd"), &[Check::MaxLen(3)], &no_re).as_deref(),
            Some("\"abcd\" (length 4) is longer than @max_len(3)")
        );
        // A pattern that does not compile is the run time's to report.
        let pat = [Check::Pattern(Rc::from("a("))];
        assert_eq!(broken(&Lit::Str(b"x"), &pat, &no_re), None);
    }

    #[test]
    fn long_strings_are_cut_in_messages() {
        let s = [b'a'; 40];
        let shown = show_str(&s);
        assert!(
            shown.starts_with("\"aaaa") && shown.ends_with("...\""),
            "{shown}"
        );
        assert!(shown.len() < 40, "{shown}");
    }
}
