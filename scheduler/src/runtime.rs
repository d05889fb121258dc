//! The runtime: N worker threads stepping processes from `crossbeam-deque`
//! run queues (a FIFO deque per worker, a global injector, stealing, and a
//! per-worker "run next" slot for the process just woken), the process
//! table, the name registry, the timer thread, spawn/send/exit
//! with links and monitors, and the end of the program (the main process
//! ends, or every process is blocked for good: a deadlock report).
//!
//! Idle workers park on a condition variable; whoever queues work wakes
//! one (the sleeper re-checks the queues after announcing itself, so a
//! wake is never lost).

use crate::local::{self, Local, StepOutcome};
use crate::message::{self, Message};
use crate::process::{self, ExitResult, ProcessHandle, Signal};
use crate::timer::{Entry, Timers};
use crossbeam_deque::{Injector, Steal, Stealer, Worker};
use hashbrown::HashMap;
use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, AtomicPtr, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};
use wlua_vm::proto::Proto;
use wlua_vm::{Value, Vm};

/// Checks for work an idle worker makes before it parks (half spinning,
/// half yielding the thread).
const SPIN_ROUNDS: u32 = 200;

/// The least heap growth between collections in a spawned process (the
/// main process keeps the interpreter's 256 KB): many small processes must
/// not each sit on a large pile of garbage.
const SPAWNED_GC_MIN: usize = 8 * 1024;

/// Reductions a process runs before it is preempted.
pub const SLICE: i64 = 4000;
/// Stack of each worker thread (natives such as `load` and the pattern
/// matcher recurse; the VM itself does not).
const WORKER_STACK: usize = 256 << 20;

/// What a new process runs.
pub enum Code {
    /// A module's main chunk; then the named function of the table it
    /// returns (or the function it returns, when `field` is empty).
    Module { proto: Arc<Proto>, field: String },
    /// A function's prototype, instantiated with `_ENV` as its only
    /// upvalue.
    Function(Arc<Proto>),
}

/// Builds the VM of a new process: the standard library opened, and the
/// entry closure for `Code`.
pub type Boot = dyn Fn(&Code) -> Result<(Box<Vm>, Value), String> + Send + Sync;

/// How the program ended.
#[derive(Debug, Clone, PartialEq)]
pub enum MainEnd {
    Returned,
    /// An uncaught error in the main process: lua.c's message and traceback.
    Failed {
        message: String,
        traceback: String,
    },
    Deadlock(String),
    /// `os.exit` (the status is already decided).
    Exit(i32),
}

struct Init {
    code: Code,
    args: Message,
}

thread_local! {
    static TICK: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    static LOCAL_QUEUE: RefCell<Option<(usize, Worker<Arc<ProcessHandle>>)>> = const { RefCell::new(None) };
}

/// A worker's "run next" slot (Go's `runnext`): the process last woken
/// from that worker. Its owner runs it as soon as the current process
/// stops, so a process and the one it wakes (a request and its reply, a
/// token passed round a ring) stay on one core and its cache instead of
/// bouncing between workers with a wake-up per message. An idle worker
/// takes it only once it has sat there for a while (the owner is busy
/// with a long slice: a producer feeding a consumer), so such pairs still
/// run in parallel.
struct NextSlot {
    p: AtomicPtr<ProcessHandle>,
    /// Bumped on every put, so a watcher can tell "still there" from
    /// "gone and back".
    seq: AtomicU64,
}

impl NextSlot {
    fn new() -> NextSlot {
        NextSlot {
            p: AtomicPtr::new(std::ptr::null_mut()),
            seq: AtomicU64::new(0),
        }
    }

    fn put(&self, p: Arc<ProcessHandle>) -> Option<Arc<ProcessHandle>> {
        self.seq.fetch_add(1, Ordering::Relaxed);
        let old = self
            .p
            .swap(Arc::into_raw(p) as *mut ProcessHandle, Ordering::AcqRel);
        // SAFETY: every non-null pointer in the slot came from
        // Arc::into_raw, and whoever swaps it out owns it.
        (!old.is_null()).then(|| unsafe { Arc::from_raw(old) })
    }

    fn take(&self) -> Option<Arc<ProcessHandle>> {
        let old = self.p.swap(std::ptr::null_mut(), Ordering::AcqRel);
        // SAFETY: as in `put`.
        (!old.is_null()).then(|| unsafe { Arc::from_raw(old) })
    }

