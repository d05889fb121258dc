//! The per-process heap and its tracing collector (lgc.c's role).
//!
//! Objects are boxed and addressed by `Gc<T>` pointers that never leave the
//! heap that allocated them: a process owns its heap, nothing else points
//! into it, and messages between processes are copied (DESIGN.md). The
//! collector is a stop-the-world mark and sweep with an explicit gray stack
//! (no recursion, so arbitrarily deep structures are safe), weak tables
//! (`__mode`), ephemerons and `__gc` finalizers.
//!
//! Collection only happens at safe points chosen by the interpreter (after
//! an allocating instruction, after a native returns, in `collectgarbage`),
//! where every live value is reachable from the roots the VM hands to
//! `collect`. Natives therefore never see a collection in the middle of
//! their work, unless they call back into Lua, and then only values they
//! have put on the Lua stack are safe (see `Vm::call`).

use crate::func::{LuaClosure, NativeClosure, ProtoInst, UpVal};
use crate::string::LuaStr;
use crate::table::Table;
use crate::thread::Thread;
use crate::value::{UserData, Value};
use std::cell::Cell;
use std::ptr::NonNull;

/// Header shared by every heap object.
pub struct GcHeader {
    marked: Cell<bool>,
    /// Set on tables/userdata whose metatable had `__gc` when it was set.
    finalize: Cell<bool>,
    /// Open upvalues only: created, or reached through a closure, since the
    /// last collection that found its thread unreachable (`remark_upvals`).
    touched: Cell<bool>,
}

#[repr(C)]
pub struct GcBox<T: ?Sized> {
    header: GcHeader,
    value: T,
}

/// A pointer to an object in a process heap.
pub struct Gc<T>(NonNull<GcBox<T>>);

/// Short strings shared by every heap: metamethod names and the names in
/// the library templates (`print`, `format`, `__index`...). Made once,
/// never freed, permanently marked (the collector neither marks nor sweeps
/// them, so no thread ever writes to them); `Heap::intern` returns these
/// before its own, so a name is one object everywhere and a process pays
/// nothing for the names it uses.
struct StaticStrings(hashbrown::HashTable<Gc<LuaStr>>, Vec<Gc<LuaStr>>);

// SAFETY: the strings are immutable and their headers are never written
// (see above).
unsafe impl Sync for StaticStrings {}
unsafe impl Send for StaticStrings {}

static STATIC_STRINGS: std::sync::OnceLock<StaticStrings> = std::sync::OnceLock::new();
static STATIC_NAMES: std::sync::OnceLock<fn() -> Vec<&'static [u8]>> = std::sync::OnceLock::new();

/// Names the embedder wants shared (its library templates). Must be set
/// before the first heap interns a string; returns false when too late
/// (the set is frozen at first use, so a name is never both shared and
/// per-heap).
pub fn set_static_names(names: fn() -> Vec<&'static [u8]>) -> bool {
    STATIC_NAMES.set(names).is_ok() && STATIC_STRINGS.get().is_none()
}

fn static_strings() -> &'static hashbrown::HashTable<Gc<LuaStr>> {
    &static_set().0
}

/// The name of metamethod `i` (`Tm as usize`): one shared string.
#[inline(always)]
pub fn tm_name(i: usize) -> Value {
    Value::Str(static_set().1[i])
}

#[inline(always)]
fn static_set() -> &'static StaticStrings {
    STATIC_STRINGS.get_or_init(|| {
        let mut names: Vec<&'static [u8]> =
            crate::meta::TM_NAMES.iter().map(|n| n.as_bytes()).collect();
        if let Some(f) = STATIC_NAMES.get() {
            names.extend(f());
        }
        let mut t = hashbrown::HashTable::new();
        for n in names {
            if n.len() > crate::string::MAX_SHORT {
                continue;
            }
            let h = crate::string::hash_bytes(n);
            if t.find(h, |s: &Gc<LuaStr>| s.get().as_bytes() == n)
                .is_some()
            {
                continue;
            }
            let b = Box::new(GcBox {
                header: GcHeader {
                    marked: Cell::new(true),
                    finalize: Cell::new(false),
                    touched: Cell::new(false),
                },
                value: LuaStr::new(n.into()),
            });
            let g = Gc(NonNull::from(Box::leak(b)));
            t.insert_unique(h, g, |s| s.get().hash());
        }
        let tm = crate::meta::TM_NAMES
            .iter()
            .map(|n| {
                let h = crate::string::hash_bytes(n.as_bytes());
                *t.find(h, |s: &Gc<LuaStr>| s.get().as_bytes() == n.as_bytes())
                    .expect("metamethod names are static")
            })
            .collect();
        StaticStrings(t, tm)
    })
}

