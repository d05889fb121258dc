//! Functions (lfunc.c's role): Lua closures, their upvalues, prototypes
//! instantiated in a heap, and native functions.

use crate::error::LuaError;
use crate::gc::Gc;
use crate::proto::Proto;
use crate::thread::Thread;
use crate::value::Value;
use crate::vm::Vm;
use smallvec::SmallVec;
use std::cell::Cell;
use std::sync::Arc;

/// A prototype materialised in one heap: the shared `Proto` plus its
/// constants as values of this heap, and lazily created children.
pub struct ProtoInst {
    pub proto: Arc<Proto>,
    pub consts: Box<[Value]>,
    pub children: Box<[Cell<Option<Gc<ProtoInst>>>]>,
    /// The last closure made from this prototype (Lua 5.3's `p->cache`):
    /// a CLOSURE whose upvalues would be the same objects returns it
    /// again, so `f() == f()` for a function returning a closure over
    /// nothing that changed. Weak: the collector clears it when nothing
    /// else holds the closure.
    pub cache: Cell<Option<Gc<LuaClosure>>>,
}

impl ProtoInst {
    pub fn heap_size(&self) -> usize {
        self.consts.len() * 16 + self.children.len() * 8
    }
}

pub struct LuaClosure {
    pub proto: Gc<ProtoInst>,
    pub upvals: Box<[Gc<UpVal>]>,
}

/// An upvalue: open while the variable lives in a thread's stack, closed
/// (holding the value) after the variable's scope ends.
pub enum UpVal {
    Open { thread: Gc<Thread>, idx: usize },
    Closed(Value),
}

impl UpVal {
    #[inline(always)]
    pub fn get(&self) -> Value {
        match self {
            UpVal::Open { thread, idx } => thread.get().stack[*idx],
            UpVal::Closed(v) => *v,
        }
    }

    #[inline(always)]
    pub fn set(&mut self, v: Value) {
        match self {
            UpVal::Open { thread, idx } => thread.get_mut().stack[*idx] = v,
            UpVal::Closed(c) => *c = v,
        }
    }
}

/// Values passed to and returned from natives.
pub type Vals = SmallVec<[Value; 4]>;

/// What a native asks the VM to do when it returns.
pub enum Ret {
    /// Return these values to the caller.
    Vals(Vals),
    /// `pcall`/`xpcall`: call `args[0]` with the remaining values, in
    /// protected mode; on error, call `handler` (xpcall) first.
    Protected { handler: Option<Value>, args: Vals },
    /// Call `func` with `args`; its results become this native's results
    /// (used by `dofile`, `require` loaders, `coroutine.wrap`'s bodies).
    TailCall { func: Value, args: Vals },
    /// `coroutine.yield`.
    Yield(Vals),
    /// `coroutine.resume` / a `wrap` function: switch to `co`.
    Resume {
        co: Gc<Thread>,
        args: Vals,
        wrap: bool,
    },
    /// Park the whole running task (the current thread and the chain of
    /// coroutines that resumed it): the VM stops with `Exit::Blocked`, the
    /// native's frame stays on top, and the embedder later finishes the
    /// call with `Vm::resume_blocked` (its results) or
    /// `Vm::resume_blocked_error`. Channel operations, receive and sleep.
    Block,
}

pub type NResult = Result<Ret, LuaError>;

/// A native function. Arguments arrive by value; a native must not keep
/// heap references in Rust locals across a call back into Lua (`Vm::call`)
/// unless they are also on the Lua stack (the collector only sees the stack).
pub type NativeFn = fn(&mut Vm, Vals) -> NResult;

/// A native with upvalues (C closure). `name` is for messages when the
/// call site gives none.
pub struct NativeClosure {
    pub f: NativeFn,
    pub upvals: Box<[Value]>,
}

/// Shorthand for returning values from a native.
#[macro_export]
macro_rules! rets {
    () => { Ok($crate::func::Ret::Vals($crate::func::Vals::new())) };
    ($($v:expr),+ $(,)?) => { Ok($crate::func::Ret::Vals(smallvec::smallvec![$($v),+])) };
}
