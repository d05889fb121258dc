//! The `wlua` command: run a script (as `lua` does), `-e` chunks, stdin,
//! the interactive REPL (src/repl.rs), and `wlua check` for the type
//! checker. Options for the sandbox come from `--deny` and `wlua.toml`.

use clap::{Parser, Subcommand};

// Lua programs allocate many small objects; mimalloc's size-class free
// lists make that (and the collector's frees) much cheaper than glibc's.
#[global_allocator]
static GLOBAL: wlua::alloc::MiAlloc = wlua::alloc::MiAlloc;

use std::process::ExitCode;
use wlua::{Outcome, new_vm, run_function, run_source};
use wlua_vm::{Value, Vm};

#[derive(Parser)]
#[command(
    name = "wlua",
    about = "A Lua 5.3 runtime with gradual types and green processes",
    long_about = "A Lua 5.3 runtime with gradual types and green processes.\n\n\
        With a script, runs it as the main process. With no script and a terminal on \
        standard input, starts an interactive session; otherwise runs standard input \
        as a script. A wlua.toml beside the script (or in the current directory) may \
        deny libraries and modules: [sandbox] deny = [\"io\", \"os.execute\"].",
    disable_version_flag = true,
    args_conflicts_with_subcommands = true
)]
struct Cli {
    /// Execute the string STAT (may be given several times).
    #[arg(short = 'e', value_name = "STAT")]
    exec: Vec<String>,
    /// Require library NAME into global NAME.
    #[arg(short = 'l', value_name = "NAME")]
    libs: Vec<String>,
    /// Enter interactive mode after running the script.
    #[arg(short = 'i')]
    interactive: bool,
    /// Show version information.
    #[arg(short = 'v', long = "version")]
    version: bool,
    /// Scheduler worker threads for processes (default: one per core).
    #[arg(long = "workers", value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    workers: Option<u16>,
    /// Deny a library, library function or module to the program
    /// (`io`, `os.execute`, `sql`): using it raises an error naming it.
    /// Repeatable; adds to the `[sandbox] deny` list of wlua.toml.
    #[arg(long = "deny", value_name = "NAME[,NAME]", action = clap::ArgAction::Append)]
    deny: Vec<String>,
    /// Print the compiled bytecode of the script instead of running it.
    #[arg(long = "dump-bytecode")]
    dump: bool,
    #[command(subcommand)]
    command: Option<Command>,
    /// The script to run (`-` for standard input), then its arguments.
    #[arg(
        trailing_var_arg = true,
        allow_hyphen_values = true,
        value_name = "SCRIPT [ARGS]..."
    )]
    script: Vec<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Check files for errors without running them: syntax, and the typed
    /// dialect's static checks (docs/typecheck.md).
    Check {
        /// Output: `text` (diagnostics with code frames) or `json` (one
        /// object per line).
        #[arg(long, value_name = "FORMAT", default_value = "text", value_parser = ["text", "json"])]
        format: String,
        /// Also report the lint rules (W0001-W0007: empty blocks, global
        /// assignments, self-comparisons, unused locals, parameters and
        /// imports, shadowing) as warnings; warnings alone exit 0.
        #[arg(long)]
        rules: bool,
        /// Files or directories to check (directories are searched for *.lua
        /// recursively). Exit status: 0 clean, 1 errors found, 2 usage or I/O
        /// failure.
        paths: Vec<String>,
    },
}

const VERSION: &str = concat!("wlua ", env!("CARGO_PKG_VERSION"), " (Lua 5.3 compatible)");

fn report(outcome: Outcome) -> Result<(), i32> {
    match outcome {
        Outcome::Exit(0) => Ok(()),
        Outcome::Exit(n) => Err(n),
        Outcome::Error { message, traceback } => {
            wlua_stdlib::io::flush_all();
            // Load errors have no traceback (lua.c reports them directly).
            eprintln!("wlua: {}", message);
            use std::io::IsTerminal;
            if std::io::stderr().is_terminal() {
                if let Some(snippet) = wlua::source_snippet(&message) {
                    eprint!("{}", snippet);
                }
            }
            if !traceback.is_empty() {
                eprintln!("{}", traceback);
            }
            Err(1)
        }
    }
}

/// Builds the global `arg` table: script at 0, its arguments above, the
/// interpreter and options below.
fn set_arg_table(vm: &mut Vm, argv: &[String], script_index: usize) {
    let t = vm.new_table();
    for (i, a) in argv.iter().enumerate() {
        let s = vm.new_str(a.as_bytes());
        let _ = t
            .get_mut()
            .set(Value::Int(i as i64 - script_index as i64), s);
    }
    vm.set_global("arg", Value::Table(t));
}