    /// What a watcher records: the occupant's sequence number, if any.
    fn occupied(&self) -> Option<u64> {
        let seq = self.seq.load(Ordering::Acquire);
        (!self.p.load(Ordering::Acquire).is_null()).then_some(seq)
    }
}

impl Drop for NextSlot {
    fn drop(&mut self) {
        drop(self.take());
    }
}

/// Spin rounds a process must sit in another worker's NEXT slot before an
/// idle worker takes it (a round is 64 pause instructions, a few µs).
const NEXT_STEAL_ROUNDS: u32 = 4;

/// Called by natives about to block their thread in a system call (a read
/// from a pipe or terminal, `os.execute`): the process waiting in this
/// worker's NEXT slot is made stealable at once, so it does not wait for
/// the call to return.
pub fn before_blocking_call(rt: &Runtime) {
    if let Some(me) = LOCAL_QUEUE.with(|q| q.borrow().as_ref().map(|(me, _)| *me)) {
        if let Some(p) = rt.next[me].take() {
            rt.spill(p);
        }
    }
}

pub struct Runtime {
    injector: Injector<Arc<ProcessHandle>>,
    stealers: std::sync::OnceLock<Vec<Stealer<Arc<ProcessHandle>>>>,
    /// Each worker's run-next slot.
    next: Vec<NextSlot>,
    shards: Vec<Mutex<HashMap<u64, Arc<ProcessHandle>>>>,
    names: Mutex<HashMap<String, u64>>,
    next_id: AtomicU64,
    next_timer: AtomicU64,
    sleep_lock: Mutex<()>,
    sleep_cv: Condvar,
    sleeping: AtomicUsize,
    workers: usize,
    pub timers: Timers,
    /// Blocking-pool jobs in flight (they may wake a process).
    pub io_pending: AtomicUsize,
    pub(crate) pool: Arc<crate::blocking::Pool>,
    next_io: AtomicU64,
    shutdown: AtomicBool,
    end: Mutex<Option<MainEnd>>,
    end_cv: Condvar,
    main_pid: AtomicU64,
    /// The main process's VM once it has ended (handed back to the
    /// embedder, which may run more chunks in it).
    main_vm: Mutex<Option<Box<Vm>>>,
    boot: Box<Boot>,
    /// Modules compiled for spawning, by resolved file name: compiled
    /// once, their prototypes shared by every process that runs them.
    pub code_cache: Mutex<HashMap<String, Arc<Proto>>>,
    seed: AtomicU64,
}

const SHARDS: usize = 16;

impl Runtime {
    pub fn new(workers: usize, boot: Box<Boot>) -> Arc<Runtime> {
        Arc::new(Runtime {
            injector: Injector::new(),
            stealers: std::sync::OnceLock::new(),
            next: (0..workers).map(|_| NextSlot::new()).collect(),
            shards: (0..SHARDS).map(|_| Mutex::new(HashMap::new())).collect(),
            names: Mutex::new(HashMap::new()),
            next_id: AtomicU64::new(1),
            next_timer: AtomicU64::new(1),
            sleep_lock: Mutex::new(()),
            sleep_cv: Condvar::new(),
            sleeping: AtomicUsize::new(0),
            workers: workers.max(1),
            timers: Timers::default(),
            io_pending: AtomicUsize::new(0),
            pool: Arc::new(crate::blocking::Pool::default()),
            next_io: AtomicU64::new(1),
            shutdown: AtomicBool::new(false),
            end: Mutex::new(None),
            end_cv: Condvar::new(),
            main_pid: AtomicU64::new(0),
            main_vm: Mutex::new(None),
            boot,
            code_cache: Mutex::new(HashMap::new()),
            seed: AtomicU64::new(0x9E37_79B9_7F4A_7C15),
        })
    }

