//! `luaO_chunkid` (lobject.c, LUA_IDSIZE 60): the chunk name as it appears
//! in messages. `@file` is a file name (long names keep their tail behind
//! `...`), `=name` is used verbatim (truncated), anything else is source
//! text shown as `[string "first line..."]`.

/// `LUA_IDSIZE`: size of the reference's buffer, terminating NUL included.
const IDSIZE: usize = 60;

/// Formats a chunk name exactly as the reference does in error messages and
/// tracebacks. The name stops at its first NUL, as a C string would.
pub fn chunkid(source: &str) -> String {
    let mut src = source.as_bytes();
    if let Some(nul) = src.iter().position(|&c| c == 0) {
        src = &src[..nul];
    }
    // `l` counts the terminating NUL's position, as `strlen` + the buffer
    // arithmetic of the reference do.
    let l = src.len();
    let out: Vec<u8> = match src.first() {
        Some(b'=') => {
            if l <= IDSIZE {
                src[1..].to_vec()
            } else {
                src[1..IDSIZE].to_vec()
            }
        }
        Some(b'@') => {
            if l <= IDSIZE {
                src[1..].to_vec()
            } else {
                // "..." then the last IDSIZE - 3 - 1 characters.
                let keep = IDSIZE - 3 - 1;
                let mut v = b"...".to_vec();
                v.extend_from_slice(&src[l - keep..]);
                v
            }
        }
        _ => {
            // Room for the text: IDSIZE minus `[string "`, `..."]` and NUL.
            let room = IDSIZE - (9 + 3 + 2) - 1;
            let nl = src.iter().position(|&c| c == b'\n');
            let mut v = b"[string \"".to_vec();
            if l < room && nl.is_none() {
                v.extend_from_slice(src);
            } else {
                let mut len = nl.unwrap_or(l);
                if len > room {
                    len = room;
                }
                v.extend_from_slice(&src[..len]);
                v.extend_from_slice(b"...");
            }
            v.extend_from_slice(b"\"]");
            v
        }
    };
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::chunkid;

    // Expected values come from lua5.3: `load("x = = 1", name)`.
    #[test]
    fn equals_names_are_verbatim_and_truncated_to_59() {
        assert_eq!(chunkid("=stdin"), "stdin");
        assert_eq!(chunkid(&format!("={}", "a".repeat(58))), "a".repeat(58));
        assert_eq!(chunkid(&format!("={}", "a".repeat(59))), "a".repeat(59));
        assert_eq!(chunkid(&format!("={}", "a".repeat(60))), "a".repeat(59));
        assert_eq!(chunkid(&format!("={}", "a".repeat(61))), "a".repeat(59));
    }

    #[test]
    fn file_names_keep_their_tail() {
        assert_eq!(chunkid("@t.lua"), "t.lua");
        let n58 = format!("@{}Z", "b".repeat(58));
        assert_eq!(chunkid(&n58), format!("{}Z", "b".repeat(58)));
        let n59 = format!("@{}Z", "b".repeat(59));
        assert_eq!(chunkid(&n59), format!("...{}Z", "b".repeat(55)));
        let n60 = format!("@{}Z", "b".repeat(60));
        assert_eq!(chunkid(&n60), format!("...{}Z", "b".repeat(55)));
    }

    #[test]
    fn strings_show_their_first_line() {
        assert_eq!(
            chunkid(&"c".repeat(43)),
            format!("[string \"{}\"]", "c".repeat(43))
        );
        assert_eq!(
            chunkid(&"c".repeat(44)),
            format!("[string \"{}\"]", "c".repeat(44))
        );
        assert_eq!(
            chunkid(&"c".repeat(45)),
            format!("[string \"{}...\"]", "c".repeat(45))
        );
        assert_eq!(
            chunkid(&"c".repeat(46)),
            format!("[string \"{}...\"]", "c".repeat(45))
        );
        assert_eq!(chunkid("ab\ncd"), "[string \"ab...\"]");
        assert_eq!(chunkid(""), "[string \"\"]");
        assert_eq!(chunkid("\n"), "[string \"...\"]");
        assert_eq!(
            chunkid(&format!("{}\n", "d".repeat(50))),
            format!("[string \"{}...\"]", "d".repeat(45))
        );
        assert_eq!(chunkid("a\0b"), "[string \"a\"]");
    }
}
