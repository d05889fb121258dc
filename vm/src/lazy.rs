//! Library tables built on demand. A process's global environment and
//! standard library are described once, statically, by [`Template`]s; a
//! process starts with empty tables marked lazy and materialises an entry
//! the first time it is looked up (the key's string, the function, a
//! nested library table), and the whole table the first time it is
//! traversed. Lua code cannot tell: a key assigned or removed before it was
//! ever read is marked taken so the template never brings it back.
//!
//! This is what keeps a fresh process small: a process that only uses
//! `process.inbox` pays for those two entries, not for the whole library.
//!
//! Materialising needs the VM (to intern strings and build tables); table
//! lookups do not carry it, so the running VM registers itself in a
//! thread-local ([`Vm::enter`]) and each lazy table remembers the id of
//! its heap: a lookup from anywhere else finds nothing rather than
//! allocating in the wrong heap.

use crate::func::NativeFn;
use crate::gc::Gc;
use crate::table::Table;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::Cell;

/// One entry's value in a template.
pub enum TValue {
    Fn(NativeFn),
    Int(i64),
    Float(f64),
    Bool(bool),
    Str(&'static str),
    /// A string that is not UTF-8.
    Bytes(&'static [u8]),
    /// Another library table (one per process: every reference to it,
    /// whatever the path, is the same table).
    Lib(&'static Template),
    /// Built by a function when first needed (closures with upvalues,
    /// userdata, the globals table itself).
    Build(fn(&mut Vm) -> Value),
}

/// A library table's contents. At most 64 entries.
pub struct Template {
    pub name: &'static str,
    pub entries: &'static [(&'static str, TValue)],
    /// Run once when the process's table for this template is created,
    /// for contents that must exist from the start (a metatable, entries
    /// shared with the registry).
    pub init: Option<fn(&mut Vm, Gc<Table>)>,
}

/// The lazy state of a table: its template, which entries have been
/// materialised (or overridden), and its heap.
pub struct Lazy {
    pub tpl: &'static Template,
    pub taken: u64,
    pub heap_id: u64,
}

thread_local! {
    /// The VM running on this thread and its heap's id.
    static CURRENT: Cell<(*mut Vm, u64)> = const { Cell::new((std::ptr::null_mut(), 0)) };
}

/// Runs `f` with the current VM when it owns the heap `heap_id`.
pub(crate) fn with_vm<R>(heap_id: u64, f: impl FnOnce(&mut Vm) -> R) -> Option<R> {
    let (p, id) = CURRENT.with(|c| c.get());
    if p.is_null() || id != heap_id {
        return None;
    }
    // SAFETY: `Vm::enter` registered this address for this heap, and every
    // way into the VM (running code, the accessors embedders use) enters
    // again first, so the address is current whenever a table of this heap
    // is looked up.
    Some(f(unsafe { &mut *p }))
}

/// The template entry for a string key.
pub(crate) fn find_entry(tpl: &Template, key: &[u8]) -> Option<usize> {
    tpl.entries
        .iter()
        .position(|(name, _)| name.len() == key.len() && name.as_bytes() == key)
}

/// The value of template entry `i` in `vm`'s heap.
/// `key`, when given, is the entry's name as a string of this heap.
pub(crate) fn materialize(
    vm: &mut Vm,
    tpl: &Template,
    i: usize,
    key: Option<Value>,
) -> (Value, Value) {
    let (name, tv) = &tpl.entries[i];
    let v = match tv {
        TValue::Fn(f) => Value::LightFn(*f),
        TValue::Int(n) => Value::Int(*n),
        TValue::Float(x) => Value::Float(*x),
        TValue::Bool(b) => Value::Bool(*b),
        TValue::Str(s) => vm.new_str(s),
        TValue::Bytes(b) => vm.new_str(b),
        TValue::Lib(t) => Value::Table(vm.lib_table(t)),
        TValue::Build(f) => f(vm),
    };
    (key.unwrap_or_else(|| vm.new_str(name)), v)
}

impl Vm {
    /// This process's table for `tpl`: created lazy on first request, then
    /// the same table every time.
    pub fn lib_table(&mut self, tpl: &'static Template) -> Gc<Table> {
        self.enter();
        let key = tpl as *const Template as usize;
        if let Some((_, t)) = self.libs.iter().find(|(k, _)| *k == key) {
            return *t;
        }
        debug_assert!(tpl.entries.len() <= 64, "template {} too large", tpl.name);
        let mut t = Table::new(0, 0);
        t.make_lazy(tpl, self.heap.id);
        let g = self.heap.alloc(t);
        self.libs.push((key, g));
        if let Some(init) = tpl.init {
            init(self, g);
        }
        g
    }

    /// Makes `t` (an existing, empty table such as the globals) follow
    /// `tpl`, and remembers it as this process's table for `tpl`.
    pub fn adopt_lib(&mut self, t: Gc<Table>, tpl: &'static Template) {
        self.enter();
        t.get_mut().make_lazy(tpl, self.heap.id);
        self.libs.push((tpl as *const Template as usize, t));
        if let Some(init) = tpl.init {
            init(self, t);
        }
    }

    /// This process's table for the template at address `tpl`, if made.
    pub(crate) fn lib_of_template(&self, tpl: usize) -> Option<Gc<Table>> {
        self.libs.iter().find(|(k, _)| *k == tpl).map(|(_, g)| *g)
    }

    /// The library table at address `t`, if it is one of this process's.
    pub(crate) fn lib_of(&self, t: *const Table) -> Option<Gc<Table>> {
        self.libs
            .iter()
            .find(|(_, g)| std::ptr::eq(g.get() as *const Table, t))
            .map(|(_, g)| *g)
    }

    /// Registers this VM as the one running on this thread (lazy tables
    /// materialise into it). Called on every entry into the VM.
    #[inline]
    pub fn enter(&mut self) {
        let id = self.heap.id;
        CURRENT.with(|c| c.set((self as *mut Vm, id)));
    }
}
