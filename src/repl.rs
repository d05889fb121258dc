//! The interactive loop: line editing and history (rustyline, history in
//! `~/.wlua_history`), lua.c's rules for expressions and incomplete chunks.
//!
//! The loop itself is Lua (`repl.lua`) and runs as the program's main
//! process on one process runtime for the whole session. That is what
//! lets a line spawn processes and a later line receive their messages:
//! the main process, its inbox, its globals and the processes it started
//! live as long as the session. (Running each line through `run_function`
//! would start and stop a runtime per line, abandoning the processes and
//! the messages sent to the main process in between.)
//!
//! Reading a line blocks, so `read` hands it to the blocking pool
//! (`block_on_pool`): the main process parks while the user types, and
//! the processes it spawned keep running. rustyline's editor lives on a
//! thread of its own and answers prompts over channels, so it is never
//! moved between threads.

use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Mutex, OnceLock};
use wlua_sched::local::WakeVals;
use wlua_vm::{LuaError, NResult, Ret, Vals, Value, Vm};

const DRIVER: &str = include_str!("repl.lua");

/// What the input thread answers to a prompt.
enum Line {
    Text(String),
    /// Ctrl-C: drop the input so far.
    Interrupted,
    /// Ctrl-D or end of input.
    Eof,
}

/// The channels to the input thread: prompts out, lines back.
static INPUT: OnceLock<Mutex<(Sender<String>, Receiver<Line>)>> = OnceLock::new();

fn history_file() -> Option<std::path::PathBuf> {
    std::env::var_os("HOME").map(|h| std::path::Path::new(&h).join(".wlua_history"))
}

fn input_thread(prompts: Receiver<String>, lines: Sender<Line>) {
    let mut ed = match rustyline::DefaultEditor::new() {
        Ok(ed) => Some(ed),
        Err(e) => {
            eprintln!("wlua: line editing unavailable ({e})");
            None
        }
    };
    let hist = history_file();
    if let (Some(ed), Some(h)) = (ed.as_mut(), hist.as_ref()) {
        // A missing or unreadable history is not an error.
        let _ = ed.load_history(h);
    }
    while let Ok(prompt) = prompts.recv() {
        let line = match ed.as_mut() {
            Some(ed) => match ed.readline(&prompt) {
                Ok(l) => {
                    if !l.trim().is_empty() {
                        let _ = ed.add_history_entry(l.as_str());
                        if let Some(h) = hist.as_ref() {
                            let _ = ed.save_history(h);
                        }
                    }
                    Line::Text(l)
                }
                Err(rustyline::error::ReadlineError::Interrupted) => Line::Interrupted,
                Err(_) => Line::Eof,
            },
            None => plain_readline(&prompt),
        };
        if lines.send(line).is_err() {
            break;
        }
    }
}

/// Without an editor: prompt and read a line from stdin.
fn plain_readline(prompt: &str) -> Line {
    use std::io::{BufRead, Write};
    print!("{prompt}");
    let _ = std::io::stdout().flush();
    let mut l = String::new();
    match std::io::stdin().lock().read_line(&mut l) {
        Ok(0) | Err(_) => Line::Eof,
        Ok(_) => Line::Text(l.trim_end_matches(['\n', '\r']).to_string()),
    }
}

fn ask(prompt: String) -> Line {
    let Some(io) = INPUT.get() else {
        return Line::Eof;
    };
    let io = io.lock().unwrap_or_else(|e| e.into_inner());
    if io.0.send(prompt).is_err() {
        return Line::Eof;
    }
    io.1.recv().unwrap_or(Line::Eof)
}

/// `read(prompt)`: the next line, `nil` at end of input, `false` when
/// interrupted.
fn read(vm: &mut Vm, args: Vals) -> NResult {
    let prompt = match args.first() {
        Some(Value::Str(s)) => s.get().to_str_lossy().into_owned(),
        _ => "> ".to_string(),
    };
    // Output so far appears before the prompt.
    wlua_stdlib::io::flush_all();
    wlua_sched::blocking::block_on_pool(
        vm,
        "input",
        move || ask(prompt),
        |vm, line| {
            let mut v = WakeVals::new();
            v.push(match line {
                Line::Text(s) => vm.new_str(s.as_bytes()),
                Line::Interrupted => Value::Bool(false),
                Line::Eof => Value::Nil,
            });
            Ok(v)
        },
    )
}

/// `compile(src)`: the chunk as a function, or `nil, message`.
fn compile(vm: &mut Vm, args: Vals) -> NResult {
    let src = match args.first() {
        Some(Value::Str(s)) => s.get().as_bytes().to_vec(),
        _ => return Err(LuaError::msg("compile: source expected")),
    };
    let mut out = Vals::new();
    match wlua_stdlib::load::load_chunk(vm, &src, "=stdin", "t", None) {
        Ok(f) => out.push(f),
        Err(m) => {
            out.push(Value::Nil);
            out.push(vm.new_str(&m));
        }
    }
    Ok(Ret::Vals(out))
}

/// `report(msg)`: an error, on stderr after the output so far.
fn report(vm: &mut Vm, args: Vals) -> NResult {
    let v = args.first().copied().unwrap_or(Value::Nil);
    let text = crate::error_message(vm, v);
    wlua_stdlib::io::flush_all();
    eprintln!("{text}");
    Ok(Ret::Vals(Vals::new()))
}

/// `msgh(e)`: the error's text (lua.c's msghandler, without the
/// traceback: the loop's own frames would only add noise).
fn msgh(vm: &mut Vm, args: Vals) -> NResult {
    let v = args.first().copied().unwrap_or(Value::Nil);
    let text = crate::error_message(vm, v);
    let mut out = Vals::new();
    out.push(vm.new_str(text.as_bytes()));
    Ok(Ret::Vals(out))
}

/// Runs the interactive session in `vm` until end of input, as the main
/// process of a runtime that lasts the whole session.
pub fn run(vm: &mut Vm) -> crate::Outcome {
    if INPUT.get().is_none() {
        let (ptx, prx) = channel();
        let (ltx, lrx) = channel();
        let started = std::thread::Builder::new()
            .name("wlua-input".into())
            .spawn(move || input_thread(prx, ltx));
        if started.is_err() {
            return crate::Outcome::Error {
                message: "cannot start the input thread".into(),
                traceback: String::new(),
            };
        }
        let _ = INPUT.set(Mutex::new((ptx, lrx)));
    }
    let driver = match wlua_stdlib::load::load_chunk(vm, DRIVER.as_bytes(), "=[repl]", "t", None) {
        Ok(f) => f,
        Err(m) => {
            return crate::Outcome::Error {
                message: String::from_utf8_lossy(&m).into_owned(),
                traceback: String::new(),
            };
        }
    };
    let natives = [
        vm.new_native(read, vec![]),
        vm.new_native(compile, vec![]),
        vm.new_native(report, vec![]),
        vm.new_native(msgh, vec![]),
    ];
    let outcome = crate::run_function(vm, driver, &natives);
    wlua_stdlib::io::flush_all();
    println!();
    outcome
}
