//! Token and error tests; expected messages were obtained from lua5.3.

use super::*;

/// Lexes everything; returns tokens with their text or the error message.
fn lex_all(src: &str) -> Result<Vec<(Token, String, u32)>, String> {
    let mut lx = Lexer::new(src.as_bytes());
    let mut out = vec![];
    loop {
        let t = lx.next_token().map_err(|e| format!("{}:{}", e.line, e))?;
        if t.token == Token::Eof {
            return Ok(out);
        }
        let text = if t.token == Token::Str {
            String::from_utf8_lossy(lx.str_value()).into_owned()
        } else {
            String::from_utf8_lossy(&src.as_bytes()[t.span.start as usize..t.span.end as usize])
                .into_owned()
        };
        out.push((t.token, text, t.line));
    }
}

fn err(src: &str) -> String {
    lex_all(src).expect_err(src)
}

fn strval(src: &str) -> Vec<u8> {
    let mut lx = Lexer::new(src.as_bytes());
    let t = lx.next_token().unwrap();
    assert_eq!(t.token, Token::Str, "{src}");
    lx.str_value().to_vec()
}

#[test]
fn smoke() {
    let t = lex_all("local x = 1").unwrap();
    assert_eq!(t.len(), 4);
}

#[test]
fn string_errors_match_the_reference() {
    // (source, "line:message") pairs printed by lua5.3.
    let cases: &[(&str, &str)] = &[
        ("x = \"abc", "1:unfinished string near <eof>"),
        ("x = \"abc\nx", "1:unfinished string near '\"abc'"),
        ("x = 'abc\\q'", "1:invalid escape sequence near ''abc\\q'"),
        ("x = \"\\q\"", "1:invalid escape sequence near '\"\\q'"),
        (
            "x = \"abc\\qdef\"",
            "1:invalid escape sequence near '\"abc\\q'",
        ),
        ("x = \"\\xg\"", "1:hexadecimal digit expected near '\"\\xg'"),
        (
            "x = \"\\x5\"",
            "1:hexadecimal digit expected near '\"\\x5\"'",
        ),
        (
            "x = \"\\x5g\"",
            "1:hexadecimal digit expected near '\"\\x5g'",
        ),
        (
            "x = \"\\300\"",
            "1:decimal escape too large near '\"\\300\"'",
        ),
        (
            "x = \"\\256\"",
            "1:decimal escape too large near '\"\\256\"'",
        ),
        (
            "x = \"\\u{110000}\"",
            "1:UTF-8 value too large near '\"\\u{110000'",
        ),
        (
            "x = \"\\u{7FFFFFFFF}\"",
            "1:UTF-8 value too large near '\"\\u{7FFFFF'",
        ),
        ("x = \"\\u7\"", "1:missing '{' near '\"\\u7'"),
        (
            "x = \"\\u{}\"",
            "1:hexadecimal digit expected near '\"\\u{}'",
        ),
        ("x = \"\\u{12\"", "1:missing '}' near '\"\\u{12\"'"),
        ("x = \"\\u{12x}\"", "1:missing '}' near '\"\\u{12x'"),
        ("x = \"a\\0b\\q\"", "1:invalid escape sequence near '\"a'"),
        ("x = \"\\65\\q\"", "1:invalid escape sequence near '\"A\\q'"),
        ("x = \"\\", "1:unfinished string near <eof>"),
        ("x = \"a\\z", "1:unfinished string near <eof>"),
        (
            "x = \"a\\\n\\q\"",
            "2:invalid escape sequence near '\"a\n\\q'",
        ),
    ];
    for (src, want) in cases {
        assert_eq!(&err(src), want, "{src:?}");
    }
}

#[test]
fn long_bracket_and_numeral_errors_match_the_reference() {
    let cases: &[(&str, &str)] = &[
        (
            "x = [[abc",
            "1:unfinished long string (starting at line 1) near <eof>",
        ),
        (
            "x = [==[abc]=]",
            "1:unfinished long string (starting at line 1) near <eof>",
        ),
        (
            "x = [[\nabc\n",
            "3:unfinished long string (starting at line 1) near <eof>",
        ),
        (
            "\n--[[abc",
            "2:unfinished long comment (starting at line 2) near <eof>",
        ),
        (
            "--[==[ x ]] ]=]",
            "1:unfinished long comment (starting at line 1) near <eof>",
        ),
        ("x = [=a", "1:invalid long string delimiter near '[='"),
        ("x = [==", "1:invalid long string delimiter near '[=='"),
        ("x = 3abc", "1:malformed number near '3abc'"),
        ("x = 3..2", "1:malformed number near '3..2'"),
        ("x = 0x", "1:malformed number near '0x'"),
        ("x = 1e", "1:malformed number near '1e'"),
        ("x = 1e+", "1:malformed number near '1e+'"),
        ("x = 0x1p", "1:malformed number near '0x1p'"),
        ("x = .5e", "1:malformed number near '.5e'"),
        ("x = 0x.p1", "1:malformed number near '0x.p1'"),
        ("x = 08.5.3", "1:malformed number near '08.5.3'"),
    ];
    for (src, want) in cases {
        assert_eq!(&err(src), want, "{src:?}");
    }
}

