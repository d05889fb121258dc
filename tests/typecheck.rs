//! Typecheck fixtures: every `tests/typecheck/*.lua` is checked by the `wlua` binary
//! (`wlua check --format json <file>`) and its diagnostics must equal the file's header.
//! One test per fixture (libtest-mimic), named after the file.
//!
//! Header: the leading comment lines of the file. Either
//!
//!     -- expect: ok
//!
//! meaning the checker must report no diagnostics at all (and exit 0), or one line per
//! expected diagnostic:
//!
//!     -- expect: error LINE: description
//!
//! Comparison rule, exactly: for each `-- expect: error LINE: description` line the
//! checker must report exactly one diagnostic with severity `error` whose `line` equals
//! LINE and whose `message` equals `description` (the whole string, after trimming the
//! header line's trailing whitespace); and it must report no other diagnostics. Both
//! lists are compared as multisets of (line, message), sorted by line then message, so
//! two expectations on one line need two diagnostics there. The code and columns are
//! not compared (they are printed on mismatch). An error fixture must exit with status
//! 1, an `ok` fixture with 0. A file with both kinds of header, or neither, is a failure.

use std::path::{Path, PathBuf};
use std::process::Command;

use libtest_mimic::{Arguments, Failed, Trial};

fn main() {
    let args = Arguments::from_args();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("typecheck");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("tests/typecheck")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "lua"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 150,
        "tests/typecheck/ must hold at least 150 fixtures, found {}",
        files.len()
    );
    let trials = files
        .into_iter()
        .map(|f| {
            let name = f.file_stem().unwrap().to_string_lossy().into_owned();
            Trial::test(name, move || run_fixture(&f))
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}

/// (line, message) pairs the header expects; `None` for `-- expect: ok`.
fn parse_header(src: &str) -> Result<Vec<(u64, String)>, String> {
    let mut ok = false;
    let mut errors = Vec::new();
    for line in src.lines() {
        let Some(rest) = line.strip_prefix("--") else {
            break;
        };
        let Some(rest) = rest.trim_start().strip_prefix("expect:") else {
            continue;
        };
        let rest = rest.trim();
        if rest == "ok" {
            ok = true;
        } else if let Some(e) = rest.strip_prefix("error ") {
            let (num, desc) = e
                .split_once(':')
                .ok_or_else(|| format!("malformed header line {line:?}"))?;
            let num: u64 = num
                .trim()
                .parse()
                .map_err(|_| format!("bad line number in {line:?}"))?;
            errors.push((num, desc.trim().to_string()));
        } else {
            return Err(format!("malformed header line {line:?}"));
        }
    }
    match (ok, errors.is_empty()) {
        (true, true) => Ok(errors),
        (false, false) => Ok(errors),
        (true, false) => Err("header has both `ok` and `error` lines".into()),
        (false, true) => Err("no `-- expect:` header".into()),
    }
}

fn run_fixture(file: &Path) -> Result<(), Failed> {
    let src = std::fs::read_to_string(file).map_err(|e| format!("read: {e}"))?;
    let mut want = parse_header(&src)?;
    want.sort();
    let out = Command::new(env!("CARGO_BIN_EXE_wlua"))
        .args(["check", "--format", "json"])
        .arg(file)
        .output()
        .map_err(|e| format!("spawn wlua: {e}"))?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    let mut got: Vec<(u64, String, String, String)> = Vec::new();
    for l in stdout.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value =
            serde_json::from_str(l).map_err(|e| format!("bad JSON line {l:?}: {e}"))?;
        got.push((
            v["line"].as_u64().unwrap_or(0),
            v["message"].as_str().unwrap_or("").to_string(),
            v["severity"].as_str().unwrap_or("").to_string(),
            format!(
                "{}:{}",
                v["code"].as_str().unwrap_or("?"),
                v["column"].as_u64().unwrap_or(0)
            ),
        ));
    }
    got.sort();
    let got_pairs: Vec<(u64, String)> = got
        .iter()
        .filter(|g| g.2 == "error")
        .map(|g| (g.0, g.1.clone()))
        .collect();
    let code = out.status.code();
    let want_code = if want.is_empty() { Some(0) } else { Some(1) };
    if got_pairs == want && got_pairs.len() == got.len() && code == want_code {
        return Ok(());
    }
    let mut msg = String::from("expected:\n");
    if want.is_empty() {
        msg.push_str("  -- expect: ok\n");
    }
    for (l, m) in &want {
        msg.push_str(&format!("  -- expect: error {l}: {m}\n"));
    }
    msg.push_str(&format!("got (exit status {code:?}):\n"));
    if got.is_empty() {
        msg.push_str("  (no diagnostics)\n");
    }
    for (l, m, sev, cc) in &got {
        let kind = if sev == "error" {
            "error".to_string()
        } else {
            sev.clone()
        };
        msg.push_str(&format!("  -- expect: {kind} {l}: {m}   [{cc}]\n"));
    }
    if !out.stderr.is_empty() {
        msg.push_str(&format!(
            "stderr:\n{}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Err(msg.into())
}
