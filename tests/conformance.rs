//! Conformance: every `tests/lua/<area>/<name>.lua` runs through the `wlua` binary and
//! its stdout, stderr and exit status must equal `<name>.out`, which `tests/bless.sh`
//! wrote by running the reference `lua5.3` on the same script. One test per script
//! (libtest-mimic, so `cargo nextest` lists and runs them one by one), named
//! `<area>::<name>`.
//!
//! The run mirrors bless.sh exactly: cwd = the script's directory, the script passed by
//! its file name, arguments from `<name>.args`, stdin from /dev/null, an environment of
//! PATH, HOME and LC_ALL=C only. Normalisation is the same too (see bless.sh): the
//! traceback block is dropped, the interpreter's name at the start of a stderr line
//! becomes `lua: `, and `0x[0-9a-f]+` becomes `0xADDR`.
//!
//! Scripts under `tests/lua/wishlist/` are known to fail: they are listed as ignored
//! (`cargo test --test conformance -- --ignored` runs them) but bless.sh still blesses them.
//!
//! Environment knobs: `WLUA_BIN` runs another binary instead of the one Cargo built
//! (`WLUA_BIN=lua5.3` checks the harness itself against the reference);
//! `WLUA_TEST_TIMEOUT` sets the per-script limit in seconds (default 20).

mod support;

use std::path::Path;
use std::process::{Command, ExitStatus};
use std::time::Duration;

use libtest_mimic::{Arguments, Failed, Trial};

const DEFAULT_TIMEOUT_SECS: u64 = 20;

fn main() {
    let args = Arguments::from_args();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("lua");
    let trials = support::lua_scripts(&root)
        .into_iter()
        .map(|(name, script)| {
            let wishlist = name == "wishlist" || name.starts_with("wishlist::");
            Trial::test(name, move || run_script(&script)).with_ignored_flag(wishlist)
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}

fn binary() -> String {
    std::env::var("WLUA_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_wlua").to_string())
}

fn timeout() -> Duration {
    let secs = std::env::var("WLUA_TEST_TIMEOUT")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(DEFAULT_TIMEOUT_SECS);
    Duration::from_secs(secs)
}

fn run_script(script: &Path) -> Result<(), Failed> {
    let expected_path = script.with_extension("out");
    let expected = std::fs::read(&expected_path).map_err(|e| {
        format!(
            "cannot read {}: {e} (run tests/bless.sh {})",
            expected_path.display(),
            script.display()
        )
    })?;
    let args = match std::fs::read_to_string(script.with_extension("args")) {
        Ok(line) => line.split_whitespace().map(str::to_owned).collect(),
        Err(_) => Vec::new(),
    };

    let bin = binary();
    let dir = script.parent().expect("script has a directory");
    let file_name = script.file_name().expect("script has a name");
    let run = support::run_with_limit(
        Command::new(&bin)
            .arg(file_name)
            .args(&args)
            .current_dir(dir)
            .env_clear()
            .env("PATH", "/usr/bin:/bin")
            .env("HOME", "/nonexistent")
            .env("LC_ALL", "C"),
        timeout(),
    )?;
    let (status, stdout, stderr) = (run.status, run.stdout, run.stderr);

    let actual = render(&stdout, &stderr, status, &bin);
    if actual == expected {
        return Ok(());
    }
    Err(mismatch_report(&expected, &actual).into())
}

/// The `.out` format of bless.sh, from the raw outputs of one run.
fn render(stdout: &[u8], stderr: &[u8], status: ExitStatus, bin: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let stdout = replace_addresses(stdout);
    push_section(&mut out, &stdout);
    out.extend_from_slice(b"--- stderr ---\n");
    let stderr = replace_addresses(&rename_interpreter(&drop_traceback(stderr), bin));
    push_section(&mut out, &stderr);
    match status.code() {
        Some(code) => out.extend_from_slice(format!("--- exit: {code} ---\n").as_bytes()),
        None => out.extend_from_slice(format!("--- exit: killed ({status}) ---\n").as_bytes()),
    }
    out
}

fn push_section(out: &mut Vec<u8>, text: &[u8]) {
    out.extend_from_slice(text);
    if text.last().is_some_and(|&b| b != b'\n') {
        out.extend_from_slice(b"\n--- no newline at end ---\n");
    }
}

/// Drops the line `stack traceback:` and everything after it (bless.sh: `sed '/^stack traceback:$/,$d'`).
fn drop_traceback(text: &[u8]) -> Vec<u8> {
    let mut start = 0;
    while start < text.len() {
        let end = text[start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(text.len(), |i| start + i);
        if &text[start..end] == b"stack traceback:" {
            return text[..start].to_vec();
        }
        start = end + 1;
    }
    text.to_vec()
}

/// `<interpreter>: ` at the start of a line becomes `lua: ` (bless.sh does `lua5.3: `).
fn rename_interpreter(text: &[u8], bin: &str) -> Vec<u8> {
    let base = Path::new(bin)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut names: Vec<String> = vec![
        format!("{bin}: "),
        format!("{base}: "),
        "wlua: ".into(),
        "lua5.3: ".into(),
    ];
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let mut out = Vec::with_capacity(text.len());
    for (i, line) in text.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            out.push(b'\n');
        }
        match names.iter().find(|n| line.starts_with(n.as_bytes())) {
            Some(n) => {
                out.extend_from_slice(b"lua: ");
                out.extend_from_slice(&line[n.len()..]);
            }
            None => out.extend_from_slice(line),
        }
    }
    out
}

/// `0x[0-9a-f]+` becomes `0xADDR`.
fn replace_addresses(text: &[u8]) -> Vec<u8> {
    let is_hex = |b: u8| b.is_ascii_digit() || (b'a'..=b'f').contains(&b);
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        if text[i] == b'0'
            && text.get(i + 1) == Some(&b'x')
            && text.get(i + 2).is_some_and(|&b| is_hex(b))
        {
            let mut j = i + 2;
            while j < text.len() && is_hex(text[j]) {
                j += 1;
            }
            out.extend_from_slice(b"0xADDR");
            i = j;
        } else {
            out.push(text[i]);
            i += 1;
        }
    }
    out
}

const MAX_DIFF_LINES: usize = 120;

fn mismatch_report(expected: &[u8], actual: &[u8]) -> String {
    let expected = String::from_utf8_lossy(expected);
    let actual = String::from_utf8_lossy(actual);
    let diff = similar::TextDiff::from_lines(expected.as_ref(), actual.as_ref());
    let text = diff
        .unified_diff()
        .context_radius(3)
        .header("expected (lua5.3)", "actual (wlua)")
        .to_string();
    let lines: Vec<&str> = text.lines().collect();
    let mut report = String::from("output differs from the reference\n");
    for line in lines.iter().take(MAX_DIFF_LINES) {
        report.push_str(line);
        report.push('\n');
    }
    if lines.len() > MAX_DIFF_LINES {
        report.push_str(&format!(
            "... ({} more diff lines)\n",
            lines.len() - MAX_DIFF_LINES
        ));
    }
    report
}
