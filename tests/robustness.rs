//! Bad input never panics: random and mutated sources through the whole
//! front end (lexer, parser, compiler), mutated binary chunks through
//! `load` and the VM, pathological sizes and depths, and runaway programs
//! in the VM. Each case must end in a clean result or a clean error.

use wlua_stdlib::load::compile;

/// A small deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const TOKENS: &[&str] = &[
    "local", "function", "end", "if", "then", "else", "elseif", "while", "do", "repeat", "until",
    "for", "in", "return", "break", "goto", "::", "x", "y", "f", "t", "=", "==", "~=", "<", "<=",
    ">", ">=", "+", "-", "*", "/", "//", "%", "^", "..", "#", "&", "|", "~", "<<", ">>", "(", ")",
    "{", "}", "[", "]", ";", ":", ",", ".", "...", "1", "0x10", "1.5e3", "\"s\"", "'q'",
    "[[long]]", "nil", "true", "false", "and", "or", "not", "type", "as", "?", "->", "!", "@",
    "\n", " ",
];

const SEEDS: &[&str] = &[
    "local function fib(n) if n < 2 then return n end return fib(n-1) + fib(n-2) end print(fib(10))",
    "local t = {1, 2, x = 3, [4] = 5; 'a'} for k, v in pairs(t) do print(k, v) end",
    "local s = 0 for i = 1, 10, 2 do s = s + i // 2 % 3 ^ 2 end goto done ::done:: return s",
    "local mt = {__index = function(t, k) return k .. '!' end} local o = setmetatable({}, mt) print(o.x, #'abc')",
    "local function f(...) local a, b = ... return select('#', ...), a and b or nil end repeat local z = f(1) until z",
    "type Point = {x: number, y: number} local function len(p: Point): number return (p.x ^ 2 + p.y ^ 2) ^ 0.5 end",
];

fn compiles_cleanly(src: &[u8]) {
    // Ok or Err are both fine; a panic fails the test.
    let _ = compile(src, "=fuzz");
}

#[test]
fn random_token_soup_never_panics() {
    let mut rng = Rng(0x9E3779B97F4A7C15);
    for _ in 0..3000 {
        let n = rng.below(60);
        let mut src = String::new();
        for _ in 0..n {
            src.push_str(TOKENS[rng.below(TOKENS.len())]);
            src.push(' ');
        }
        compiles_cleanly(src.as_bytes());
    }
}

#[test]
fn mutated_programs_never_panic() {
    let mut rng = Rng(12345);
    for seed in SEEDS {
        for _ in 0..600 {
            let mut b = seed.as_bytes().to_vec();
            for _ in 0..1 + rng.below(4) {
                if b.is_empty() {
                    break;
                }
                let at = rng.below(b.len());
                match rng.below(4) {
                    0 => {
                        b.remove(at);
                    }
                    1 => b.insert(at, (rng.next() & 0xff) as u8),
                    2 => b[at] = b"()[]{}=.,;:'\"\\-+x1\n"[rng.below(19)],
                    _ => {
                        let end = (at + rng.below(8)).min(b.len());
                        let piece: Vec<u8> = b[at..end].to_vec();
                        let to = rng.below(b.len());
                        b.splice(to..to, piece);
                    }
                }
            }
            compiles_cleanly(&b);
        }
    }
}

/// Runs `f` on a thread with a deliberately ordinary stack, so a recursion
/// that depends on input depth shows up as a crash here.
fn on_small_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("no panic and no stack overflow");
}

#[test]
fn huge_and_deep_inputs_are_clean_errors_or_compile() {
    on_small_stack(|| {
        let parens = format!("x = {}1{}", "(".repeat(100_000), ")".repeat(100_000));
        let err = compile(parens.as_bytes(), "=deep").expect_err("too deep");
        assert!(err.contains("C levels"), "{err}");

        let chain = format!("x = a{}", ".a".repeat(100_000));
        compile(chain.as_bytes(), "=chain").expect("a long suffix chain compiles");

        let sum = format!("x = 1{}", " + 1".repeat(100_000));
        compile(sum.as_bytes(), "=sum").expect("a long operator chain compiles");

        let table = format!("t = {{{}}}", "1,".repeat(100_000));
        compile(table.as_bytes(), "=table").expect("a 100,000-element constructor compiles");

        let big = format!("s = \"{}\"", "x".repeat(10 << 20));
        compile(big.as_bytes(), "=big").expect("a 10 MB string literal compiles");

        let funcs = format!(
            "return {} 1 {}",
            "function() return ".repeat(10_000),
            " end".repeat(10_000)
        );
        let err = compile(funcs.as_bytes(), "=funcs").expect_err("too deep");
        assert!(err.contains("C levels"), "{err}");
    });
}

