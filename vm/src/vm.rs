//! `Vm`: the state of one process (lstate.c's global_State plus the
//! running thread), and the API natives use: allocation, tables with
//! metamethods, `tostring`, calls back into Lua.

use crate::error::LuaError;
use crate::func::{LuaClosure, NativeClosure, NativeFn, ProtoInst, UpVal, Vals};
use crate::gc::{Gc, GcRef, Heap};
use crate::meta::{Tm, fast_tm};
use crate::proto::{Constant, Proto};
use crate::table::{KeyError, Table};
use crate::thread::{CoStatus, Thread};
use crate::value::{UserData, Value};
use std::cell::Cell;
use std::sync::Arc;

/// Frames allowed in one thread (the reference's LUAI_MAXSTACK counts
/// slots; frames are the better measure for a stackless VM).
pub const MAX_FRAMES: usize = 200_000;
/// Stack slots allowed in one thread (LUAI_MAXSTACK).
pub const MAX_STACK: usize = 1_000_000;
/// Nested re-entries of the VM from natives (LUAI_MAXCCALLS).
pub const MAX_C_DEPTH: u32 = 200;
/// Slots a native may use above its arguments (LUA_MINSTACK), plus the
/// reference's EXTRA_STACK: a native is called only when they fit under
/// `MAX_STACK` (luaD_precall's checkstackp).
pub const NATIVE_ROOM: usize = 20 + 5;

/// Indexes into `Vm::type_metas` for the basic types that share one
/// metatable per type.
#[derive(Clone, Copy)]
pub enum BasicType {
    Nil = 0,
    Bool,
    Number,
    Str,
    Function,
    Thread,
    LightUserData,
}

pub struct Vm {
    pub heap: Heap,
    pub main: Gc<Thread>,
    /// The running thread.
    pub cur: Gc<Thread>,
    pub globals: Gc<Table>,
    pub registry: Gc<Table>,
    /// Metatables of non-table types (`string` has one by default).
    pub type_metas: [Option<Gc<Table>>; 7],
    /// Native re-entries of `execute` in progress.
    pub c_depth: u32,
    /// Message handlers running (each may exceed the stack limits a bit).
    pub error_handling: usize,
    /// Reductions left before preemption (when `preemptible`).
    pub budget: i64,
    pub preemptible: bool,
    /// The traceback captured when an error escaped to the top level.
    pub last_traceback: Option<String>,
    /// The resume chain: each entry resumed the thread after it (the last
    /// one resumed `cur`).
    pub resumers: Vec<Gc<Thread>>,
    /// Debug hook state (debug.sethook).
    pub hook: Option<crate::debuginfo::Hook>,
    pub in_hook: bool,
    /// The instruction about to run already had its line/count hook.
    pub hook_skip: bool,
    /// Frame index of the running hook function (getinfo names it `hook`).
    pub hook_frame: Option<usize>,
    /// The frame that was running when the finalizers now running were
    /// called: getinfo names it `__gc` (CIST_FIN marks the caller's
    /// CallInfo in the reference, not the finalizer's).
    pub fin_frame: Option<(Gc<Thread>, usize)>,
    /// Stack slots kept below the function `run_main` calls. The `wlua`
    /// command sets lua.c's five (the base frame's dummy function, pmain,
    /// its two arguments, the message handler), so limits that count
    /// slots (`table.unpack`, stack overflow) fall where lua5.3's do.
    pub main_base: usize,
    /// Extension slot for the embedding (the process runtime's state); the
    /// collector marks the values it reports as roots. Set through
    /// `set_ext`, read through `ext_mut`.
    ext: Option<Box<dyn Extension>>,
    /// The concrete type in `ext`, so `ext_mut` can cast without a
    /// virtual call (natives look the process state up several times per
    /// message).
    ext_type: Option<std::any::TypeId>,
    /// Set by a native returning `Ret::Block` while the VM unwinds to the
    /// embedder (`Exit::Blocked`).
    pub(crate) blocked: bool,
    /// This process's library tables, by template (lazy.rs).
    pub(crate) libs: Vec<(usize, Gc<Table>)>,
}