    /// Runs `f(args)` in `vm` as the main process and returns when the
    /// program ends, with the main VM when it can be had back (not after a
    /// deadlock or an `os.exit`). Other processes are abandoned.
    pub fn run_main(
        self: &Arc<Self>,
        mut vm: Box<Vm>,
        f: Value,
        args: &[Value],
    ) -> (MainEnd, Option<Box<Vm>>) {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        self.main_pid.store(id, Ordering::SeqCst);
        let p = Arc::new(ProcessHandle::new(id));
        Local::install(&mut vm, f, args.iter().copied().collect(), self.next_seed());
        let l = local::local(&mut vm).expect("just installed");
        l.me = Some(p.clone());
        l.rt = Some(self.clone());
        vm.heap.leave();
        *p.body.lock().unwrap_or_else(|e| e.into_inner()) = Some(vm);
        self.insert(p.clone());
        // Queued before any worker starts: a worker that found nothing
        // would otherwise take the empty runtime for a deadlock.
        self.injector.push(p);
        self.start_threads();
        let mut end = self.end.lock().unwrap_or_else(|e| e.into_inner());
        while end.is_none() {
            end = self.end_cv.wait(end).unwrap_or_else(|e| e.into_inner());
        }
        let r = end.clone().expect("set");
        drop(end);
        self.stop();
        let vm = self
            .main_vm
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take();
        (r, vm)
    }

    fn start_threads(self: &Arc<Self>) {
        let queues: Vec<_> = (0..self.workers).map(|_| Worker::new_fifo()).collect();
        let _ = self
            .stealers
            .set(queues.iter().map(|w| w.stealer()).collect());
        for (i, q) in queues.into_iter().enumerate() {
            let rt = self.clone();
            let _ = std::thread::Builder::new()
                .name(format!("wlua-worker-{i}"))
                .stack_size(WORKER_STACK)
                .spawn(move || rt.worker_main(i, q));
        }
        let rt = self.clone();
        let _ = std::thread::Builder::new()
            .name("wlua-timers".into())
            .spawn(move || rt.timer_main());
    }

    fn stop(&self) {
        self.shutdown.store(true, Ordering::SeqCst);
        self.timers.shutdown();
        let _g = self.sleep_lock.lock().unwrap_or_else(|e| e.into_inner());
        self.sleep_cv.notify_all();
    }

    /// Ends the program (the main process ended, `os.exit`, a deadlock).
    pub fn finish(&self, how: MainEnd) {
        let mut end = self.end.lock().unwrap_or_else(|e| e.into_inner());
        if end.is_none() {
            *end = Some(how);
            self.end_cv.notify_all();
        }
        drop(end);
        self.shutdown.store(true, Ordering::SeqCst);
    }

    fn next_seed(&self) -> u64 {
        let s = self
            .seed
            .fetch_add(0x9E37_79B9_7F4A_7C15, Ordering::Relaxed)
            .wrapping_add(Instant::now().elapsed().as_nanos() as u64);
        let mut z = s;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    // ----- the process table -------------------------------------------

    fn shard(&self, id: u64) -> &Mutex<HashMap<u64, Arc<ProcessHandle>>> {
        &self.shards[(id as usize) % SHARDS]
    }

    fn insert(&self, p: Arc<ProcessHandle>) {
        self.shard(p.id)
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(p.id, p);
    }

    pub fn lookup(&self, id: u64) -> Option<Arc<ProcessHandle>> {
        self.shard(id)
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&id)
            .cloned()
    }

    pub fn main_pid(&self) -> u64 {
        self.main_pid.load(Ordering::Relaxed)
    }

    // ----- scheduling ----------------------------------------------------

    /// Queues a process that has work. From a worker it goes into the
    /// `NEXT` slot, and the process it displaces into the stealable queue.
    pub fn schedule(&self, p: Arc<ProcessHandle>) {
        let Some(me) = LOCAL_QUEUE.with(|q| q.borrow().as_ref().map(|(me, _)| *me)) else {
            self.injector.push(p);
            self.wake_one();
            return;
        };
        if let Some(old) = self.next[me].put(p) {
            self.spill(old);
        }
    }

    /// Puts a process where idle workers can steal it, and wakes one.
    fn spill(&self, p: Arc<ProcessHandle>) {
        let p = LOCAL_QUEUE.with(|q| match &*q.borrow() {
            Some((_, w)) => {
                w.push(p);
                None
            }
            None => Some(p),
        });
        if let Some(p) = p {
            self.injector.push(p);
        }
        self.wake_one();
    }

    fn wake_one(&self) {
        std::sync::atomic::fence(Ordering::SeqCst);
        if self.sleeping.load(Ordering::SeqCst) > 0 {
            let _g = self.sleep_lock.lock().unwrap_or_else(|e| e.into_inner());
            self.sleep_cv.notify_one();
        }
    }