#[test]
fn every_symbol_lexes_including_typed_ones() {
    let src =
        "+ - * / // % ^ # & ~ | << >> == ~= <= >= < > = ( ) { } [ ] :: ; : , . .. ... -> ? ! @";
    let toks: Vec<Token> = lex_all(src).unwrap().into_iter().map(|t| t.0).collect();
    use Token::*;
    assert_eq!(
        toks,
        vec![
            Plus, Minus, Star, Slash, DSlash, Percent, Caret, Hash, Amp, Tilde, Pipe, Shl, Shr,
            EqEq, NotEq, Le, Ge, Lt, Gt, Assign, LParen, RParen, LBrace, RBrace, LBracket,
            RBracket, DbColon, Semi, Colon, Comma, Dot, Concat, Dots, Arrow, Question, Bang, At
        ]
    );
    // Longest match without spaces.
    let toks: Vec<Token> = lex_all("a~=b<=c>>d...e..f//g::h-->x")
        .unwrap()
        .into_iter()
        .map(|t| t.0)
        .collect();
    assert_eq!(
        toks,
        vec![
            Name, NotEq, Name, Le, Name, Shr, Name, Dots, Name, Concat, Name, DSlash, Name,
            DbColon, Name
        ]
    );
    for t in &toks {
        assert!(!t.describe().is_empty());
    }
}

#[test]
fn keywords_and_names() {
    let src = "and break do else elseif end false for function goto if in local nil not or repeat return then true until while";
    let toks = lex_all(src).unwrap();
    assert_eq!(toks.len(), 22);
    assert!(toks.iter().all(|t| t.0 != Token::Name));
    for (t, word) in toks.iter().zip(src.split(' ')) {
        assert_eq!(t.0.symbol(), word);
        assert_eq!(t.0.describe(), format!("'{word}'"));
    }
    let toks = lex_all("type as export typeof _x1 andy End _").unwrap();
    assert!(toks.iter().all(|t| t.0 == Token::Name));
}

#[test]
fn other_bytes_are_single_tokens() {
    let toks = lex_all("$ \u{1} \\ `").unwrap();
    let kinds: Vec<Token> = toks.iter().map(|t| t.0).collect();
    assert_eq!(
        kinds,
        vec![
            Token::Other(b'$'),
            Token::Other(1),
            Token::Other(b'\\'),
            Token::Other(b'`')
        ]
    );
    assert_eq!(Token::Other(1).describe(), "'<\\1>'");
    assert_eq!(Token::Other(255).describe(), "'<\\255>'");
    let mut lx = Lexer::new(b"\xff\xc3");
    assert_eq!(lx.next_token().unwrap().token, Token::Other(0xff));
    assert_eq!(lx.next_token().unwrap().token, Token::Other(0xc3));
    assert_eq!(lx.next_token().unwrap().token, Token::Eof);
    assert_eq!(lx.next_token().unwrap().token, Token::Eof);
}

#[test]
fn numerals_decode() {
    let n = |s: &str| match lex_all(s).unwrap()[..] {
        [(Token::Number(v), _, _)] => v,
        ref other => panic!("{s}: {other:?}"),
    };
    assert_eq!(n("3"), Number::Int(3));
    assert_eq!(n("345"), Number::Int(345));
    assert_eq!(n("0xff"), Number::Int(255));
    assert_eq!(n("0xBEBADA"), Number::Int(0xBEBADA));
    assert_eq!(n("3.0"), Number::Float(3.0));
    assert_eq!(n("3.25"), Number::Float(3.25));
    assert_eq!(n("325e-2"), Number::Float(3.25));
    assert_eq!(n("0.325E1"), Number::Float(3.25));
    assert_eq!(n("34e1"), Number::Float(340.0));
    assert_eq!(n("0x0.1E"), Number::Float(0.1171875));
    assert_eq!(n("0xA23p-4"), Number::Float(162.1875));
    assert_eq!(
        n("0X1.921FB54442D18P+1"),
        Number::Float(std::f64::consts::PI)
    );
    assert_eq!(n(".5"), Number::Float(0.5));
    assert_eq!(n("5."), Number::Float(5.0));
    assert_eq!(n("0xffffffffffffffff"), Number::Int(-1));
    assert_eq!(n("0x7fffffffffffffff"), Number::Int(i64::MAX));
    assert_eq!(n("9223372036854775807"), Number::Int(i64::MAX));
    assert_eq!(
        n("9223372036854775808"),
        Number::Float(9_223_372_036_854_775_808.0)
    );
    assert_eq!(n("1e308"), Number::Float(1e308));
    // `3x` is `3` then the name `x` in 5.3.
    let t = lex_all("3x").unwrap();
    assert_eq!(t[0].0, Token::Number(Number::Int(3)));
    assert_eq!(t[1].0, Token::Name);
    // `a..b` and `1 .. 2`
    let t = lex_all("1 .. 2").unwrap();
    assert_eq!(t[1].0, Token::Concat);
}

