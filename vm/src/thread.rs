//! Threads (coroutines, lstate.c's lua_State): a value stack and a frame
//! stack each. The main program is a thread too. Frames are data, not Rust
//! stack frames: Lua-to-Lua calls, metamethod calls and `pcall` push a
//! `Frame` and the interpreter loop carries on (DESIGN.md, stackless VM).

use crate::func::UpVal;
use crate::gc::{Gc, GcRef};
use crate::value::Value;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CoStatus {
    /// Created or yielded: can be resumed.
    Suspended,
    /// Currently running (the top of the resume chain).
    Running,
    /// Resumed another coroutine and waits for it.
    Normal,
    /// Finished or died with an error.
    Dead,
}

/// What the VM does with a frame's results when it returns.
#[derive(Clone, Copy, Debug)]
pub enum RetAction {
    /// An ordinary call: results go to the function slot, `nresults` of them.
    Normal,
    /// A metamethod producing one value: store it at this stack index.
    Store(usize),
    /// `__newindex`: drop the results.
    Discard,
    /// A comparison metamethod behind EQ/LT/LE: the truth of the result
    /// (negated when `invert`, for `__le` via `not __lt(b, a)`) is compared
    /// with `expect` to decide whether to skip the next jump.
    Cond { expect: bool, invert: bool },
    /// `__concat` in the middle of CONCAT A B C: store at `top - 2` and go on
    /// concatenating R(b) .. R(top - 2) into R(a).
    Concat { a: u32, b: u32, top: u32 },
}

#[derive(Clone, Copy, Debug)]
pub enum FrameKind {
    Lua,
    /// A native running or calling back into Lua.
    Native,
    /// `pcall`/`xpcall` waiting for the protected call to finish. An
    /// `xpcall` handler sits in the frame's function slot.
    Protected {
        has_handler: bool,
    },
    /// `coroutine.yield` waiting to be resumed (only in suspended threads).
    Yield,
    /// `coroutine.resume`/`wrap` waiting for the coroutine to stop.
    Resume {
        wrap: bool,
    },
}

#[derive(Clone, Copy, Debug)]
pub struct Frame {
    /// Stack index of the called function.
    pub func: usize,
    /// Stack index of register 0.
    pub base: usize,
    /// Next instruction (Lua frames).
    pub pc: usize,
    /// Results wanted by the caller; -1 means all.
    pub nresults: i32,
    pub kind: FrameKind,
    pub ret: RetAction,
    /// Varargs passed beyond the fixed parameters (stored below `base`).
    pub nvarargs: u32,
    /// When this frame returns, the enclosing `execute` returns to Rust.
    pub boundary: bool,
    /// Reached by a tail call (for tracebacks).
    pub tail: bool,
}

pub struct Thread {
    pub stack: Vec<Value>,
    pub frames: Vec<Frame>,
    /// Open upvalues, sorted by stack index.
    pub open_upvals: Vec<Gc<UpVal>>,
    pub status: CoStatus,
    /// First free slot above the last multi-result (L->top after calls and
    /// VARARG with "up to top" counts).
    pub top: usize,
    /// Nested Rust re-entries into the VM from natives in this thread; a
    /// yield is only allowed when it is 0 (the reference's nny).
    pub nny: u32,
    /// Results or error carried out of a coroutine.
    pub error: Option<Value>,
    /// This thread's debug hook while it is not running (see
    /// `Vm::switch_thread`).
    pub hook: Option<crate::debuginfo::Hook>,
    /// In the heap's list of threads with open upvalues (`Heap::twups`).
    pub in_twups: bool,
}

impl Thread {
    pub fn new() -> Thread {
        Thread {
            stack: Vec::with_capacity(8),
            frames: Vec::new(),
            open_upvals: Vec::new(),
            status: CoStatus::Suspended,
            top: 0,
            nny: 0,
            error: None,
            hook: None,
            in_twups: false,
        }
    }

    pub fn heap_size(&self) -> usize {
        self.stack.capacity() * 16
            + self.frames.capacity() * std::mem::size_of::<Frame>()
            + self.open_upvals.capacity() * 8
    }

    /// Makes sure the stack has at least `n` slots.
    #[inline]
    pub fn ensure(&mut self, n: usize) {
        if self.stack.len() < n {
            self.grow(n);
        }
    }

    #[cold]
    fn grow(&mut self, n: usize) {
        let before = self.stack.capacity();
        self.stack
            .resize(n.max(self.stack.len() * 3 / 2), Value::Nil);
        crate::gc::note_alloc((self.stack.capacity() - before) * 16);
    }

    pub fn as_ref(g: Gc<Thread>) -> GcRef {
        GcRef::Thread(g)
    }
}

impl Default for Thread {
    fn default() -> Self {
        Self::new()
    }
}