    fn has_work(&self) -> bool {
        if !self.injector.is_empty() {
            return true;
        }
        self.stealers
            .get()
            .is_some_and(|st| st.iter().any(|s| !s.is_empty()))
    }

    fn find_work(
        &self,
        me: usize,
        local: &Worker<Arc<ProcessHandle>>,
    ) -> Option<Arc<ProcessHandle>> {
        // Every so often the global queue goes first, so processes that
        // keep waking each other on this worker's queue cannot starve the
        // preempted, timer-woken and newly injected ones (Go's rule of 61).
        let tick = TICK.with(|t| {
            let n = t.get().wrapping_add(1);
            t.set(n);
            n
        });
        if tick % 61 == 0 {
            if let Steal::Success(p) = self.injector.steal_batch_and_pop(local) {
                return Some(p);
            }
        }
        // As often, half a period later, this worker's own queue goes
        // before `NEXT`, which two processes waking each other would
        // otherwise hold forever (the injector check above does not cover
        // it: a process that keeps re-notifying itself keeps the injector
        // non-empty).
        if tick % 61 == 0 || tick % 61 == 30 {
            if let Some(p) = local.pop() {
                return Some(p);
            }
        }
        if let Some(p) = self.next[me].take() {
            return Some(p);
        }
        if let Some(p) = local.pop() {
            return Some(p);
        }
        loop {
            let mut retry = false;
            match self.injector.steal_batch_and_pop(local) {
                Steal::Success(p) => return Some(p),
                Steal::Retry => retry = true,
                Steal::Empty => {}
            }
            let stealers: &[Stealer<_>] = self.stealers.get().map_or(&[], |v| v);
            for (i, s) in stealers.iter().enumerate() {
                if i == me {
                    continue;
                }
                match s.steal_batch_and_pop(local) {
                    Steal::Success(p) => return Some(p),
                    Steal::Retry => retry = true,
                    Steal::Empty => {}
                }
            }
            if !retry {
                return None;
            }
        }
    }

    fn worker_main(self: Arc<Self>, me: usize, queue: Worker<Arc<ProcessHandle>>) {
        LOCAL_QUEUE.with(|q| *q.borrow_mut() = Some((me, queue)));
        loop {
            if self.shutdown.load(Ordering::Relaxed) {
                return;
            }
            let p = LOCAL_QUEUE.with(|q| {
                let q = q.borrow();
                let (_, w) = q.as_ref().expect("worker queue");
                self.find_work(me, w)
            });
            match p {
                Some(p) => self.run_process(p),
                None => {
                    if !self.spin_for_work(me) {
                        self.park();
                    }
                }
            }
        }
    }

    /// Spins briefly, then yields, watching for work: a process woken by
    /// a message from another worker is usually queued within
    /// microseconds, and sleeping on the condition variable (then being
    /// woken by a system call) costs more than that. Bounded: an idle
    /// worker ends up parked.
    fn spin_for_work(&self, me: usize) -> bool {
        // (worker, occupant's sequence number, round first seen)
        let mut watch: Option<(usize, u64, u32)> = None;
        for i in 0..SPIN_ROUNDS {
            if self.has_work() || self.shutdown.load(Ordering::Relaxed) {
                return true;
            }
            if let Some(w) = self.watch_next(me, i, &mut watch) {
                if let Some(p) = self.next[w].take() {
                    // Whatever was there now (the watched process or one
                    // that replaced it) runs here.
                    if let Some(old) = self.next[me].put(p) {
                        self.spill(old);
                    }
                    return true;
                }
                watch = None;
            }
            if i < SPIN_ROUNDS / 2 {
                for _ in 0..64 {
                    std::hint::spin_loop();
                }
            } else {
                std::thread::yield_now();
            }
        }
        false
    }

    /// Watches the other workers' NEXT slots while spinning; returns the
    /// worker whose slot has held the same process for NEXT_STEAL_ROUNDS.
    fn watch_next(
        &self,
        me: usize,
        round: u32,
        watch: &mut Option<(usize, u64, u32)>,
    ) -> Option<usize> {
        if let Some((w, seq, since)) = *watch {
            if self.next[w].occupied() == Some(seq) {
                return (round - since >= NEXT_STEAL_ROUNDS).then_some(w);
            }
            *watch = None;
        }
        for (w, slot) in self.next.iter().enumerate() {
            if w != me {
                if let Some(seq) = slot.occupied() {
                    *watch = Some((w, seq, round));
                    break;
                }
            }
        }
        None
    }

