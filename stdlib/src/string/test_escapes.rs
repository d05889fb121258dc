//! The `\xHH` escaping used by the engines' test data files
//! (testdata/*.txt), shared by the format, pattern and pack tests.

/// Decodes the `\xHH` escapes of a test data field.
pub fn unesc(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\' && b.get(i + 1) == Some(&b'x') {
            out.push(u8::from_str_radix(&s[i + 2..i + 4], 16).unwrap());
            i += 4;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    out
}

/// Escapes bytes the data files cannot hold verbatim (non-printables and
/// the field separators `\`, `,`, `;`).
pub fn esc(b: &[u8]) -> String {
    let mut s = String::new();
    for &c in b {
        if !(32..=126).contains(&c) || c == b'\\' || c == b',' || c == b';' {
            s.push_str(&format!("\\x{c:02x}"));
        } else {
            s.push(c as char);
        }
    }
    s
}