/// State an embedder hangs on a VM (`Vm::set_ext`). It may hold heap
/// values; `trace` reports them so the collector keeps them alive.
pub trait Extension: std::any::Any + Send {
    fn trace(&self, mark: &mut dyn FnMut(Value));
}

// SAFETY: every pointer in a Vm points into its own heap; the Vm is moved
// between threads only as a whole (a process stolen by another worker).
unsafe impl Send for Vm {}

impl Default for Vm {
    fn default() -> Self {
        Self::new()
    }
}

impl Vm {
    pub fn new() -> Vm {
        let mut heap = Heap::new();
        heap.enter();
        let main = heap.alloc(Thread::new());
        main.get_mut().status = CoStatus::Running;
        let globals = heap.alloc(Table::new(0, 0));
        let registry = heap.alloc(Table::new(2, 0));
        let vm = Vm {
            heap,
            main,
            cur: main,
            globals,
            registry,
            type_metas: [None; 7],
            c_depth: 0,
            error_handling: 0,
            budget: i64::MAX,
            preemptible: false,
            last_traceback: None,
            resumers: Vec::new(),
            hook: None,
            in_hook: false,
            hook_skip: false,
            hook_frame: None,
            fin_frame: None,
            main_base: 0,
            ext: None,
            ext_type: None,
            blocked: false,
            libs: Vec::new(),
        };
        // registry[1] = main thread, registry[2] = globals (LUA_RIDX_*).
        let r = vm.registry.get_mut();
        r.set_int(1, Value::Thread(main));
        r.set_int(2, Value::Table(globals));
        vm
    }

    // ----- allocation -------------------------------------------------

    pub fn new_str(&mut self, s: impl AsRef<[u8]>) -> Value {
        Value::Str(self.heap.intern(s.as_ref()))
    }

    pub fn new_str_owned(&mut self, s: Vec<u8>) -> Value {
        Value::Str(self.heap.intern_owned(s))
    }

    pub fn new_table(&mut self) -> Gc<Table> {
        self.heap.alloc(Table::new(0, 0))
    }

    pub fn new_table_sized(&mut self, narr: usize, nhash: usize) -> Gc<Table> {
        self.heap.alloc(Table::new(narr, nhash))
    }

    pub fn new_native(&mut self, f: NativeFn, upvals: Vec<Value>) -> Value {
        Value::Native(self.heap.alloc(NativeClosure {
            f,
            upvals: upvals.into_boxed_slice(),
        }))
    }

    pub fn new_userdata(
        &mut self,
        data: Box<dyn std::any::Any + Send>,
        meta: Option<Gc<Table>>,
    ) -> Value {
        // The boxed data counts towards the heap's size, so a process that
        // makes many userdata objects (messages) collects as often as one
        // making tables of the same size.
        crate::gc::note_alloc(std::mem::size_of_val(&*data));
        Value::UserData(self.heap.alloc(UserData {
            meta,
            user_value: Value::Nil,
            data,
            trace: None,
        }))
    }