#[test]
fn runaway_programs_end_in_catchable_errors() {
    on_small_stack(|| {
        let mut vm = wlua::new_vm();
        let src = br#"
            local function rec() return 1 + rec() end
            local ok, e = pcall(rec)
            assert(not ok and e:find("stack overflow"))
            local t = setmetatable({}, {})
            getmetatable(t).__index = function(tbl, k) return tbl[k] end
            ok, e = pcall(function() return t.x end)
            assert(not ok and e:find("stack overflow"))
            local function tail(n) if n == 0 then return "done" end return tail(n - 1) end
            return tail(1000000)
        "#;
        let f =
            wlua_stdlib::load::load_chunk(&mut vm, src, "=runaway", "t", None).expect("compiles");
        let r = vm.call(f, &[]).expect("runs");
        match r.first() {
            Some(wlua_vm::Value::Str(s)) => assert_eq!(s.get().as_bytes(), b"done"),
            other => panic!("unexpected result {other:?}"),
        }
    });
}

#[test]
fn the_vm_is_send() {
    fn assert_send<T: Send>() {}
    assert_send::<wlua_vm::Vm>();
}

#[test]
fn a_busy_loop_is_preempted_and_resumable() {
    let mut vm = wlua::new_vm();
    let src = b"local n = 0 while true do n = n + 1 if n == 50000 then return n end end";
    let f = wlua_stdlib::load::load_chunk(&mut vm, src, "=busy", "t", None).expect("compiles");
    vm.preemptible = true;
    vm.budget = 1000;
    let mut slices = 1;
    let mut exit = vm.run_main(f, &[]).expect("runs");
    while matches!(exit, wlua_vm::Exit::Preempted) {
        assert!(slices < 10_000, "never finishes");
        vm.budget = 1000;
        slices += 1;
        exit = vm.resume_run().expect("resumes");
    }
    assert!(
        slices >= 50,
        "a 50,000-iteration loop must be sliced (got {slices} slices)"
    );
    match vm.main_results().first() {
        Some(wlua_vm::Value::Int(50000)) => {}
        other => panic!("unexpected result {other:?}"),
    }
}

#[test]
fn an_endless_loop_keeps_returning_preempted() {
    let mut vm = wlua::new_vm();
    let f = wlua_stdlib::load::load_chunk(&mut vm, b"while true do end", "=spin", "t", None)
        .expect("compiles");
    vm.preemptible = true;
    vm.budget = 100;
    assert!(matches!(vm.run_main(f, &[]), Ok(wlua_vm::Exit::Preempted)));
    for _ in 0..100 {
        vm.budget = 100;
        assert!(matches!(vm.resume_run(), Ok(wlua_vm::Exit::Preempted)));
    }
}

/// Mutation fodder for binary chunks (shared with dump.rs's verifier test).
const CHUNK_BASE: &str = include_str!("data/mutation_base.lua");

