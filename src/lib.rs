//! The `wlua` library: the run and check entry points used by the CLI and
//! the tests. A run is a main process (one VM with the standard library
//! opened) on the process runtime; the REPL (repl.rs) keeps one runtime
//! for a whole session.

use std::sync::atomic::{AtomicUsize, Ordering};
use wlua_sched::runtime::{Code, MainEnd, Runtime};
use wlua_vm::{Value, Vm};

/// A fresh VM with every standard library open.
pub fn new_vm() -> Vm {
    wlua_stdlib::init();
    let mut vm = Vm::new();
    wlua_stdlib::open_libs(&mut vm);
    vm
}

/// How a run ended.
pub enum Outcome {
    /// Finished; the exit status to use.
    Exit(i32),
    /// An uncaught error: its message and traceback (empty for errors while
    /// loading), as lua.c prints them.
    Error { message: String, traceback: String },
}

/// The message lua.c prints for an error value (msghandler).
pub fn error_message(vm: &mut Vm, v: Value) -> String {
    wlua_sched::local::lua_error_text(vm, v)
}

/// Worker threads for the process runtime (0: one per core).
static WORKERS: AtomicUsize = AtomicUsize::new(0);

/// Sets the number of scheduler workers (`--workers`).
pub fn set_workers(n: usize) {
    WORKERS.store(n, Ordering::Relaxed);
}

/// Records the main script, whose directory every process's
/// `package.path` includes (call before creating VMs).
pub fn set_script(path: &str) {
    wlua_stdlib::package::set_script_dir(path);
}

