//! Bytes a fresh process's VM allocates (a counting allocator around the
//! system one): `cargo bench --bench footprint`. Prints the cost of each
//! step of building a process, to see where the per-process bytes go.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering};

struct Counting;
static LIVE: AtomicIsize = AtomicIsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        LIVE.fetch_add(l.size() as isize, Ordering::Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size() as isize, Ordering::Relaxed);
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, n: usize) -> *mut u8 {
        LIVE.fetch_add(n as isize - l.size() as isize, Ordering::Relaxed);
        unsafe { System.realloc(p, l, n) }
    }
}

#[global_allocator]
static A: Counting = Counting;

fn live() -> isize {
    LIVE.load(Ordering::Relaxed)
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
    println!("Vm::new: {bare} bytes; open_libs: {libs} bytes; total {} bytes per VM", bare + libs);
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