impl<T> Clone for Gc<T> {
    #[inline(always)]
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Gc<T> {}

impl<T> PartialEq for Gc<T> {
    #[inline(always)]
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}
impl<T> Eq for Gc<T> {}

impl<T> std::fmt::Debug for Gc<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:p}", self.0.as_ptr())
    }
}

impl<T> Gc<T> {
    /// Shared access.
    #[inline(always)]
    pub fn get(&self) -> &T {
        // SAFETY: the object is alive while reachable (the collector only
        // frees unreachable objects, at safe points), and a heap is used by
        // one thread at a time.
        unsafe { &(*self.0.as_ptr()).value }
    }

    /// Mutable access. Callers must not hold another reference to the same
    /// object across this borrow (the VM touches one object at a time).
    #[inline(always)]
    #[allow(clippy::mut_from_ref)]
    pub fn get_mut(&self) -> &mut T {
        // SAFETY: as `get`; exclusivity is the caller's discipline.
        unsafe { &mut (*self.0.as_ptr()).value }
    }

    #[inline(always)]
    fn header(&self) -> &GcHeader {
        // SAFETY: as `get`.
        unsafe { &(*self.0.as_ptr()).header }
    }

    #[inline(always)]
    pub fn addr(&self) -> usize {
        self.0.as_ptr() as usize
    }

    pub fn is_marked(&self) -> bool {
        self.header().marked.get()
    }
}

/// A type-erased reference to any heap object, for the object list and the
/// gray stack.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum GcRef {
    Str(Gc<LuaStr>),
    Table(Gc<Table>),
    LuaFn(Gc<LuaClosure>),
    Native(Gc<NativeClosure>),
    Proto(Gc<ProtoInst>),
    UpVal(Gc<UpVal>),
    Thread(Gc<Thread>),
    UserData(Gc<UserData>),
}

impl GcRef {
    fn header(&self) -> &GcHeader {
        match self {
            GcRef::Str(g) => g.header(),
            GcRef::Table(g) => g.header(),
            GcRef::LuaFn(g) => g.header(),
            GcRef::Native(g) => g.header(),
            GcRef::Proto(g) => g.header(),
            GcRef::UpVal(g) => g.header(),
            GcRef::Thread(g) => g.header(),
            GcRef::UserData(g) => g.header(),
        }
    }

    /// Frees the object.
    ///
    /// # Safety
    /// The object must be unreachable and not freed before.
    unsafe fn free(self) {
        // SAFETY: every object was created by `Box::into_raw` in `Heap::alloc`.
        unsafe {
            match self {
                GcRef::Str(g) => drop(Box::from_raw(g.0.as_ptr())),
                GcRef::Table(g) => drop(Box::from_raw(g.0.as_ptr())),
                GcRef::LuaFn(g) => drop(Box::from_raw(g.0.as_ptr())),
                GcRef::Native(g) => drop(Box::from_raw(g.0.as_ptr())),
                GcRef::Proto(g) => drop(Box::from_raw(g.0.as_ptr())),
                GcRef::UpVal(g) => drop(Box::from_raw(g.0.as_ptr())),
                GcRef::Thread(g) => drop(Box::from_raw(g.0.as_ptr())),
                GcRef::UserData(g) => drop(Box::from_raw(g.0.as_ptr())),
            }
        }
    }