/// Sets the run's sandbox profile: the names denied by `wlua.toml` in
/// `dir` (the main script's directory, or the current one), then those
/// given with `--deny` (call before creating VMs). An unreadable or
/// malformed `wlua.toml` is an error; a missing one is not.
pub fn set_sandbox(dir: &std::path::Path, cli_deny: &[String]) -> Result<(), String> {
    use wlua_stdlib::sandbox::Denied;
    let mut list = Vec::new();
    let file = dir.join("wlua.toml");
    match std::fs::read_to_string(&file) {
        Ok(text) => {
            for name in project_denies(&text).map_err(|e| format!("{}: {}", file.display(), e))? {
                list.push(Denied {
                    name,
                    source: "wlua.toml".into(),
                });
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(format!("{}: {}", file.display(), e)),
    }
    for name in cli_deny.iter().flat_map(|n| n.split(',')) {
        let name = name.trim();
        if !name.is_empty() && !list.iter().any(|d: &Denied| d.name == name) {
            list.push(Denied {
                name: name.to_string(),
                source: "--deny".into(),
            });
        }
    }
    if !list.is_empty() {
        wlua_stdlib::sandbox::set_denied(list);
    }
    Ok(())
}

/// The `[sandbox] deny` list of a `wlua.toml`.
fn project_denies(text: &str) -> Result<Vec<String>, String> {
    let doc: toml::Table = text
        .parse()
        .map_err(|e: toml::de::Error| e.message().to_string())?;
    let Some(sb) = doc.get("sandbox") else {
        return Ok(Vec::new());
    };
    let sb = sb.as_table().ok_or("[sandbox] must be a table")?;
    for key in sb.keys() {
        if key != "deny" {
            return Err(format!(
                "unknown key '{key}' in [sandbox] (expected 'deny')"
            ));
        }
    }
    let Some(deny) = sb.get("deny") else {
        return Ok(Vec::new());
    };
    let arr = deny
        .as_array()
        .ok_or("sandbox.deny must be an array of names")?;
    arr.iter()
        .map(|v| {
            v.as_str().map(str::to_owned).ok_or_else(|| {
                format!(
                    "sandbox.deny: expected a name (string), found {}",
                    v.type_str()
                )
            })
        })
        .collect()
}

fn workers() -> usize {
    match WORKERS.load(Ordering::Relaxed) {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    }
}

/// A new process's VM: the standard library and the entry function.
fn boot(code: &Code) -> Result<(Box<Vm>, Value), String> {
    let mut vm = Box::new(new_vm());
    let proto = match code {
        Code::Module { proto, .. } => proto.clone(),
        Code::Function(p) => p.clone(),
    };
    let f = vm.load_proto(proto, None);
    Ok((vm, f))
}

/// Calls `f(args)` as the program's main process, on the process runtime
/// (other processes it spawns run beside it and end with it).
pub fn run_function(vm: &mut Vm, f: Value, args: &[Value]) -> Outcome {
    let rt = Runtime::new(workers(), Box::new(boot));
    vm.heap.leave();
    let boxed = Box::new(std::mem::take(vm));
    let (end, back) = rt.run_main(boxed, f, args);
    if let Some(b) = back {
        *vm = *b;
    }
    vm.heap.enter();
    match end {
        MainEnd::Returned => Outcome::Exit(0),
        MainEnd::Exit(n) => Outcome::Exit(n),
        MainEnd::Failed { message, traceback } => Outcome::Error { message, traceback },
        MainEnd::Deadlock(text) => Outcome::Error {
            message: text.trim_end().to_string(),
            traceback: String::new(),
        },
    }
}

/// For an error message `file:line: msg` whose file can be read: that
/// source line and a caret line under it, rustc-style. The column is not
/// known, so the carets underline the line from its first non-blank
/// character. `None` when the message names no readable file and line.
pub fn source_snippet(message: &str) -> Option<String> {
    let first = message.lines().next()?;
    for (i, _) in first.match_indices(':').filter(|(i, _)| *i > 0) {
        let rest = &first[i + 1..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || rest.as_bytes().get(digits) != Some(&b':') {
            continue;
        }
        let Ok(line_no) = rest[..digits].parse::<usize>() else {
            continue;
        };
        let Ok(src) = std::fs::read(&first[..i]) else {
            continue;
        };
        let text = String::from_utf8_lossy(&src);
        let line = text.lines().nth(line_no.checked_sub(1)?)?.trim_end();
        let line = line.replace('\t', "    ");
        let indent = line.len() - line.trim_start().len();
        let width = line_no.to_string().len();
        let pad = " ".repeat(width);
        return Some(format!(
            "{pad} |\n{line_no} | {line}\n{pad} | {}{}\n",
            " ".repeat(indent),
            "^".repeat((line.len() - indent).max(1))
        ));
    }
    None
}

/// Loads and runs source text; compile errors come back as `Error`.
pub fn run_source(vm: &mut Vm, src: &[u8], chunkname: &str, args: &[Value]) -> Outcome {
    let opts = wlua_parser::ParseOptions {
        file: false,
        base_level: 1,
    };
    match wlua_stdlib::load::load_chunk_opts(vm, src, chunkname, "bt", None, opts) {
        Ok(f) => run_function(vm, f, args),
        Err(message) => Outcome::Error {
            message: String::from_utf8_lossy(&message).into_owned(),
            traceback: String::new(),
        },
    }
}

pub mod check {
    //! `wlua check`: parse and type-check every file (wlua-typecheck) and
    //! report. Syntax errors keep the parser's wording on stderr in text
    //! mode (as `luac -p` prints them); type diagnostics go to stdout as
    //! `path:line:col: error[CODE]: message` with a code frame, or as JSON
    //! lines with `--format json` (syntax errors then become P0001 objects).
    //! With `--rules` the lint rules add warnings (W codes); warnings alone
    //! leave the exit status 0.

    use std::io::Write;
    use std::path::{Path, PathBuf};
    use wlua_typecheck::{Checked, Diagnostic, Severity, code};

    fn collect(p: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
        if p.is_dir() {
            let mut entries: Vec<_> = std::fs::read_dir(p)?
                .filter_map(|e| e.ok())
                .map(|e| e.path())
                .collect();
            entries.sort();
            for e in entries {
                if e.is_dir() || e.extension().is_some_and(|x| x == "lua") {
                    collect(&e, out)?;
                }
            }
        } else {
            // Reading it reports a missing file as an I/O failure.
            std::fs::metadata(p)?;
            out.push(p.to_path_buf());
        }
        Ok(())
    }

    /// Checks one file's text; returns the rendered output and whether it
    /// had errors (warnings do not count). Call it on a thread with
    /// `wlua_typecheck::STACK` of stack (the checker's recursion is
    /// bounded, this is headroom), as `run` does: one thread for all
    /// files, so the checker's built-ins are loaded once.
    pub fn check_text(path: &str, src: &[u8], json: bool, rules: bool) -> (String, String, bool) {
        let file = std::path::PathBuf::from(path);
        let opts = wlua_typecheck::Options { rules };
        let result =
            std::panic::catch_unwind(|| wlua_typecheck::check_file_with(src, &file, opts)).ok();
        let text = String::from_utf8_lossy(src);
        let (mut out, mut err) = (String::new(), String::new());
        match result {
            None => {
                err.push_str(&format!("wlua check: {path}: internal checker failure\n"));
                (out, err, true)
            }
            Some(Checked::Syntax(e)) => {
                if json {
                    let d = Diagnostic {
                        code: code::SYNTAX,
                        severity: Severity::Error,
                        span: e.span,
                        message: e.message.clone(),
                        label: None,
                    };
                    out.push_str(&d.render_json(path, &text));
                    out.push('\n');
                } else {
                    err.push_str(&format!("{e}\n"));
                }
                (out, err, true)
            }
            Some(Checked::Types(ds)) => {
                let errors = ds.iter().any(|d| d.severity == Severity::Error);
                for d in &ds {
                    if json {
                        out.push_str(&d.render_json(path, &text));
                        out.push('\n');
                    } else {
                        out.push_str(&d.render_text(path, &text));
                    }
                }
                (out, err, errors)
            }
        }
    }

    /// Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage
    /// or I/O failure.
    pub fn run(paths: &[String], json: bool, rules: bool) -> i32 {
        if paths.is_empty() {
            eprintln!("wlua check: no input files");
            return 2;
        }
        let mut files = Vec::new();
        for p in paths {
            if let Err(e) = collect(Path::new(p), &mut files) {
                eprintln!("wlua check: {}: {}", p, e);
                return 2;
            }
        }
        std::thread::Builder::new()
            .stack_size(wlua_typecheck::STACK)
            .spawn(move || check_files(files, json, rules))
            .ok()
            .and_then(|h| h.join().ok())
            .unwrap_or(2)
    }

    fn check_files(files: Vec<std::path::PathBuf>, json: bool, rules: bool) -> i32 {
        let mut status = 0;
        let stdout = std::io::stdout();
        for f in files {
            let src = match std::fs::read(&f) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("wlua check: {}: {}", f.display(), e);
                    return 2;
                }
            };
            let (out, err, bad) = check_text(&f.display().to_string(), &src, json, rules);
            let _ = stdout.lock().write_all(out.as_bytes());
            eprint!("{err}");
            if bad {
                status = 1;
            }
        }
        status
    }
}

pub mod alloc;
pub mod repl;