    fn park(&self) {
        let g = self.sleep_lock.lock().unwrap_or_else(|e| e.into_inner());
        let n = self.sleeping.fetch_add(1, Ordering::SeqCst) + 1;
        std::sync::atomic::fence(Ordering::SeqCst);
        if self.has_work() || self.shutdown.load(Ordering::SeqCst) {
            self.sleeping.fetch_sub(1, Ordering::SeqCst);
            return;
        }
        if n == self.workers
            && self.timers.pending() == 0
            && self.io_pending.load(Ordering::SeqCst) == 0
        {
            // Every worker is idle, nothing is queued, and no timer or I/O
            // can wake anyone: no process can ever run again.
            self.sleeping.fetch_sub(1, Ordering::SeqCst);
            drop(g);
            self.report_deadlock();
            return;
        }
        let _g = self.sleep_cv.wait(g).unwrap_or_else(|e| e.into_inner());
        self.sleeping.fetch_sub(1, Ordering::SeqCst);
    }

    fn report_deadlock(&self) {
        let mut procs: Vec<(u64, &'static str)> = Vec::new();
        for s in &self.shards {
            for (id, p) in s.lock().unwrap_or_else(|e| e.into_inner()).iter() {
                procs.push((*id, *p.waiting_on.lock().unwrap_or_else(|e| e.into_inner())));
            }
        }
        procs.sort();
        let main = self.main_pid();
        let mut text = String::from("deadlock: all processes are blocked\n");
        for (id, what) in procs {
            let what = if what.is_empty() { "nothing" } else { what };
            let tag = if id == main { " (main)" } else { "" };
            text.push_str(&format!(
                "  {}{}: waiting on {}\n",
                process::pid_string(id),
                tag,
                what
            ));
        }
        self.finish(MainEnd::Deadlock(text));
    }

    fn timer_main(self: Arc<Self>) {
        while let Some((pid, id)) = self.timers.next_due() {
            if let Some(p) = self.lookup(pid) {
                if p.push_signal(Signal::Timer { id }) {
                    self.schedule(p);
                }
            }
            self.timers.fired();
        }
    }

    /// Registers a timer for process `pid`; the process gets
    /// `Signal::Timer { id }` when it is due (every `period` for tickers).
    pub fn add_timer(&self, pid: u64, after: Duration, period: Option<Duration>) -> u64 {
        let id = self.next_timer.fetch_add(1, Ordering::Relaxed);
        self.timers.add(Entry {
            due: Instant::now() + after,
            id,
            pid,
            period,
        });
        id
    }

    // ----- running a process ------------------------------------------

    fn run_process(self: &Arc<Self>, p: Arc<ProcessHandle>) {
        if p.state.load(Ordering::Acquire) == process::DEAD {
            return;
        }
        p.state.store(process::RUNNING, Ordering::Release);
        let body = p.body.lock().unwrap_or_else(|e| e.into_inner()).take();
        let mut vm = match body {
            Some(vm) => vm,
            None => match self.boot_process(&p) {
                Ok(vm) => vm,
                Err(end) => {
                    self.exit_process(&p, None, end);
                    return;
                }
            },
        };
        vm.heap.enter();
        vm.enter();
        vm.preemptible = true;
        vm.budget = SLICE;
        let outcome = local::step(&mut vm);
        match outcome {
            StepOutcome::Preempted => {
                vm.heap.leave();
                *p.body.lock().unwrap_or_else(|e| e.into_inner()) = Some(vm);
                p.state.store(process::SCHEDULED, Ordering::Release);
                // Behind everything already queued (the injector), so a
                // busy process never starves the others.
                self.injector.push(p);
                self.wake_one();
            }
            StepOutcome::Waiting => {
                let what = local::local(&mut vm).map_or("", |l| l.waiting_on);
                *p.waiting_on.lock().unwrap_or_else(|e| e.into_inner()) = what;
                vm.heap.leave();
                *p.body.lock().unwrap_or_else(|e| e.into_inner()) = Some(vm);
                if p.state
                    .compare_exchange(
                        process::RUNNING,
                        process::IDLE,
                        Ordering::AcqRel,
                        Ordering::Acquire,
                    )
                    .is_err()
                {
                    // A signal came in while it ran: go again, behind
                    // the processes already waiting.
                    p.state.store(process::SCHEDULED, Ordering::Release);
                    self.injector.push(p);
                    self.wake_one();
                }
            }
            StepOutcome::Exited(result) => {
                self.exit_process(&p, Some(vm), result);
            }
        }
    }

    fn boot_process(self: &Arc<Self>, p: &Arc<ProcessHandle>) -> Result<Box<Vm>, ExitResult> {
        let init = p
            .init
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take()
            .and_then(|b| b.downcast::<Init>().ok());
        let Some(init) = init else {
            return Err(ExitResult::failed(Message::error(boot_error(
                "process has no code".into(),
            ))));
        };
        let (mut vm, f) = (self.boot)(&init.code)
            .map_err(|e| ExitResult::failed(Message::error(boot_error(e))))?;
        vm.heap.set_min_threshold(SPAWNED_GC_MIN);
        let args = message::decode(&mut vm, &init.args);
        let seed = self.next_seed();
        match &init.code {
            Code::Module { field, .. } => {
                Local::install(&mut vm, f, Default::default(), seed);
                local::local(&mut vm).expect("installed").entry_field =
                    Some(Box::new((field.clone(), args)));
            }
            Code::Function(_) => Local::install(&mut vm, f, args, seed),
        }
        let l = local::local(&mut vm).expect("installed");
        l.me = Some(p.clone());
        // The cycle Runtime -> table -> handle -> body -> Local -> Runtime
        // is broken when the process exits (exit_process clears it).
        l.rt = Some(self.clone());
        Ok(vm)
    }

    fn exit_process(&self, p: &Arc<ProcessHandle>, vm: Option<Box<Vm>>, result: ExitResult) {
        p.state.store(process::DEAD, Ordering::Release);
        let (links, monitors, names) = {
            let mut r = p.rel.lock().unwrap_or_else(|e| e.into_inner());
            r.dead = true;
            (
                std::mem::take(&mut r.links),
                std::mem::take(&mut r.monitors),
                std::mem::take(&mut r.names),
            )
        };
        self.shard(p.id)
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&p.id);
        if !names.is_empty() {
            let mut n = self.names.lock().unwrap_or_else(|e| e.into_inner());
            for name in names {
                if n.get(&name) == Some(&p.id) {
                    n.remove(&name);
                }
            }
        }
        let report = if p.id == self.main_pid() {
            Some(main_end(&result))
        } else {
            None
        };
        let result = Arc::new(result);
        for l in links {
            self.signal(
                l,
                Signal::LinkDown {
                    from: p.id,
                    result: result.clone(),
                },
            );
        }
        for m in monitors {
            self.signal(
                m,
                Signal::Down {
                    from: p.id,
                    result: result.clone(),
                },
            );
        }
        if let Some(mut vm) = vm {
            if let Some(l) = local::local(&mut vm) {
                for id in l.timers.keys() {
                    self.timers.cancel(*id);
                }
                l.rt = None;
                l.me = None;
            }
            if report.is_some() {
                // The embedder gets the main VM back, plain again.
                vm.set_ext::<local::Local>(None);
                vm.preemptible = false;
                vm.budget = i64::MAX;
                vm.heap.leave();
                *self.main_vm.lock().unwrap_or_else(|e| e.into_inner()) = Some(vm);
            } else {
                drop(vm);
            }
        }
        // Anything that arrived after the end is dropped with the handle.
        drop(p.take_signals());
        if let Some(end) = report {
            self.finish(end);
        }
    }