#[test]
fn escapes_decode() {
    assert_eq!(
        strval(r#""\a\b\f\n\r\t\v\\\"\'""#),
        b"\x07\x08\x0c\n\r\t\x0b\\\"'"
    );
    assert_eq!(strval(r#"'\x41\x7a\xFF'"#), b"Az\xff");
    assert_eq!(strval(r#""\65\066\0067""#), b"AB\x067");
    assert_eq!(strval(r#""\0\00\000""#), b"\0\0\0");
    assert_eq!(strval(r#""\255""#), b"\xff");
    assert_eq!(
        strval(r#""\u{41}\u{E9}\u{20AC}\u{10FFFF}\u{0}""#),
        "Aé€\u{10FFFF}\0".as_bytes()
    );
    assert_eq!(strval(r#""\u{000000041}""#), b"A");
    assert_eq!(strval("\"a\\z  \n\t  b\""), b"ab");
    assert_eq!(strval("\"a\\\nb\""), b"a\nb");
    assert_eq!(strval("\"a\\\r\nb\""), b"a\nb");
    assert_eq!(strval("\"a\\\n\rb\""), b"a\nb");
    assert_eq!(err("\"a\\\r\rb\""), "2:unfinished string near '\"a\n'");
    assert_eq!(strval("'it''s'"), b"it");
    let mut lx = Lexer::new(b"\"\xff\xfe\"");
    lx.next_token().unwrap();
    assert_eq!(lx.str_value(), b"\xff\xfe");
}

#[test]
fn long_strings_skip_a_first_newline_and_normalise_breaks() {
    assert_eq!(strval("[[abc]]"), b"abc");
    assert_eq!(strval("[[\nabc]]"), b"abc");
    assert_eq!(strval("[[\r\nabc]]"), b"abc");
    assert_eq!(strval("[[\n\nabc]]"), b"\nabc");
    assert_eq!(strval("[==[a]]b]=]c]==]"), b"a]]b]=]c");
    assert_eq!(strval("[[a\r\nb\n\rc\rd\ne\r\rf]]"), b"a\nb\nc\nd\ne\n\nf");
    assert_eq!(strval("[[a\nb]]"), b"a\nb");
    assert_eq!(strval("[[a]=]b\r\n]]"), b"a]=]b\n");
    assert_eq!(strval("[=[]]=]"), b"]");
    assert_eq!(strval("[[]]"), b"");
}

#[test]
fn lines_count_every_break_kind_once() {
    let lines = |s: &str| lex_all(s).unwrap().iter().map(|t| t.2).collect::<Vec<_>>();
    assert_eq!(lines("a\nb\r\nc\n\rd\re\n\nf"), vec![1, 2, 3, 4, 5, 7]);
    assert_eq!(lines("a --x\nb --[[\n\n]] c"), vec![1, 2, 4]);
    // A token's line is the line after it: multi-line strings end later.
    assert_eq!(lines("x = [[\na\nb]] y"), vec![1, 1, 3, 3]);
    assert_eq!(lines("x = 'a\\\nb' y"), vec![1, 1, 2, 2]);
    assert_eq!(lines("x = 'a\\z\n\n  b' y"), vec![1, 1, 3, 3]);
}

#[test]
fn file_mode_skips_bom_and_hash_line() {
    let mut lx = Lexer::new_file(b"\xEF\xBB\xBF#!/usr/bin/lua\nx");
    let t = lx.next_token().unwrap();
    assert_eq!((t.token, t.line), (Token::Name, 2));
    let mut lx = Lexer::new_file(b"# only");
    assert_eq!(lx.next_token().unwrap().token, Token::Eof);
    let mut lx = Lexer::new(b"#x");
    assert_eq!(lx.next_token().unwrap().token, Token::Hash);
}

#[test]
fn near_text_rebuilds_the_scanner_buffer() {
    let src = b"'a\\65' [==[x\r\ny]==] foo 0x1F";
    let mut lx = Lexer::new(src);
    let mut got = vec![];
    loop {
        let t = lx.next_token().unwrap();
        if t.token == Token::Eof {
            break;
        }
        got.push(Lexer::near_text(src, &t, lx.str_value()).to_bytes());
    }
    assert_eq!(
        got,
        vec![
            b"''aA''".to_vec(),
            b"'[==[x\ny]==]'".to_vec(),
            b"'foo'".to_vec(),
            b"'0x1F'".to_vec()
        ]
    );
}

#[test]
fn str_to_number_matches_the_reference_tonumber() {
    let mut bad = vec![];
    for (s, want) in crate::tonumber_ref::cases() {
        let got = str_to_number(s.as_bytes());
        let same = match (got, want) {
            (Some(Number::Float(a)), Some(Number::Float(b))) => a.to_bits() == b.to_bits(),
            (a, b) => a == b,
        };
        if !same {
            bad.push(format!("{s:?}: want {want:?} got {got:?}"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
