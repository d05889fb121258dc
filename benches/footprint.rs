//! Bytes a fresh process's VM allocates (a counting allocator around the
//! system one): `cargo bench --bench footprint`. Prints the cost of each
//! step of building a process, to see where the per-process bytes go.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering};

struct Counting;
static LIVE: AtomicIsize = AtomicIsize::new(0);

/// Live allocations by size (up to 2 KB) while `HIST_ON`.
static HIST: [AtomicIsize; 2049] = [const { AtomicIsize::new(0) }; 2049];
static HIST_ON: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

fn hist(size: usize, d: isize) {
    if HIST_ON.load(Ordering::Relaxed) {
        HIST[size.min(2048)].fetch_add(d, Ordering::Relaxed);
    }
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        hist(l.size(), 1);
        LIVE.fetch_add(l.size() as isize, Ordering::Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        hist(l.size(), -1);
        LIVE.fetch_sub(l.size() as isize, Ordering::Relaxed);
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, n: usize) -> *mut u8 {
        hist(l.size(), -1);
        hist(n, 1);
        LIVE.fetch_add(n as isize - l.size() as isize, Ordering::Relaxed);
        unsafe { System.realloc(p, l, n) }
    }
}

#[global_allocator]
static A: Counting = Counting;

fn live() -> isize {
    LIVE.load(Ordering::Relaxed)
}

static MARK: AtomicIsize = AtomicIsize::new(0);

/// `probe()` from Lua: remembers the bytes live now.
fn probe(_vm: &mut wlua_vm::Vm, _args: wlua_vm::Vals) -> wlua_vm::NResult {
    MARK.store(live(), Ordering::SeqCst);
    HIST_ON.store(true, Ordering::SeqCst);
    Ok(wlua_vm::Ret::Vals(wlua_vm::Vals::new()))
}

/// Bytes per idle process in the real runtime: N processes spawned, each
/// reports to a collector and blocks in its inbox; live bytes before and
/// after (allocator counts, no RSS noise).
fn processes(n: usize) {
    let src = format!(
        r#"
        local idle = function(c) process.send(c, "up"); process.inbox():receive() end
        local collector = process.spawn(function(main, n)
          local inbox = process.inbox()
          for _ = 1, n do inbox:receive() end
          process.send(main, "all up")
        end, nil, process.pid(), {n})
        collectgarbage()
        probe()
        for i = 1, {n} do process.spawn(idle, nil, collector) end
        process.inbox():receive()
        collectgarbage()
        "#
    );
    let mut vm = wlua::new_vm();
    vm.set_global("probe", wlua_vm::Value::LightFn(probe));
    let before = std::sync::Arc::new(AtomicIsize::new(0));
    let _ = before;
    let outcome = wlua::run_source(&mut vm, src.as_bytes(), "=processes", &[]);
    if let wlua::Outcome::Error { message, .. } = outcome {
        println!("processes: {message}");
        return;
    }
    // The runtime abandons the idle processes at the end of main: they are
    // still allocated now.
    let after = live();
    let start = MARK.load(Ordering::SeqCst);
    HIST_ON.store(false, Ordering::SeqCst);
    println!(
        "{n} idle processes: {} bytes each (allocator count); allocations per process by size:",
        (after - start) / n as isize
    );
    for (size, c) in HIST.iter().enumerate() {
        let c = c.load(Ordering::Relaxed);
        if c >= n as isize / 2 {
            println!("  {size:5} bytes x {:.2}", c as f64 / n as f64);
        }
    }
}

fn main() {
    wlua_stdlib::init();
    let n = 1000;
    let mut vms = Vec::with_capacity(n);
    let before = live();
    for _ in 0..n {
        vms.push(Box::new(wlua_vm::Vm::new()));
    }
    let bare = (live() - before) / n as isize;
    let before = live();
    for vm in vms.iter_mut() {
        wlua_stdlib::open_libs(vm);
    }
    let libs = (live() - before) / n as isize;
    println!(
        "Vm::new: {bare} bytes; open_libs: {libs} bytes; total {} bytes per VM",
        bare + libs
    );
    let mut one = wlua_vm::Vm::new();
    wlua_stdlib::open_libs(&mut one);
    let mut last = live();
    for (what, src) in [
        ("print", "local _ = print"),
        ("process.inbox", "local _ = process.inbox"),
        ("string.format", "local _ = string.format"),
        ("math (random state)", "local _ = math.pi"),
        ("io (std files)", "local _ = io.write"),
        ("pairs(_G)", "for _ in pairs(_G) do end"),
    ] {
        let f = wlua_stdlib::load::load_chunk(&mut one, src.as_bytes(), "=footprint", "t", None)
            .expect("compiles");
        one.call(f, &[]).expect("runs");
        let now = live();
        println!("  then {what:22} +{:6} bytes", now - last);
        last = now;
    }
    println!("  objects in heap: {}", one.heap.object_count());
    processes(100_000);
    println!(
        "sizes: Vm {} Heap {} Thread {} Frame {} Table {} Local {} ProcessHandle {}",
        std::mem::size_of::<wlua_vm::Vm>(),
        std::mem::size_of::<wlua_vm::gc::Heap>(),
        std::mem::size_of::<wlua_vm::thread::Thread>(),
        std::mem::size_of::<wlua_vm::thread::Frame>(),
        std::mem::size_of::<wlua_vm::Table>(),
        std::mem::size_of::<wlua_sched::local::Local>(),
        std::mem::size_of::<wlua_sched::process::ProcessHandle>(),
    );
}