    /// Approximate bytes held by the object, for `collectgarbage("count")`
    /// and pacing.
    fn size(&self) -> usize {
        match self {
            GcRef::Str(g) => std::mem::size_of::<GcBox<LuaStr>>() + g.get().len(),
            GcRef::Table(g) => std::mem::size_of::<GcBox<Table>>() + g.get().heap_size(),
            GcRef::LuaFn(g) => std::mem::size_of::<GcBox<LuaClosure>>() + g.get().upvals.len() * 8,
            GcRef::Native(g) => {
                std::mem::size_of::<GcBox<NativeClosure>>() + g.get().upvals.len() * 16
            }
            GcRef::Proto(g) => std::mem::size_of::<GcBox<ProtoInst>>() + g.get().heap_size(),
            GcRef::UpVal(_) => std::mem::size_of::<GcBox<UpVal>>(),
            GcRef::Thread(g) => std::mem::size_of::<GcBox<Thread>>() + g.get().heap_size(),
            GcRef::UserData(g) => {
                std::mem::size_of::<GcBox<UserData>>() + std::mem::size_of_val(&*g.get().data)
            }
        }
    }
}

/// Things that can be turned into a `GcRef` for allocation bookkeeping.
pub trait Collectable: Sized {
    fn wrap(g: Gc<Self>) -> GcRef;
}
macro_rules! collectable {
    ($t:ty, $v:ident) => {
        impl Collectable for $t {
            fn wrap(g: Gc<Self>) -> GcRef {
                GcRef::$v(g)
            }
        }
    };
}
collectable!(LuaStr, Str);
collectable!(Table, Table);
collectable!(LuaClosure, LuaFn);
collectable!(NativeClosure, Native);
collectable!(ProtoInst, Proto);
collectable!(UpVal, UpVal);
collectable!(Thread, Thread);
collectable!(UserData, UserData);

thread_local! {
    /// Bytes allocated by the heap currently running on this thread since its
    /// last collection. Tables add their growth here without needing a heap
    /// reference; `Heap::enter`/`Heap::leave` move the count in and out when
    /// a process starts or stops running on a thread.
    static DEBT: Cell<usize> = const { Cell::new(0) };
}

/// Records `bytes` of fresh allocation against the running heap.
#[inline(always)]
pub fn note_alloc(bytes: usize) {
    DEBT.with(|d| d.set(d.get().wrapping_add(bytes)));
}

#[inline(always)]
pub fn debt() -> usize {
    DEBT.with(|d| d.get())
}

pub struct Heap {
    /// Unique per heap for the life of the program (lazy tables check it).
    pub id: u64,
    objects: Vec<GcRef>,
    /// The short-string intern table (weak: swept with the strings).
    strings: hashbrown::HashTable<Gc<LuaStr>>,
    /// Objects with a `__gc` metamethod, not yet found unreachable.
    finobj: Vec<GcRef>,
    /// Unreachable finalizable objects whose `__gc` is due (kept alive until
    /// it has run).
    pub tobefnz: Vec<GcRef>,
    gray: Vec<GcRef>,
    weak: Vec<Gc<Table>>,
    /// Prototype instances holding a cached closure (weak, cleared by
    /// the collector: see `ProtoInst::cache`).
    pub cached_protos: Vec<Gc<crate::func::ProtoInst>>,
    /// Threads that may have open upvalues (the reference's `twups`), for
    /// `remark_upvals`.
    twups: Vec<Gc<Thread>>,
    /// Marking has reached the atomic part of the cycle: closures no longer
    /// touch their open upvalues.
    atomic: bool,
    /// Bytes live after the last collection.
    pub live: usize,
    /// Collect when the debt passes this.
    pub threshold: usize,
    /// `collectgarbage("stop")` sets this.
    pub stopped: bool,
    /// Work asked by `collectgarbage("step")` while stopped, since the last
    /// cycle: a stopped collector counts only that, not allocation (the
    /// reference keeps its debt near zero while stopped).
    pub step_work: usize,
    /// Debt saved while the heap is not running on a thread.
    saved_debt: usize,
    /// The least growth that triggers a cycle. Spawned processes use a
    /// small one: ten thousand processes each keeping 256 KB of garbage
    /// would hold gigabytes.
    pub min_threshold: usize,
    /// Pause percentage (collectgarbage "setpause"), 200 as the reference.
    pub pause: usize,
    pub stepmul: usize,
}

// SAFETY: a heap is owned by one process; its objects are only reached from
// that process's VM, which runs on one thread at a time.
unsafe impl Send for Heap {}

impl Default for Heap {
    fn default() -> Self {
        Self::new()
    }
}