fn run(cli: Cli, argv: Vec<String>) -> Result<(), i32> {
    if cli.version {
        println!("{}", VERSION);
    }
    if let Some(n) = cli.workers {
        wlua::set_workers(n as usize);
    }
    // Before any VM exists: every process's package.path searches the
    // script's directory, and every process follows the sandbox profile.
    let script_file = cli.script.first().filter(|s| *s != "-");
    if let Some(script) = script_file {
        wlua::set_script(script);
    }
    let project_dir = script_file
        .and_then(|s| std::path::Path::new(s).parent())
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    if let Err(msg) = wlua::set_sandbox(project_dir, &cli.deny) {
        eprintln!("wlua: {}", msg);
        return Err(1);
    }
    let mut vm = new_vm();
    // lua.c's own frames take five stack slots below each chunk it runs.
    vm.main_base = 5;
    // Position of the script in argv (for `arg`), or the end.
    // Without a script, arg[0] is the interpreter (lua.c createargtable).
    let script_index = if cli.script.is_empty() {
        0
    } else {
        argv.len() - cli.script.len()
    };
    set_arg_table(&mut vm, &argv, script_index);
    for name in &cli.libs {
        let src = format!("{0} = require('{0}')", name);
        report(run_source(&mut vm, src.as_bytes(), "=(command line)", &[]))?;
    }
    for chunk in &cli.exec {
        report(run_source(
            &mut vm,
            chunk.as_bytes(),
            "=(command line)",
            &[],
        ))?;
    }
    let result = if let Some((script, rest)) = cli.script.split_first() {
        let path = if script == "-" {
            None
        } else {
            Some(script.as_str())
        };
        let src = match wlua_stdlib::load::read_source(path) {
            Ok(s) => s,
            Err(msg) => {
                eprintln!("wlua: {}", msg);
                return Err(1);
            }
        };
        if cli.dump {
            match wlua_stdlib::load::compile(&src.0, &src.1) {
                Ok(p) => {
                    print!("{}", p.disassemble());
                    return Ok(());
                }
                Err(msg) => {
                    eprintln!("wlua: {}", msg);
                    return Err(1);
                }
            }
        }

        let args: Vec<Value> = rest.iter().map(|a| vm.new_str(a.as_bytes())).collect();
        let opts = wlua_parser::ParseOptions {
            file: true,
            base_level: 1,
        };
        let r = match wlua_stdlib::load::load_chunk_opts(&mut vm, &src.0, &src.1, "bt", None, opts)
        {
            Ok(f) => report(run_function(&mut vm, f, &args)),
            Err(message) => report(Outcome::Error {
                message: String::from_utf8_lossy(&message).into_owned(),
                traceback: String::new(),
            }),
        };
        // `-i script`: the session follows the script, with its globals.
        if r.is_ok() && cli.interactive {
            println!("{}", VERSION);
            report(wlua::repl::run(&mut vm))
        } else {
            r
        }
    } else if cli.exec.is_empty() && !cli.version || cli.interactive {
        use std::io::IsTerminal;
        if std::io::stdin().is_terminal() || cli.interactive {
            println!("{}", VERSION);
            report(wlua::repl::run(&mut vm))
        } else {
            match wlua_stdlib::load::read_source(None) {
                Ok((src, name)) => report(run_source(&mut vm, &src, &name, &[])),
                Err(msg) => {
                    eprintln!("wlua: {}", msg);
                    Err(1)
                }
            }
        }
    } else {
        Ok(())
    };
    vm.close();
    wlua_stdlib::io::flush_all();
    result
}

/// Transparent huge pages off for this process: the runtime keeps many
/// small per-process heaps, and with THP each first touch of a 2 MB region
/// makes the kernel zero all of it (30% of a 10,000-process ring's time was
/// `clear_page_erms`); system time and resident memory both drop without
/// it (BENCHMARKS.md, docs/decisions.md).
fn disable_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes integer arguments only and changes
    // nothing but the kernel's paging policy for this process.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

/// lua.c takes `-eSTAT` and `-lNAME` as well as `-e STAT`: the glued forms
/// are split for clap, among the options before the script only.
fn split_glued_options(argv: &[String]) -> Vec<String> {
    let mut out = Vec::with_capacity(argv.len() + 1);
    let mut rest = argv.iter();
    out.extend(rest.next().cloned());
    while let Some(a) = rest.next() {
        match a.as_str() {
            "-e" | "-l" | "--workers" | "--deny" => {
                out.push(a.clone());
                out.extend(rest.next().cloned());
            }
            s if (s.starts_with("-e") || s.starts_with("-l")) && s.len() > 2 => {
                out.push(s[..2].to_string());
                out.push(s[2..].to_string());
            }
            s if s.starts_with('-') && s != "-" && s != "--" => out.push(a.clone()),
            _ => {
                out.push(a.clone());
                break;
            }
        }
    }
    out.extend(rest.cloned());
    out
}

fn main() -> ExitCode {
    disable_huge_pages();
    let argv: Vec<String> = std::env::args().collect();
    let cli = Cli::parse_from(split_glued_options(&argv));
    if let Some(Command::Check {
        paths,
        format,
        rules,
    }) = &cli.command
    {
        return ExitCode::from(wlua::check::run(paths, format == "json", *rules) as u8);
    }
    // The interpreter never recurses on the Rust stack for Lua calls, but
    // natives that call back into Lua (sort comparators, gsub callbacks,
    // message handlers) may nest up to 200 deep: give them room.
    let main = std::thread::Builder::new()
        .name("wlua-main".into())
        .stack_size(256 << 20)
        .spawn(move || run(cli, argv))
        .expect("spawn the main interpreter thread");
    match main.join() {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(n)) => ExitCode::from(n as u8),
        Err(_) => ExitCode::from(70),
    }
}

#[cfg(test)]
mod tests {
    use super::split_glued_options;

    fn split(args: &[&str]) -> Vec<String> {
        let argv: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        split_glued_options(&argv)
    }

    #[test]
    fn glued_exec_and_lib_options_are_split_before_the_script() {
        assert_eq!(
            split(&["wlua", "-e_U=true", "-lstring", "t.lua", "-ex"]),
            ["wlua", "-e", "_U=true", "-l", "string", "t.lua", "-ex"]
        );
    }

    #[test]
    fn separate_option_values_are_left_alone() {
        assert_eq!(
            split(&["wlua", "-e", "-lx", "--workers", "2", "-ey", "-", "-ez"]),
            ["wlua", "-e", "-lx", "--workers", "2", "-e", "y", "-", "-ez"]
        );
        assert_eq!(split(&["wlua", "--", "-ex"]), ["wlua", "--", "-ex"]);
    }
}