    /// A fresh id for a blocking-pool job.
    pub fn next_io_id(&self) -> u64 {
        self.next_io.fetch_add(1, Ordering::Relaxed)
    }

    // ----- the process API ---------------------------------------------

    /// Delivers a signal; false when no such process is alive.
    pub fn signal(&self, to: u64, s: Signal) -> bool {
        match self.lookup(to) {
            Some(p) => {
                if p.push_signal(s) {
                    self.schedule(p);
                }
                true
            }
            None => false,
        }
    }

    /// Starts a process. With `link`/`monitor_by`, the relationship exists
    /// before the child can run, so even an immediate failure is seen.
    pub fn spawn(
        &self,
        code: Code,
        args: Message,
        link: Option<&ProcessHandle>,
        monitor_by: Option<u64>,
    ) -> u64 {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let p = Arc::new(ProcessHandle::new(id));
        {
            let mut r = p.rel.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(parent) = link {
                r.links.push(parent.id);
                parent
                    .rel
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .links
                    .push(id);
            }
            if let Some(m) = monitor_by {
                r.monitors.push(m);
            }
        }
        *p.init.lock().unwrap_or_else(|e| e.into_inner()) = Some(Box::new(Init { code, args }));
        self.insert(p.clone());
        self.schedule(p);
        id
    }

