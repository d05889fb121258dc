//! The `wlua` library: the run and check entry points used by the CLI and
//! the tests. A runtime here is one VM (one process) with the standard
//! library opened; the scheduler joins in with the processes issue.

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
    //! `wlua check`: parse every file (the type checker proper arrives
    //! with the typed-dialect issue) and report syntax errors.

    use std::path::{Path, PathBuf};

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
            out.push(p.to_path_buf());
        }
        Ok(())
    }

    /// Exit status: 0 clean, 1 errors found, 2 usage or I/O failure.
    pub fn run(paths: &[String]) -> i32 {
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
        let mut status = 0;
        for f in files {
            let src = match std::fs::read(&f) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("wlua check: {}: {}", f.display(), e);
                    return 2;
                }
            };
            let arena = bumpalo::Bump::new();
            if let Err(e) = wlua_parser::parse(&arena, &src, &format!("@{}", f.display())) {
                eprintln!("{}", e);
                status = 1;
            }
        }
        status
    }
}

pub mod repl {
    //! A minimal interactive loop (line editing and history come with the
    //! REPL issue): expressions are printed, incomplete chunks continue on
    //! the next line as lua.c detects them (a syntax error at `<eof>`).

    use std::io::{BufRead, Write};
    use wlua_vm::{Value, Vm};

    pub fn run(vm: &mut Vm) {
        let stdin = std::io::stdin();
        let mut buf = String::new();
        loop {
            print!("{}", if buf.is_empty() { "> " } else { ">> " });
            let _ = std::io::stdout().flush();
            let mut line = String::new();
            match stdin.lock().read_line(&mut line) {
                Ok(0) | Err(_) => break,
                Ok(_) => {}
            }
            let line = line.trim_end_matches(['\n', '\r']);
            if buf.is_empty() {
                buf = line
                    .strip_prefix('=')
                    .map(|r| format!("return {}", r))
                    .unwrap_or_else(|| line.to_string());
            } else {
                buf.push('\n');
                buf.push_str(line);
            }
            let as_expr = format!("return {}", buf);
            let f = match wlua_stdlib::load::load_chunk(vm, as_expr.as_bytes(), "=stdin", "t", None)
            {
                Ok(f) => f,
                Err(_) => {
                    match wlua_stdlib::load::load_chunk(vm, buf.as_bytes(), "=stdin", "t", None) {
                        Ok(f) => f,
                        Err(msg) => {
                            let msg = String::from_utf8_lossy(&msg);
                            if msg.ends_with("<eof>") {
                                continue;
                            }
                            eprintln!("{}", msg);
                            buf.clear();
                            continue;
                        }
                    }
                }
            };
            buf.clear();
            match vm.call(f, &[]) {
                Ok(vals) => {
                    if !vals.is_empty() {
                        let print = vm.get_global("print");
                        let v: Vec<Value> = vals.to_vec();
                        if let Err(e) = vm.call(print, &v) {
                            let v = vm.error_value(e);
                            eprintln!("{}", crate::error_message(vm, v));
                        }
                    }
                }
                Err(e) => {
                    let v = vm.error_value(e);
                    eprintln!("{}", crate::error_message(vm, v));
                }
            }
            wlua_stdlib::io::flush_all();
        }
        println!();
    }
}
