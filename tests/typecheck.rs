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
//!     -- expect: warning LINE: description
//!
//! and optionally one line of extra arguments for `wlua check` (the lint rules are off
//! unless a fixture asks for them):
//!
//!     -- args: --rules
//!
//! Comparison rule, exactly: for each `-- expect: SEVERITY LINE: description` line the
//! checker must report exactly one diagnostic with that severity whose `line` equals
//! LINE and whose `message` equals `description` (the whole string, after trimming the
//! header line's trailing whitespace); and it must report no other diagnostics. Both
//! lists are compared as multisets of (line, severity, message), sorted, so two
//! expectations on one line need two diagnostics there. The code and columns are not
//! compared (they are printed on mismatch). A fixture expecting an error must exit with
//! status 1, any other fixture with 0 (warnings alone do not fail a check). A file with
//! both `ok` and other expectations, or with neither, is a failure.

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

/// What a fixture's header asks for.
struct Header {
    /// (line, severity, message), empty for `-- expect: ok`.
    expect: Vec<(u64, String, String)>,
    /// Extra arguments for `wlua check`.
    args: Vec<String>,
}

fn parse_header(src: &str) -> Result<Header, String> {
    let mut ok = false;
    let mut expect = Vec::new();
    let mut args = Vec::new();
    for line in src.lines() {
        let Some(rest) = line.strip_prefix("--") else {
            break;
        };
        let rest = rest.trim_start();
        if let Some(a) = rest.strip_prefix("args:") {
            args.extend(a.split_whitespace().map(String::from));
            continue;
        }
        let Some(rest) = rest.strip_prefix("expect:") else {
            continue;
        };
        let rest = rest.trim();
        if rest == "ok" {
            ok = true;
            continue;
        }
        let (sev, e) = match (rest.strip_prefix("error "), rest.strip_prefix("warning ")) {
            (Some(e), _) => ("error", e),
            (_, Some(e)) => ("warning", e),
            _ => return Err(format!("malformed header line {line:?}")),
        };
        let (num, desc) = e
            .split_once(':')
            .ok_or_else(|| format!("malformed header line {line:?}"))?;
        let num: u64 = num
            .trim()
            .parse()
            .map_err(|_| format!("bad line number in {line:?}"))?;
        expect.push((num, sev.to_string(), desc.trim().to_string()));
    }
    match (ok, expect.is_empty()) {
        (true, true) | (false, false) => Ok(Header { expect, args }),
        (true, false) => Err("header has both `ok` and other `expect` lines".into()),
        (false, true) => Err("no `-- expect:` header".into()),
    }
}

fn run_fixture(file: &Path) -> Result<(), Failed> {
    let src = std::fs::read_to_string(file).map_err(|e| format!("read: {e}"))?;
    let header = parse_header(&src)?;
    let mut want = header.expect;
    want.sort();
    let out = Command::new(env!("CARGO_BIN_EXE_wlua"))
        .args(["check", "--format", "json"])
        .args(&header.args)
        .arg(file)
        .output()
        .map_err(|e| format!("spawn wlua: {e}"))?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    // (line, severity, message, code:column)
    let mut got: Vec<(u64, String, String, String)> = Vec::new();
    for l in stdout.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value =
            serde_json::from_str(l).map_err(|e| format!("bad JSON line {l:?}: {e}"))?;
        got.push((
            v["line"].as_u64().unwrap_or(0),
            v["severity"].as_str().unwrap_or("").to_string(),
            v["message"].as_str().unwrap_or("").to_string(),
            format!(
                "{}:{}",
                v["code"].as_str().unwrap_or("?"),
                v["column"].as_u64().unwrap_or(0)
            ),
        ));
    }
    got.sort();
    let got_triples: Vec<(u64, String, String)> = got
        .iter()
        .map(|g| (g.0, g.1.clone(), g.2.clone()))
        .collect();
    let code = out.status.code();
    let want_code = if want.iter().any(|w| w.1 == "error") {
        Some(1)
    } else {
        Some(0)
    };
    if got_triples == want && code == want_code {
        return Ok(());
    }
    let mut msg = String::from("expected:\n");
    if want.is_empty() {
        msg.push_str("  -- expect: ok\n");
    }
    for (l, sev, m) in &want {
        msg.push_str(&format!("  -- expect: {sev} {l}: {m}\n"));
    }
    msg.push_str(&format!("got (exit status {code:?}):\n"));
    if got.is_empty() {
        msg.push_str("  (no diagnostics)\n");
    }
    for (l, sev, m, cc) in &got {
        msg.push_str(&format!("  -- expect: {sev} {l}: {m}   [{cc}]\n"));
    }
    if !out.stderr.is_empty() {
        msg.push_str(&format!(
            "stderr:\n{}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Err(msg.into())
}
