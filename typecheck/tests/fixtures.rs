//! Runs the checker on every tests/check/*.lua fixture and compares its
//! diagnostics with the `--! CODE message` markers (tests/check/README.md).

use std::path::Path;
use wlua_typecheck::{Checked, check_source, diag::line_col};

#[test]
fn fixtures_match_their_markers() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/check");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/check")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "lua"))
        .collect();
    files.sort();
    assert!(files.len() >= 10, "fixtures missing");
    let mut failures = Vec::new();
    for f in &files {
        let src = std::fs::read_to_string(f).unwrap();
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let mut want: Vec<(usize, String, String)> = Vec::new();
        for (i, line) in src.lines().enumerate() {
            for part in line.split("--! ").skip(1) {
                let rest = part.trim();
                let (code, msg) = rest.split_once(' ').unwrap_or((rest, ""));
                want.push((i + 1, code.to_string(), msg.trim().to_string()));
            }
        }
        let got: Vec<(usize, String, String)> = match check_source(src.as_bytes(), &format!("@{name}")) {
            Checked::Syntax(e) => vec![(e.line as usize, "P0001".into(), e.message)],
            Checked::Types(ds) => ds
                .iter()
                .map(|d| (line_col(&src, d.span.start).0, d.code.to_string(), d.message.clone()))
                .collect(),
        };
        let mut unmatched: Vec<bool> = vec![true; got.len()];
        for (l, c, m) in &want {
            let hit = got
                .iter()
                .enumerate()
                .find(|(i, (gl, gc, gm))| unmatched[*i] && gl == l && gc == c && gm.contains(m.as_str()));
            match hit {
                Some((i, _)) => unmatched[i] = false,
                None => failures.push(format!("{name}:{l}: expected {c} {m:?}, not reported")),
            }
        }
        for (i, (l, c, m)) in got.iter().enumerate() {
            if unmatched[i] {
                failures.push(format!("{name}:{l}: unexpected {c} {m:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{} fixture mismatches:\n{}", failures.len(), failures.join("\n"));
}