    /// Installs (or, with `None`, removes) the embedding's extension.
    pub fn set_ext<T: Extension + 'static>(&mut self, ext: Option<Box<T>>) {
        self.ext_type = ext.as_ref().map(|_| std::any::TypeId::of::<T>());
        self.ext = ext.map(|e| e as Box<dyn Extension>);
    }

    /// The extension, if it is a `T`.
    #[inline]
    pub fn ext_mut<T: Extension + 'static>(&mut self) -> Option<&mut T> {
        if self.ext_type != Some(std::any::TypeId::of::<T>()) {
            return None;
        }
        let e: &mut dyn Extension = self.ext.as_deref_mut()?;
        // SAFETY: `ext_type` records the concrete type `set_ext` boxed, and
        // `ext` changes only there.
        Some(unsafe { &mut *(e as *mut dyn Extension as *mut T) })
    }

    /// A userdata whose `data` holds heap values, reported by `trace`.
    pub fn new_userdata_traced(
        &mut self,
        data: Box<dyn std::any::Any + Send>,
        meta: Option<Gc<Table>>,
        trace: fn(&dyn std::any::Any, &mut dyn FnMut(Value)),
    ) -> Value {
        crate::gc::note_alloc(std::mem::size_of_val(&*data));
        Value::UserData(self.heap.alloc(UserData {
            meta,
            user_value: Value::Nil,
            data,
            trace: Some(trace),
        }))
    }

    pub fn new_thread(&mut self, f: Value) -> Gc<Thread> {
        let mut th = Thread::new();
        th.stack.push(f);
        th.top = 1;
        self.heap.alloc(th)
    }

    /// Instantiates a prototype in this heap (constants as values).
    pub fn instantiate(&mut self, proto: Arc<Proto>) -> Gc<ProtoInst> {
        let consts: Box<[Value]> = proto
            .constants
            .iter()
            .map(|c| match c {
                Constant::Nil => Value::Nil,
                Constant::Bool(b) => Value::Bool(*b),
                Constant::Int(i) => Value::Int(*i),
                Constant::Float(f) => Value::Float(*f),
                Constant::Str(s) => Value::Str(self.heap.intern(s)),
            })
            .collect();
        let children = (0..proto.protos.len()).map(|_| Cell::new(None)).collect();
        crate::gc::note_alloc(consts.len() * 16);
        self.heap.alloc(ProtoInst {
            proto,
            consts,
            children,
            cache: Cell::new(None),
        })
    }

    /// A closure for a main chunk: its one upvalue is `_ENV` (the globals
    /// unless `env` is given).
    pub fn load_proto(&mut self, proto: Arc<Proto>, env: Option<Value>) -> Value {
        let nup = proto.upvalues.len();
        let pi = self.instantiate(proto);
        let env = env.unwrap_or(Value::Table(self.globals));
        let mut upvals = Vec::with_capacity(nup);
        for i in 0..nup {
            let v = if i == 0 { env } else { Value::Nil };
            upvals.push(self.heap.alloc(UpVal::Closed(v)));
        }
        Value::LuaFn(self.heap.alloc(LuaClosure {
            proto: pi,
            upvals: upvals.into_boxed_slice(),
        }))
    }

    // ----- globals and metatables -------------------------------------

    pub fn set_global(&mut self, name: &str, v: Value) {
        self.enter();
        let k = self.new_str(name);
        let _ = self.globals.get_mut().set(k, v);
    }

    pub fn get_global(&mut self, name: &str) -> Value {
        self.enter();
        let k = self.new_str(name);
        self.globals.get().get(k)
    }

    /// Sets a string-keyed field with no metamethods.
    pub fn raw_set_str(&mut self, t: Gc<Table>, name: &str, v: Value) {
        self.enter();
        let k = self.new_str(name);
        let _ = t.get_mut().set(k, v);
    }

    pub fn raw_get_str(&mut self, t: Gc<Table>, name: &str) -> Value {
        self.enter();
        let k = self.new_str(name);
        t.get().get(k)
    }

    pub fn basic_type(v: &Value) -> Option<BasicType> {
        Some(match v {
            Value::Nil => BasicType::Nil,
            Value::Bool(_) => BasicType::Bool,
            Value::Int(_) | Value::Float(_) => BasicType::Number,
            Value::Str(_) => BasicType::Str,
            Value::LuaFn(_) | Value::Native(_) | Value::LightFn(_) => BasicType::Function,
            Value::Thread(_) => BasicType::Thread,
            Value::LightUserData(_) => BasicType::LightUserData,
            Value::Table(_) | Value::UserData(_) => return None,
        })
    }

    pub fn get_metatable(&self, v: &Value) -> Option<Gc<Table>> {
        match v {
            Value::Table(t) => t.get().meta,
            Value::UserData(u) => u.get().meta,
            other => Self::basic_type(other).and_then(|b| self.type_metas[b as usize]),
        }
    }

    /// Sets a table's or userdata's metatable, registering `__gc`.
    pub fn set_metatable(&mut self, v: &Value, mt: Option<Gc<Table>>) {
        match v {
            Value::Table(t) => {
                t.get_mut().meta = mt;
                if let Some(m) = mt {
                    if !m
                        .get()
                        .get_str(crate::gc::tm_name(Tm::Gc as usize))
                        .is_nil()
                    {
                        self.heap.set_finalizer(GcRef::Table(*t));
                    }
                }
            }
            Value::UserData(u) => {
                u.get_mut().meta = mt;
                if let Some(m) = mt {
                    if !m
                        .get()
                        .get_str(crate::gc::tm_name(Tm::Gc as usize))
                        .is_nil()
                    {
                        self.heap.set_finalizer(GcRef::UserData(*u));
                    }
                }
            }
            other => {
                if let Some(b) = Self::basic_type(other) {
                    self.type_metas[b as usize] = mt;
                }
            }
        }
    }

    /// The metamethod `event` of `v`, if any.
    #[inline]
    pub fn get_tm(&self, v: &Value, event: Tm) -> Option<Value> {
        let mt = self.get_metatable(v)?;
        fast_tm(mt, event, crate::gc::tm_name(event as usize))
    }

    /// A metatable field by name (luaL_getmetafield).
    pub fn meta_field(&mut self, v: &Value, name: &str) -> Option<Value> {
        self.enter();
        let mt = self.get_metatable(v)?;
        let k = self.new_str(name);
        let r = mt.get().get(k);
        if r.is_nil() { None } else { Some(r) }
    }

    // ----- operations with metamethods, for natives --------------------

    /// `t[k]` with `__index` (lua_gettable).
    pub fn index(&mut self, t: Value, k: Value) -> Result<Value, LuaError> {
        self.enter();
        let mut t = t;
        for _ in 0..2000 {
            if let Value::Table(tab) = t {
                let v = tab.get().get(k);
                if !v.is_nil() {
                    return Ok(v);
                }
                match tab
                    .get()
                    .meta
                    .and_then(|m| fast_tm(m, Tm::Index, crate::gc::tm_name(0)))
                {
                    None => return Ok(Value::Nil),
                    Some(h) if h.is_function() => {
                        return Ok(self
                            .call(h, &[t, k])?
                            .first()
                            .copied()
                            .unwrap_or(Value::Nil));
                    }
                    Some(h) => t = h,
                }
            } else {
                match self.get_tm(&t, Tm::Index) {
                    None => {
                        return Err(LuaError::msg(format!(
                            "attempt to index a {} value",
                            t.type_name()
                        )));
                    }
                    Some(h) if h.is_function() => {
                        return Ok(self
                            .call(h, &[t, k])?
                            .first()
                            .copied()
                            .unwrap_or(Value::Nil));
                    }
                    Some(h) => t = h,
                }
            }
        }
        Err(LuaError::msg("'__index' chain too long; possible loop"))
    }

    /// `t[k] = v` with `__newindex` (lua_settable).
    pub fn set_index(&mut self, t: Value, k: Value, v: Value) -> Result<(), LuaError> {
        self.enter();
        let mut t = t;
        for _ in 0..2000 {
            if let Value::Table(tab) = t {
                let existing = tab.get().get(k);
                let h = if existing.is_nil() {
                    tab.get()
                        .meta
                        .and_then(|m| fast_tm(m, Tm::NewIndex, crate::gc::tm_name(1)))
                } else {
                    None
                };
                match h {
                    None => return self.raw_set(tab, k, v),
                    Some(h) if h.is_function() => {
                        self.call(h, &[t, k, v])?;
                        return Ok(());
                    }
                    Some(h) => t = h,
                }
            } else {
                match self.get_tm(&t, Tm::NewIndex) {
                    None => {
                        return Err(LuaError::msg(format!(
                            "attempt to index a {} value",
                            t.type_name()
                        )));
                    }
                    Some(h) if h.is_function() => {
                        self.call(h, &[t, k, v])?;
                        return Ok(());
                    }
                    Some(h) => t = h,
                }
            }
        }
        Err(LuaError::msg("'__newindex' chain too long; possible loop"))
    }

    /// rawset with the reference's key errors.
    pub fn raw_set(&mut self, t: Gc<Table>, k: Value, v: Value) -> Result<(), LuaError> {
        t.get_mut().set(k, v).map_err(|e| match e {
            KeyError::Nil => LuaError::msg("table index is nil"),
            KeyError::NaN => LuaError::msg("table index is NaN"),
        })
    }

    /// `luaL_tolstring`: `__tostring`, `__name`, or the default format.
    pub fn tostring(&mut self, v: Value) -> Result<Value, LuaError> {
        self.enter();
        if let Some(h) = self.get_tm_by_name(&v, "__tostring") {
            let r = self.call(h, &[v])?.first().copied().unwrap_or(Value::Nil);
            return match r {
                Value::Str(_) => Ok(r),
                // lua_isstring accepts numbers; they print as numbers.
                Value::Int(_) | Value::Float(_) => self.tostring(r),
                _ => Err(LuaError::msg("'__tostring' must return a string")),
            };
        }
        Ok(match v {
            Value::Str(_) => v,
            Value::Int(i) => {
                let s = i.to_string();
                self.new_str(s)
            }
            Value::Float(f) => {
                let s = crate::number::fmt_float(f);
                self.new_str(s)
            }
            Value::Nil => self.new_str("nil"),
            Value::Bool(b) => self.new_str(if b { "true" } else { "false" }),
            _ => {
                let kind = match self.meta_field(&v, "__name") {
                    Some(Value::Str(s)) => s.get().to_str_lossy().into_owned(),
                    _ => v.type_name().to_string(),
                };
                let s = format!("{}: {:#x}", kind, v.addr());
                self.new_str(s)
            }
        })
    }

    fn get_tm_by_name(&mut self, v: &Value, name: &str) -> Option<Value> {
        match v {
            Value::Int(_) | Value::Float(_) | Value::Nil | Value::Bool(_) | Value::Str(_)
                if self.get_metatable(v).is_none() =>
            {
                None
            }
            _ => self.meta_field(v, name),
        }
    }

    /// `tostring` as bytes.
    pub fn tostring_bytes(&mut self, v: Value) -> Result<Vec<u8>, LuaError> {
        self.enter();
        match self.tostring(v)? {
            Value::Str(s) => Ok(s.get().as_bytes().to_vec()),
            _ => Ok(Vec::new()),
        }
    }

    /// Equality with `__eq` (lua_compare EQ).
    pub fn equals(&mut self, a: Value, b: Value) -> Result<bool, LuaError> {
        self.enter();
        if a.raw_eq(&b) {
            return Ok(true);
        }
        let same_kind = matches!(
            (a, b),
            (Value::Table(_), Value::Table(_)) | (Value::UserData(_), Value::UserData(_))
        );
        if !same_kind {
            return Ok(false);
        }
        let h = self.get_tm(&a, Tm::Eq).or_else(|| self.get_tm(&b, Tm::Eq));
        match h {
            None => Ok(false),
            Some(h) => Ok(self.call(h, &[a, b])?.first().is_some_and(|v| v.truthy())),
        }
    }

    /// `a < b` with `__lt` (lua_compare LT).
    pub fn less_than(&mut self, a: Value, b: Value) -> Result<bool, LuaError> {
        self.enter();
        if let Some(r) = crate::interp::raw_lt(&a, &b) {
            return Ok(r);
        }
        let h = self.get_tm(&a, Tm::Lt).or_else(|| self.get_tm(&b, Tm::Lt));
        match h {
            None => Err(self.compare_error(&a, &b)),
            Some(h) => Ok(self.call(h, &[a, b])?.first().is_some_and(|v| v.truthy())),
        }
    }

    /// `a <= b` with `__le`, falling back to `not (b < a)` (lua_compare LE).
    pub fn less_equal(&mut self, a: Value, b: Value) -> Result<bool, LuaError> {
        self.enter();
        if let Some(r) = crate::interp::raw_le(&a, &b) {
            return Ok(r);
        }
        if let Some(h) = self.get_tm(&a, Tm::Le).or_else(|| self.get_tm(&b, Tm::Le)) {
            return Ok(self.call(h, &[a, b])?.first().is_some_and(|v| v.truthy()));
        }
        if let Some(h) = self.get_tm(&b, Tm::Lt).or_else(|| self.get_tm(&a, Tm::Lt)) {
            return Ok(!self.call(h, &[b, a])?.first().is_some_and(|v| v.truthy()));
        }
        Err(self.compare_error(&a, &b))
    }

    #[cold]
    pub fn compare_error(&self, a: &Value, b: &Value) -> LuaError {
        let (t1, t2) = (self.type_name_meta(a), self.type_name_meta(b));
        if t1 == t2 {
            LuaError::msg(format!("attempt to compare two {} values", t1))
        } else {
            LuaError::msg(format!("attempt to compare {} with {}", t1, t2))
        }
    }

    /// The type name used in messages: `__name` from the metatable if it
    /// is a string (luaT_objtypename).
    pub fn type_name_meta(&self, v: &Value) -> String {
        if let Some(mt) = match v {
            Value::Table(t) => t.get().meta,
            Value::UserData(u) => u.get().meta,
            _ => None,
        } {
            for (k, val) in mt.get().iter_all() {
                if let (Value::Str(ks), Value::Str(vs)) = (k, val) {
                    if ks.get().as_bytes() == b"__name" {
                        return vs.get().to_str_lossy().into_owned();
                    }
                }
            }
            if let Some(name) = mt.get().template_str("__name") {
                return name.to_string();
            }
        }
        v.type_name().to_string()
    }

    /// `#v` with `__len` (luaL_len without the integer check).
    pub fn len(&mut self, v: Value) -> Result<Value, LuaError> {
        self.enter();
        if let Some(h) = self.get_tm(&v, Tm::Len) {
            return Ok(self
                .call(h, &[v, v])?
                .first()
                .copied()
                .unwrap_or(Value::Nil));
        }
        match v {
            Value::Str(s) => Ok(Value::Int(s.get().len() as i64)),
            Value::Table(t) => Ok(Value::Int(t.get().len())),
            _ => Err(LuaError::msg(format!(
                "attempt to get length of a {} value",
                self.type_name_meta(&v)
            ))),
        }
    }

    /// Arithmetic with metamethods, for natives.
    pub fn arith(
        &mut self,
        op: crate::meta::ArithOp,
        a: Value,
        b: Value,
    ) -> Result<Value, LuaError> {
        match crate::meta::arith(op, a, b) {
            Ok(v) => Ok(v),
            Err(e) => {
                let tm = op.tm();
                let h = self.get_tm(&a, tm).or_else(|| self.get_tm(&b, tm));
                match h {
                    Some(h) => Ok(self
                        .call(h, &[a, b])?
                        .first()
                        .copied()
                        .unwrap_or(Value::Nil)),
                    None => Err(LuaError::msg(crate::interp::arith_error_text(
                        op, e, &a, &b, self,
                    ))),
                }
            }
        }
    }

    // ----- collection ----------------------------------------------------

    /// Runs a full collection now, then due finalizers; an error in a
    /// finalizer propagates as "error in __gc metamethod (...)".
    pub fn full_gc(&mut self) -> Result<(), LuaError> {
        self.collect_now();
        self.run_finalizers()
    }

    pub(crate) fn collect_now(&mut self) {
        self.collect_with_live_limit(None);
    }

    /// A collection from the interpreter loop: stack slots from `limit` up
    /// are dead (the register being written is the highest live one), as
    /// lvm.c's checkGC sets `L->top` before collecting.
    pub(crate) fn collect_with_live_limit(&mut self, limit: Option<usize>) {
        let roots: Vec<GcRef> = self.roots();
        self.clear_dead_stack(limit);
        self.heap.collect(&mut |h: &mut Heap| {
            for r in roots.iter() {
                h.mark(*r);
            }
        });
    }

    fn roots(&self) -> Vec<GcRef> {
        let mut roots = vec![
            GcRef::Thread(self.main),
            GcRef::Thread(self.cur),
            GcRef::Table(self.globals),
            GcRef::Table(self.registry),
        ];
        for m in self.type_metas.iter().flatten() {
            roots.push(GcRef::Table(*m));
        }
        for t in self.resumers.iter() {
            roots.push(GcRef::Thread(*t));
        }
        if let Some(h) = &self.hook {
            if let Some(r) = h.func.gc_ref() {
                roots.push(r);
            }
        }
        for (_, t) in self.libs.iter() {
            roots.push(GcRef::Table(*t));
        }
        if let Some(ext) = &self.ext {
            ext.trace(&mut |v| {
                if let Some(r) = v.gc_ref() {
                    roots.push(r);
                }
            });
        }
        roots
    }

    /// Clears stack slots above the running frame's registers so the
    /// collector does not keep dead temporaries alive.
    fn clear_dead_stack(&mut self, limit: Option<usize>) {
        let th = self.cur.get_mut();
        // A Lua frame's registers end at base + max_stack; `top` may be left
        // high by an earlier call and must not keep dead callees' values.
        let hi = match th.frames.last() {
            Some(_) if limit.is_some() => limit.unwrap_or(0),
            Some(f) => match (f.kind, th.stack.get(f.func)) {
                (crate::thread::FrameKind::Lua, Some(Value::LuaFn(c))) => {
                    f.base + c.get().proto.get().proto.max_stack as usize
                }
                _ => th.top.max(f.base),
            },
            None => th.top,
        };
        for v in th.stack.iter_mut().skip(hi) {
            *v = Value::Nil;
        }
    }

    /// Calls pending `__gc` metamethods. The first error stops the run and
    /// is returned, worded as the reference's GCTM does.
    pub fn run_finalizers(&mut self) -> Result<(), LuaError> {
        while let Some(obj) = self.heap.tobefnz.pop() {
            let v = obj.as_value();
            if let Some(h) = self.get_tm(&v, Tm::Gc) {
                if h.is_function() {
                    let top = self.cur.get().frames.len().checked_sub(1);
                    let saved = std::mem::replace(&mut self.fin_frame, top.map(|i| (self.cur, i)));
                    let r = self.call(h, &[v]);
                    self.fin_frame = saved;
                    if let Err(e) = r {
                        let ev = self.error_value(e);
                        let msg = match ev {
                            Value::Str(s) => s.get().to_str_lossy().into_owned(),
                            _ => "no message".to_string(),
                        };
                        let m = self.new_str(format!("error in __gc metamethod ({})", msg));
                        return Err(LuaError::Value(m));
                    }
                }
            }
        }
        Ok(())
    }

    /// Runs every outstanding finalizer, as lua_close does at exit.
    pub fn close(&mut self) {
        let all = self.heap.all_finalizable();
        self.heap.tobefnz = all;
        self.heap.tobefnz.reverse();
        // At exit, finalizer errors are dropped (lua_close does not
        // propagate them); each finalizer still runs.
        while !self.heap.tobefnz.is_empty() {
            let _ = self.run_finalizers();
        }
    }
}

/// Shorthand to build a `Vals` from a slice.
pub fn vals(v: &[Value]) -> Vals {
    Vals::from_slice(v)
}

impl Vm {
    /// Upvalue `i` of the running native closure (the function in the top
    /// frame's slot).
    pub fn native_upvalue(&self, i: usize) -> Value {
        let th = self.cur.get();
        match th.frames.last().and_then(|f| th.stack.get(f.func)) {
            Some(Value::Native(nc)) => nc.get().upvals.get(i).copied().unwrap_or(Value::Nil),
            _ => Value::Nil,
        }
    }

    /// Sets upvalue `i` of the running native closure.
    pub fn set_native_upvalue(&self, i: usize, v: Value) {
        let th = self.cur.get();
        if let Some(Value::Native(nc)) = th.frames.last().and_then(|f| th.stack.get(f.func)) {
            if let Some(slot) = nc.get_mut().upvals.get_mut(i) {
                *slot = v;
            }
        }
    }
}