impl Heap {
    pub fn new() -> Heap {
        static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        Heap {
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            objects: Vec::new(),
            strings: hashbrown::HashTable::new(),
            finobj: Vec::new(),
            tobefnz: Vec::new(),
            gray: Vec::new(),
            weak: Vec::new(),
            cached_protos: Vec::new(),
            twups: Vec::new(),
            atomic: false,
            live: 0,
            threshold: 256 * 1024,
            min_threshold: 256 * 1024,
            stopped: false,
            step_work: 0,
            saved_debt: 0,
            pause: 200,
            stepmul: 200,
        }
    }

    /// Sets the least growth between cycles (and the first cycle's).
    pub fn set_min_threshold(&mut self, bytes: usize) {
        self.min_threshold = bytes;
        self.threshold = bytes;
    }

    /// Objects the heap holds (footprint measurements).
    pub fn object_count(&self) -> usize {
        self.objects.len()
    }

    /// Called when this heap starts running on the current thread.
    pub fn enter(&mut self) {
        DEBT.with(|d| d.set(self.saved_debt));
    }

    /// Called when this heap stops running on the current thread.
    pub fn leave(&mut self) {
        self.saved_debt = debt();
    }

    pub fn alloc<T: Collectable>(&mut self, value: T) -> Gc<T> {
        let b = Box::new(GcBox {
            header: GcHeader {
                marked: Cell::new(false),
                finalize: Cell::new(false),
                // A new open upvalue counts as touched (luaF_findupval).
                touched: Cell::new(true),
            },
            value,
        });
        note_alloc(std::mem::size_of::<GcBox<T>>());
        // SAFETY: Box::into_raw never returns null.
        let g = Gc(unsafe { NonNull::new_unchecked(Box::into_raw(b)) });
        self.objects.push(T::wrap(g));
        g
    }

    /// A string with these bytes: short strings are interned, so each
    /// distinct short string exists once per heap.
    pub fn intern(&mut self, b: &[u8]) -> Gc<LuaStr> {
        if b.len() > crate::string::MAX_SHORT {
            return self.alloc(LuaStr::new(b.into()));
        }
        let h = crate::string::hash_bytes(b);
        if let Some(s) = static_strings().find(h, |s| s.get().as_bytes() == b) {
            return *s;
        }
        if let Some(s) = self.strings.find(h, |s| s.get().as_bytes() == b) {
            return *s;
        }
        let s = self.alloc(LuaStr::new(b.into()));
        self.strings.insert_unique(h, s, |s| s.get().hash());
        s
    }

    /// As `intern`, taking ownership of the bytes.
    pub fn intern_owned(&mut self, b: Vec<u8>) -> Gc<LuaStr> {
        if b.len() > crate::string::MAX_SHORT {
            return self.alloc(LuaStr::new(b.into_boxed_slice()));
        }
        self.intern(&b)
    }

    /// Total bytes in use, as `collectgarbage("count")` reports them.
    pub fn total_bytes(&self) -> usize {
        self.live + debt()
    }

    #[inline(always)]
    pub fn should_collect(&self) -> bool {
        !self.stopped && debt() > self.threshold
    }

    /// Flags `obj` as having a finalizer (setmetatable with `__gc`).
    pub fn set_finalizer(&mut self, obj: GcRef) {
        let h = obj.header();
        if !h.finalize.get() {
            h.finalize.set(true);
            self.finobj.push(obj);
        }
    }

    #[inline]
    pub fn mark_value(&mut self, v: Value) {
        if let Some(r) = v.gc_ref() {
            self.mark(r);
        }
    }

    #[inline]
    pub fn mark(&mut self, r: GcRef) {
        let h = r.header();
        if !h.marked.get() {
            h.marked.set(true);
            match r {
                // Strings have no children: no need to gray them.
                GcRef::Str(_) => {}
                _ => self.gray.push(r),
            }
        }
    }

