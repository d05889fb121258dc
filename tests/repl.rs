//! The interactive session driven through a pseudo-terminal (rexpect), as
//! a user types: expressions, `= expr`, a definition over several lines,
//! an error and going on, and a process spawned in one line whose message
//! is received in a later one (the session is one main process).
//!
//! Inputs are chosen so that what is echoed never contains the output
//! looked for (`"r:" .. 6*7` is echoed as typed, printed as `r:42`).

use rexpect::session::{PtySession, spawn_command};
use std::process::Command;

fn start(home: &std::path::Path) -> PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_wlua"));
    cmd.env("HOME", home)
        .env("TERM", "xterm")
        .env("LC_ALL", "C");
    let mut p = spawn_command(cmd, Some(20_000)).expect("start wlua on a pty");
    p.exp_string("Lua 5.3").expect("banner");
    p.exp_string("> ").expect("first prompt");
    p
}

/// Types `input`, waits for `output` (when given), then for the next
/// prompt. Waiting for the prompt matters: rustyline asks the terminal for
/// the cursor position before drawing it, and a reply-less terminal's
/// typeahead in that moment is taken for the answer.
fn step(p: &mut PtySession, input: &str, output: Option<&str>) {
    p.send_line(input).expect("send a line");
    if let Some(out) = output {
        p.exp_string(out)
            .unwrap_or_else(|e| panic!("after {input:?}: {out:?} expected: {e}"));
    }
    p.exp_string("> ")
        .unwrap_or_else(|e| panic!("after {input:?}: prompt expected: {e}"));
}

/// Types `input`, which leaves the chunk incomplete: the `>> ` prompt.
fn step_more(p: &mut PtySession, input: &str) {
    p.send_line(input).expect("send a line");
    p.exp_string(">> ")
        .unwrap_or_else(|e| panic!("after {input:?}: continuation prompt expected: {e}"));
}

fn temp_home(tag: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("wlua-repl-{}-{}", tag, std::process::id()));
    let _ = std::fs::create_dir_all(&d);
    d
}

#[test]
fn expressions_statements_errors_and_processes() {
    let home = temp_home("session");
    let mut p = start(&home);

    // a bare expression is printed
    step(&mut p, "\"r:\" .. 6*7", Some("r:42"));
    // `= expr` too, with every value
    p.send_line("= \"s:\" .. 10*2, 'x'..'y'").unwrap();
    p.exp_regex(r"s:20\s+xy").unwrap();
    p.exp_string("> ").unwrap();

    // a statement is not printed; globals persist across lines
    step(&mut p, "greeting = 'hel' .. 'lo'", None);
    // a definition over several lines: `>> ` continues the chunk
    step_more(&mut p, "function triple(x)");
    step_more(&mut p, "  return 'tr:' .. x * 3");
    step(&mut p, "end", None);
    step(&mut p, "triple(5) .. greeting", Some("tr:15hello"));

    // an error is reported and the session goes on
    step(&mut p, "error('bo' .. 'om')", Some("stdin:1: boom"));
    step_more(&mut p, "for");
    step(&mut p, "1", Some("stdin:2: <name> expected near '1'"));
    step(&mut p, "'after:' .. 'error'", Some("after:error"));

    // a process spawned in one line, its message received in a later one
    // (lines kept short: a wrapped line is redrawn with its prompt)
    step(&mut p, "me = process.pid()", None);
    step_more(&mut p, "function greeter(to)");
    step_more(&mut p, "  process.send(to, 'greet', 'from-' .. 'child')");
    step(&mut p, "end", None);
    step(
        &mut p,
        "child = process.spawn(greeter, 'app:repl', me)",
        None,
    );
    step(&mut p, "m = process.inbox():receive()", None);
    step(
        &mut p,
        "= m:topic() .. '/' .. m:payload():data()",
        Some("greet/from-child"),
    );
    step(&mut p, "= m:from() == child", Some("true"));

    // end of input ends the session normally
    p.send_control('d').unwrap();
    p.exp_eof().unwrap();
    let hist = std::fs::read_to_string(home.join(".wlua_history")).unwrap_or_default();
    assert!(
        hist.contains("function triple(x)"),
        "history saved: {hist:?}"
    );
    let _ = std::fs::remove_dir_all(&home);
}

#[test]
fn messages_sent_between_lines_wait_in_the_inbox() {
    let home = temp_home("inbox");
    let mut p = start(&home);
    // The child sends while the main process is parked at the prompt.
    step_more(&mut p, "function late(to)");
    step_more(&mut p, "  process.send(to, 't', 'late' .. 'msg')");
    step(&mut p, "end", None);
    step(
        &mut p,
        "process.spawn(late, 'app:repl', process.pid())",
        None,
    );
    std::thread::sleep(std::time::Duration::from_millis(300));
    step(
        &mut p,
        "= process.inbox():receive():payload():data()",
        Some("latemsg"),
    );
    p.send_control('d').unwrap();
    p.exp_eof().unwrap();
    let _ = std::fs::remove_dir_all(&home);
}