/// Loads `chunk` with `load` in a fresh VM and, when it is accepted, runs
/// it under a reduction budget. The loaded code reaches only what its
/// `_ENV` holds (functions that touch nothing outside the VM), and strings
/// keep only methods that cannot allocate without bound. Returns whether
/// `load` accepted the chunk.
fn load_and_run(chunk: &[u8]) -> bool {
    let mut vm = wlua::new_vm();
    let harness = br#"
        local chunk = ...
        local env = {pairs = pairs, ipairs = ipairs, select = select, type = type,
            tostring = tostring, tonumber = tonumber, setmetatable = setmetatable,
            getmetatable = getmetatable, rawget = rawget, rawset = rawset, rawlen = rawlen,
            rawequal = rawequal, next = next, error = error, pcall = pcall, assert = assert,
            math = math}
        getmetatable("").__index = {upper = string.upper, sub = string.sub, byte = string.byte}
        local f = load(chunk, "=mutant", "b", env)
        loaded = f ~= nil
        if f then pcall(f, 3) end
    "#;
    let h = wlua_stdlib::load::load_chunk(&mut vm, harness, "=harness", "t", None)
        .expect("harness compiles");
    let arg = vm.new_str_owned(chunk.to_vec());
    vm.preemptible = true;
    vm.budget = 20_000;
    // Done, out of budget, or an error escaping the harness's pcall: all clean.
    let _ = vm.run_main(h, &[arg]);
    matches!(vm.get_global("loaded"), wlua_vm::Value::Bool(true))
}

/// One to four random edits anywhere in `b[range]`: bit flips, new bytes,
/// removals, insertions, overwritten runs.
fn mutate_bytes(rng: &mut Rng, b: &mut Vec<u8>, range: std::ops::Range<usize>) {
    let mut end = range.end;
    for _ in 0..1 + rng.below(4) {
        if end <= range.start {
            return;
        }
        let at = range.start + rng.below(end - range.start);
        match rng.below(5) {
            0 => b[at] ^= 1 << rng.below(8),
            1 => b[at] = rng.next() as u8,
            2 => {
                b.remove(at);
                end -= 1;
            }
            3 => {
                b.insert(at, rng.next() as u8);
                end += 1;
            }
            _ => {
                for x in &mut b[at..(at + 1 + rng.below(8)).min(end)] {
                    *x = rng.next() as u8;
                }
            }
        }
    }
}

#[test]
fn mutated_binary_chunks_never_panic() {
    let proto = compile(CHUNK_BASE.as_bytes(), "=base").expect("base compiles");
    let mut rng = Rng(0xD1B54A32D192ED03);
    for strip in [false, true] {
        let base = wlua_stdlib::dump::dump(&proto, strip);
        assert!(load_and_run(&base), "the unmutated chunk loads");
        let header = 53; // the reference's 33 bytes, then wlua's 20 (dump.rs)
        let payload = header..base.len() - 8;

        // Edits anywhere, truncations and extensions: the header checks and
        // the checksum refuse every change to the chunk itself, while bytes
        // appended after it are not read (as lundump.c reads no further).
        let mut appended = 0;
        for i in 0..2000 {
            let mut b = base.clone();
            match rng.below(4) {
                0 => b.truncate(rng.below(base.len())),
                1 => b.extend((0..1 + rng.below(16)).map(|_| rng.next() as u8)),
                _ => mutate_bytes(&mut rng, &mut b, 0..base.len()),
            }
            let intact = b.starts_with(&base);
            appended += intact as usize;
            match std::panic::catch_unwind(|| load_and_run(&b)) {
                Ok(loaded) => assert_eq!(loaded, intact, "edited chunk {i} (strip {strip}): {b:?}"),
                Err(_) => panic!("edited chunk {i} (strip {strip}) panicked: {b:?}"),
            }
        }
        assert!(
            appended < 1000,
            "{appended} of 2000 edits left the chunk intact"
        );

        // Edits to the payload with the checksum redone, as a forger would:
        // only the decoder and the verifier stand in the way.
        let (mut accepted, mut refused) = (0, 0);
        for i in 0..3000 {
            let mut b = base.clone();
            mutate_bytes(&mut rng, &mut b, payload.clone());
            let b = wlua_stdlib::dump::reseal(b);
            let r = std::panic::catch_unwind(|| load_and_run(&b));
            match r {
                Ok(true) => accepted += 1,
                Ok(false) => refused += 1,
                Err(_) => panic!("forged chunk {i} (strip {strip}) panicked: {b:?}"),
            }
        }
        eprintln!("strip {strip}: forged chunks: {accepted} loaded, {refused} refused");
        assert!(
            accepted > 10 && refused > 10,
            "accepted {accepted}, refused {refused}"
        );
    }
}