    fn propagate(&mut self) {
        while let Some(r) = self.gray.pop() {
            match r {
                GcRef::Str(_) => {}
                GcRef::Table(t) => {
                    let tab = t.get();
                    if let Some(mt) = tab.meta {
                        self.mark(GcRef::Table(mt));
                    }
                    let (wk, wv) = tab.weak_mode();
                    if wk || wv {
                        self.weak.push(t);
                        if wk && !wv {
                            // Ephemeron: values are marked in `converge`.
                            continue;
                        }
                        if wk && wv {
                            continue;
                        }
                        // Weak values only: keys are strong.
                        for (k, _) in tab.iter_all() {
                            self.mark_value(k);
                        }
                        continue;
                    }
                    for (k, v) in tab.iter_all() {
                        self.mark_value(k);
                        self.mark_value(v);
                    }
                }
                GcRef::LuaFn(f) => {
                    let f = f.get();
                    self.mark(GcRef::Proto(f.proto));
                    for u in f.upvals.iter() {
                        if !self.atomic && matches!(u.get(), UpVal::Open { .. }) {
                            u.header().touched.set(true);
                        }
                        self.mark(GcRef::UpVal(*u));
                    }
                }
                GcRef::Native(f) => {
                    for v in f.get().upvals.iter() {
                        self.mark_value(*v);
                    }
                }
                GcRef::Proto(p) => {
                    let p = p.get();
                    for v in p.consts.iter() {
                        self.mark_value(*v);
                    }
                    for c in p.children.iter() {
                        if let Some(c) = c.get() {
                            self.mark(GcRef::Proto(c));
                        }
                    }
                }
                GcRef::UpVal(u) => match u.get() {
                    UpVal::Open { thread, .. } => self.mark(GcRef::Thread(*thread)),
                    UpVal::Closed(v) => self.mark_value(*v),
                },
                GcRef::Thread(th) => {
                    let th = th.get();
                    for v in th.stack.iter() {
                        self.mark_value(*v);
                    }
                    for u in th.open_upvals.iter() {
                        self.mark(GcRef::UpVal(*u));
                    }
                    if let Some(h) = &th.hook {
                        self.mark_value(h.func);
                    }
                }
                GcRef::UserData(u) => {
                    let u = u.get();
                    if let Some(mt) = u.meta {
                        self.mark(GcRef::Table(mt));
                    }
                    self.mark_value(u.user_value);
                    if let Some(trace) = u.trace {
                        let mut held = Vec::new();
                        trace(&*u.data, &mut |v| held.push(v));
                        for v in held {
                            self.mark_value(v);
                        }
                    }
                }
            }
        }
    }

    /// Records that `th` has open upvalues (luaF_findupval links the
    /// thread into `twups`).
    pub fn note_open_upvals(&mut self, th: Gc<Thread>) {
        let t = th.get_mut();
        if !t.in_twups {
            t.in_twups = true;
            self.twups.push(th);
        }
    }

    /// As remarkupvals (lgc.c): an unreachable thread's open upvalues that
    /// were touched since its last such visit keep their values alive for
    /// this cycle. So a thread whose suspended frame holds, in an upvalue,
    /// a finalizable object pointing back at the thread takes two cycles
    /// to collect, as in the reference. Threads found unmarked, or with no
    /// open upvalue left, leave the list.
    fn remark_upvals(&mut self) {
        let mut keep = Vec::with_capacity(self.twups.len());
        for th in std::mem::take(&mut self.twups) {
            let t = th.get_mut();
            if th.header().marked.get() && !t.open_upvals.is_empty() {
                keep.push(th);
                continue;
            }
            t.in_twups = false;
            for u in t.open_upvals.iter() {
                if u.header().touched.replace(false) {
                    if let UpVal::Open { idx, .. } = u.get() {
                        if let Some(v) = t.stack.get(*idx) {
                            self.mark_value(*v);
                        }
                    }
                }
            }
        }
        self.twups = keep;
    }

    /// Marks ephemeron values whose keys are marked, until nothing changes.
    fn converge(&mut self) {
        loop {
            self.propagate();
            let mut changed = false;
            let weak = std::mem::take(&mut self.weak);
            for t in weak.iter() {
                let (wk, wv) = t.get().weak_mode();
                if wk && !wv {
                    for (k, v) in t.get().iter_all() {
                        if is_alive(k) && !is_alive(v) {
                            self.mark_value(v);
                            changed = true;
                        }
                    }
                }
            }
            self.weak.extend(weak);
            if !changed && self.gray.is_empty() {
                break;
            }
        }
    }

