//! Runtime tests: wlua's own features (processes, channels, timers and the runtime
//! modules), which the reference interpreter does not have, so there is no `.out` to
//! bless. Every `tests/wlua/<area>/<name>.lua` checks itself with `assert` and runs
//! through the `wlua` binary; it passes when the exit status and stderr are what its
//! header asks for (by default: status 0 and an empty stderr).
//!
//! Header directives, in `--` comments anywhere in the script:
//!   `-- expect-status: N`        the exit status (default 0)
//!   `-- expect-stderr: TEXT`     stderr contains TEXT (repeatable; otherwise stderr
//!                                must be empty)
//!   `-- expect-stdout: TEXT`     stdout contains TEXT (repeatable)
//!   `-- args: A B C`             command-line arguments placed before the script
//!                                (e.g. `--workers 1`)
//!   `-- timeout: SECS`           the limit for this script (default 30)
//!
//! A script that hangs is killed at its timeout and fails.

mod support;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use libtest_mimic::{Arguments, Failed, Trial};

fn main() {
    let args = Arguments::from_args();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("wlua");
    let trials = support::lua_scripts(&root)
        .into_iter()
        // Modules the scripts load live in `lib/` directories.
        .filter(|(_, s)| !s.components().any(|c| c.as_os_str() == "lib"))
        .map(|(name, script)| Trial::test(name, move || run_script(&script)))
        .collect();
    libtest_mimic::run(&args, trials).exit();
}

struct Expect {
    status: i32,
    stderr: Vec<String>,
    stdout: Vec<String>,
    args: Vec<String>,
    timeout: u64,
}

fn directives(src: &str) -> Expect {
    let mut e = Expect {
        status: 0,
        stderr: Vec::new(),
        stdout: Vec::new(),
        args: Vec::new(),
        timeout: 30,
    };
    for line in src.lines() {
        let Some(rest) = line.trim_start().strip_prefix("--") else {
            continue;
        };
        let rest = rest.trim_start();
        if let Some(v) = rest.strip_prefix("expect-status:") {
            e.status = v.trim().parse().expect("expect-status: a number");
        } else if let Some(v) = rest.strip_prefix("expect-stderr:") {
            e.stderr.push(v.trim().to_string());
        } else if let Some(v) = rest.strip_prefix("expect-stdout:") {
            e.stdout.push(v.trim().to_string());
        } else if let Some(v) = rest.strip_prefix("args:") {
            e.args = v.split_whitespace().map(str::to_owned).collect();
        } else if let Some(v) = rest.strip_prefix("timeout:") {
            e.timeout = v.trim().parse().expect("timeout: seconds");
        }
    }
    e
}

fn run_script(script: &Path) -> Result<(), Failed> {
    let src = std::fs::read_to_string(script).map_err(|e| format!("read: {e}"))?;
    let expect = directives(&src);
    let bin = env!("CARGO_BIN_EXE_wlua");
    let dir = script.parent().expect("script has a directory");
    let mut cmd = Command::new(bin);
    cmd.args(&expect.args)
        .arg(script.file_name().expect("script has a name"))
        .current_dir(dir)
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("HOME", "/nonexistent")
        .env("LC_ALL", "C")
        // The one variable scripts may read: a PostgreSQL DSN for the sql
        // tests (.ci/run starts a server and sets it).
        .envs(
            std::env::var("WLUA_TEST_POSTGRES")
                .ok()
                .map(|d| ("WLUA_TEST_POSTGRES", d)),
        );
    let run = support::run_with_limit(&mut cmd, Duration::from_secs(expect.timeout))?;
    let status = run.status;
    let stdout = String::from_utf8_lossy(&run.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&run.stderr).into_owned();
    let mut problems = Vec::new();
    if status.code() != Some(expect.status) {
        problems.push(format!("exit status {status}, expected {}", expect.status));
    }
    if expect.stderr.is_empty() {
        if !stderr.is_empty() {
            problems.push("unexpected stderr".to_string());
        }
    } else {
        for want in &expect.stderr {
            if !stderr.contains(want.as_str()) {
                problems.push(format!("stderr lacks {want:?}"));
            }
        }
    }
    for want in &expect.stdout {
        if !stdout.contains(want.as_str()) {
            problems.push(format!("stdout lacks {want:?}"));
        }
    }
    if problems.is_empty() {
        return Ok(());
    }
    Err(format!(
        "{}\n--- stdout ---\n{stdout}--- stderr ---\n{stderr}",
        problems.join("\n")
    )
    .into())
}