    /// Links two processes; false when `other` is not alive (the caller
    /// then gets the link-down at once).
    pub fn link(&self, me: &ProcessHandle, other: u64) -> bool {
        if other == me.id {
            return true;
        }
        let Some(o) = self.lookup(other) else {
            return false;
        };
        let mut r = o.rel.lock().unwrap_or_else(|e| e.into_inner());
        if r.dead {
            return false;
        }
        if !r.links.contains(&me.id) {
            r.links.push(me.id);
        }
        drop(r);
        let mut mine = me.rel.lock().unwrap_or_else(|e| e.into_inner());
        if !mine.links.contains(&other) {
            mine.links.push(other);
        }
        true
    }

    pub fn unlink(&self, me: &ProcessHandle, other: u64) {
        me.remove_link(other);
        if let Some(o) = self.lookup(other) {
            o.remove_link(me.id);
        }
    }

    /// Starts monitoring `other`; false when it is not alive.
    pub fn monitor(&self, me: u64, other: u64) -> bool {
        let Some(o) = self.lookup(other) else {
            return false;
        };
        let mut r = o.rel.lock().unwrap_or_else(|e| e.into_inner());
        if r.dead {
            return false;
        }
        if !r.monitors.contains(&me) {
            r.monitors.push(me);
        }
        true
    }

    pub fn demonitor(&self, me: u64, other: u64) {
        if let Some(o) = self.lookup(other) {
            let mut r = o.rel.lock().unwrap_or_else(|e| e.into_inner());
            r.monitors.retain(|&m| m != me);
        }
    }

    /// `Ok(true)` registered, `Ok(false)` already this process's name,
    /// `Err(owner)` held by another process; `Err(0)` when `pid` is dead.
    pub fn register(&self, name: &str, pid: u64) -> Result<bool, u64> {
        let Some(p) = self.lookup(pid) else {
            return Err(0);
        };
        let mut names = self.names.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(&owner) = names.get(name) {
            return if owner == pid { Ok(false) } else { Err(owner) };
        }
        let mut r = p.rel.lock().unwrap_or_else(|e| e.into_inner());
        if r.dead {
            return Err(0);
        }
        r.names.push(name.to_string());
        names.insert(name.to_string(), pid);
        Ok(true)
    }

    pub fn lookup_name(&self, name: &str) -> Option<u64> {
        self.names
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(name)
            .copied()
    }

    /// Removes `name` if `pid` holds it.
    pub fn unregister(&self, name: &str, pid: u64) -> bool {
        let mut names = self.names.lock().unwrap_or_else(|e| e.into_inner());
        if names.get(name) != Some(&pid) {
            return false;
        }
        names.remove(name);
        if let Some(p) = self.lookup(pid) {
            let mut r = p.rel.lock().unwrap_or_else(|e| e.into_inner());
            r.names.retain(|n| n != name);
        }
        true
    }

    /// Live processes (for tests and introspection).
    pub fn process_count(&self) -> usize {
        self.shards
            .iter()
            .map(|s| s.lock().unwrap_or_else(|e| e.into_inner()).len())
            .sum()
    }
}

fn boot_error(message: String) -> crate::error_value::ErrorData {
    crate::error_value::ErrorData {
        message,
        kind: "INVALID".into(),
        retryable: Some(false),
        stack: None,
    }
}

/// How the program ends when the main process ends with `r`.
fn main_end(r: &ExitResult) -> MainEnd {
    match &r.report {
        Some((message, traceback)) => MainEnd::Failed {
            message: message.clone(),
            traceback: traceback.clone(),
        },
        None => MainEnd::Returned,
    }
}