    /// A full collection. `mark_roots` must mark every root (stacks, the
    /// registry, metatables); it is called with this heap.
    pub fn collect(&mut self, mark_roots: &mut dyn FnMut(&mut Heap)) {
        self.weak.clear();
        self.atomic = false;
        mark_roots(self);
        // Pending finalizers keep their objects alive until they have run.
        for r in self.tobefnz.clone() {
            self.mark(r);
        }
        self.propagate();
        self.atomic = true;
        self.remark_upvals();
        self.converge();
        // Separate unreachable finalizable objects and resurrect them,
        // keeping registration order (finalizers run newest first).
        let (newly, alive): (Vec<GcRef>, Vec<GcRef>) = std::mem::take(&mut self.finobj)
            .into_iter()
            .partition(|r| !r.header().marked.get());
        self.finobj = alive;
        // Clear weak values before resurrection (as the reference: values of
        // resurrected objects are removed from weak-value tables first).
        for t in self.weak.clone() {
            t.get_mut().clear_weak(false, true);
        }
        for r in newly.iter() {
            self.mark(*r);
        }
        self.converge();
        // Finalizers still pending from an earlier cycle (one raised an
        // error) run before the new ones: `tobefnz` is popped from the end.
        let pending = std::mem::replace(&mut self.tobefnz, newly);
        self.tobefnz.extend(pending);
        for t in std::mem::take(&mut self.weak) {
            t.get_mut().clear_weak(true, true);
        }
        // Closure caches are weak: a cached closure nothing else reaches
        // is dropped from its prototype before the sweep frees it.
        self.cached_protos.retain(|p| {
            if !p.is_marked() {
                return false;
            }
            match p.get().cache.get() {
                Some(c) if c.is_marked() => true,
                Some(_) => {
                    p.get().cache.set(None);
                    false
                }
                None => false,
            }
        });
        // Sweep: dead short strings leave the intern table first.
        self.strings.retain(|s| s.is_marked());
        let mut live = 0;
        self.objects.retain(|r| {
            let h = r.header();
            if h.marked.get() {
                h.marked.set(false);
                live += r.size();
                true
            } else {
                // SAFETY: unmarked after a full mark means unreachable; each
                // object is in `objects` exactly once.
                unsafe { r.free() };
                false
            }
        });
        self.live = live;
        self.step_work = 0;
        DEBT.with(|d| d.set(0));
        // The next cycle starts when the heap has grown to `pause`% of the
        // live size (the debt counts only growth), as the reference paces.
        self.threshold = (live / 100 * self.pause)
            .saturating_sub(live)
            .max(self.min_threshold);
    }

    /// Takes every object with a pending finalizer, for `lua_close`.
    pub fn all_finalizable(&mut self) -> Vec<GcRef> {
        let mut all: Vec<GcRef> = std::mem::take(&mut self.tobefnz);
        let mut rest = std::mem::take(&mut self.finobj);
        rest.reverse();
        all.extend(rest);
        all
    }
}

impl Drop for Heap {
    fn drop(&mut self) {
        for r in self.objects.drain(..) {
            // SAFETY: the heap owns every object; after drop nothing can
            // reach them.
            unsafe { r.free() };
        }
    }
}

/// Whether a value survives this collection (non-collectable values and
/// strings always do, as in the reference's `iscleared`).
pub fn is_alive(v: Value) -> bool {
    match v.gc_ref() {
        None => true,
        Some(GcRef::Str(s)) => {
            // Strings are values: never removed from weak tables. Mark it.
            s.header().marked.set(true);
            true
        }
        Some(r) => r.header().marked.get(),
    }
}

impl GcRef {
    pub fn as_value(self) -> Value {
        match self {
            GcRef::Str(g) => Value::Str(g),
            GcRef::Table(g) => Value::Table(g),
            GcRef::LuaFn(g) => Value::LuaFn(g),
            GcRef::Native(g) => Value::Native(g),
            GcRef::Thread(g) => Value::Thread(g),
            GcRef::UserData(g) => Value::UserData(g),
            GcRef::Proto(_) | GcRef::UpVal(_) => Value::Nil,
        }
    }
}
