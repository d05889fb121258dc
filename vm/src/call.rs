//! Calls, returns, errors and coroutine switches (ldo.c's role).
//!
//! Every call goes through `precall`: a Lua function gets a new `Frame` and
//! the interpreter loop carries on in it; a native runs at once and asks for
//! what it needs through `Ret` (plain results, a protected call, a tail
//! call, a yield, a resume). Results are handed back by `pop_and_deliver`,
//! which honours the frame's `RetAction`. `after_return` then finishes the
//! frames that were waiting on a call (`pcall`, a finished coroutine).
//! Errors unwind the frame stack in `unwind` down to the nearest `pcall`,
//! or out of the current `execute` when a native boundary comes first.

use crate::error::LuaError;
use crate::func::{Ret, Vals};
use crate::gc::Gc;
use crate::thread::{CoStatus, Frame, FrameKind, RetAction, Thread};
use crate::value::Value;
use crate::vm::{MAX_C_DEPTH, MAX_FRAMES, MAX_STACK, NATIVE_ROOM, Vm};

/// What the interpreter does after a call or return was handled.
#[derive(Debug, PartialEq, Eq)]
pub enum Next {
    /// Carry on with the top frame of the current thread (a Lua frame).
    Continue,
    /// A boundary frame finished: `execute` returns to its Rust caller.
    Boundary,
}

impl Vm {
    /// Calls `f` with `args` from Rust and returns all its results,
    /// re-entering the interpreter when `f` is a Lua function.
    pub fn call(&mut self, f: Value, args: &[Value]) -> Result<Vals, LuaError> {
        self.enter();
        if self.c_depth >= MAX_C_DEPTH {
            return Err(LuaError::msg("stack overflow (too many nested C calls)"));
        }
        let th = self.cur;
        let t = th.get_mut();
        let func = t.top.max(t.frames.last().map_or(0, |f| self.frame_top(f)));
        t.ensure(func + args.len() + 1 + 8);
        t.stack[func] = f;
        t.stack[func + 1..func + 1 + args.len()].copy_from_slice(args);
        let depth = t.frames.len();
        self.c_depth += 1;
        th.get_mut().nny += 1;
        let r = match self.precall(func, args.len(), -1, RetAction::Normal, true) {
            Ok(Next::Boundary) => Ok(()),
            Ok(Next::Continue) => self.execute(),
            // Only unwind when the boundary frame exists; an error before
            // it was pushed belongs to the Rust caller alone.
            Err(e) if th.get().frames.len() > depth => match self.unwind(e) {
                Ok(Next::Boundary) => Ok(()),
                Ok(Next::Continue) => self.execute(),
                Err(e) => Err(e),
            },
            Err(e) => Err(e),
        };
        th.get_mut().nny -= 1;
        self.c_depth -= 1;
        debug_assert!(self.cur == th);
        let t = th.get_mut();
        match r {
            Ok(()) => {
                let out = Vals::from_slice(&t.stack[func..t.top]);
                t.top = func;
                Ok(out)
            }
            Err(e) => {
                t.frames.truncate(depth);
                t.top = func;
                Err(e)
            }
        }
    }

    /// First free slot above the registers of frame `f`.
    pub(crate) fn frame_top(&self, f: &Frame) -> usize {
        let t = self.cur.get();
        match (f.kind, t.stack.get(f.func)) {
            (FrameKind::Lua, Some(Value::LuaFn(c))) => {
                f.base + c.get().proto.get().proto.max_stack as usize
            }
            _ => t.top.max(f.base),
        }
    }

    /// Pushes the frame for a call of Lua closure `cl` at `stack[func]`
    /// (luaD_precall's Lua half). The interpreter calls this directly for
    /// Lua-to-Lua calls.
    #[inline(always)]
    pub(crate) fn push_lua_frame(
        &mut self,
        cl: Gc<crate::func::LuaClosure>,
        func: usize,
        nargs: usize,
        nresults: i32,
        ret: RetAction,
        boundary: bool,
    ) -> Result<(), LuaError> {
        let th = self.cur.get_mut();
        let p = &cl.get().proto.get().proto;
        let nparams = p.num_params as usize;
        let max_stack = p.max_stack as usize;
        // Fixed parameters of a vararg function move above the varargs
        // (adjust_varargs), so `base` is past the arguments.
        let base = if p.is_vararg {
            func + 1 + nargs
        } else {
            func + 1
        };
        let need = base + max_stack;
        if need > MAX_STACK + self.error_handling * 1000
            || th.frames.len() >= MAX_FRAMES + self.error_handling * 100
        {
            return Err(self.stack_overflow());
        }
        th.ensure(need);
        let nvarargs = if p.is_vararg {
            for i in 0..nparams {
                th.stack[base + i] = if i < nargs {
                    std::mem::take(&mut th.stack[func + 1 + i])
                } else {
                    Value::Nil
                };
            }
            nargs.saturating_sub(nparams) as u32
        } else {
            for i in nargs..nparams {
                th.stack[base + i] = Value::Nil;
            }
            0
        };
        if th.frames.capacity() == 0 {
            // Most threads stay shallow (an idle process: one Lua frame and
            // the native it waits in): start with room for two.
            th.frames.reserve_exact(2);
        }
        th.frames.push(Frame {
            func,
            base,
            pc: 0,
            nresults,
            kind: FrameKind::Lua,
            ret,
            nvarargs,
            boundary,
            tail: false,
        });
        Ok(())
    }

    /// Starts a call of `stack[func]` with `nargs` arguments above it.
    #[inline(never)]
    pub(crate) fn precall(
        &mut self,
        func: usize,
        nargs: usize,
        nresults: i32,
        ret: RetAction,
        boundary: bool,
    ) -> Result<Next, LuaError> {
        let th = self.cur.get_mut();
        let f = th.stack[func];
        match f {
            Value::LuaFn(cl) => {
                self.push_lua_frame(cl, func, nargs, nresults, ret, boundary)?;
                if self.hook.is_some() {
                    self.call_hook_event("call")?;
                }
                Ok(Next::Continue)
            }
            Value::LightFn(nf) => self.call_native(nf, func, nargs, nresults, ret, boundary),
            Value::Native(nc) => {
                let nf = nc.get().f;
                self.call_native(nf, func, nargs, nresults, ret, boundary)
            }
            _ => {
                // __call: insert the handler below the arguments.
                // The handler must itself be a function (tryfuncTM).
                match self
                    .get_tm(&f, crate::meta::Tm::Call)
                    .filter(|h| h.is_function())
                {
                    Some(h) => {
                        let th = self.cur.get_mut();
                        th.ensure(func + nargs + 2);
                        th.stack.copy_within(func..func + 1 + nargs, func + 1);
                        th.stack[func] = h;
                        self.precall(func, nargs + 1, nresults, ret, boundary)
                    }
                    None => Err(self.call_error(func)),
                }
            }
        }
    }

    #[cold]
    pub(crate) fn stack_overflow(&mut self) -> LuaError {
        if self.error_handling > 0 {
            // Overflowing the extra room a message handler gets is
            // LUA_ERRERR in the reference (luaD_growstack).
            return LuaError::Runtime(self.new_str("error in error handling"));
        }
        let msg = format!("{}stack overflow", self.runtime_position());
        LuaError::Runtime(self.new_str(msg))
    }

    fn call_native(
        &mut self,
        nf: crate::func::NativeFn,
        func: usize,
        nargs: usize,
        nresults: i32,
        ret: RetAction,
        boundary: bool,
    ) -> Result<Next, LuaError> {
        let th = self.cur.get_mut();
        if th.frames.len() >= MAX_FRAMES + self.error_handling * 100
            || func + 1 + nargs + NATIVE_ROOM > MAX_STACK + self.error_handling * 1000
        {
            return Err(self.stack_overflow());
        }
        if th.frames.capacity() == 0 {
            // Most threads stay shallow (an idle process: one Lua frame and
            // the native it waits in): start with room for two.
            th.frames.reserve_exact(2);
        }
        th.frames.push(Frame {
            func,
            base: func + 1,
            pc: 0,
            nresults,
            kind: FrameKind::Native,
            ret,
            nvarargs: 0,
            boundary,
            tail: false,
        });
        let args = Vals::from_slice(&th.stack[func + 1..func + 1 + nargs]);
        th.top = func + 1 + nargs;
        if self.hook.is_some() {
            self.call_hook_event("call")?;
        }
        let r = nf(self, args);
        match r {
            Ok(Ret::Vals(v)) => {
                if self.hook.is_some() {
                    // The return hook runs with the native's frame still on
                    // top and its results pushed above its arguments, as a C
                    // function leaves them: there the collector sees them
                    // (a hook may collect), and getlocal finds them.
                    let t = self.cur.get_mut();
                    let at = t.top.max(func + 1);
                    t.ensure(at + v.len() + 1);
                    t.stack[at..at + v.len()].copy_from_slice(&v);
                    t.top = at + v.len();
                    self.call_hook_event("return")?;
                }
                let th = self.cur.get_mut();
                th.ensure(func + v.len() + 1);
                th.stack[func..func + v.len()].copy_from_slice(&v);
                if self.pop_and_deliver(func, v.len())? {
                    return Ok(Next::Boundary);
                }
                self.after_return()
            }
            Ok(Ret::Protected { handler, args }) => {
                let th = self.cur.get_mut();
                th.frames.last_mut().expect("native frame").kind = FrameKind::Protected {
                    has_handler: handler.is_some(),
                };
                let at = func + protected_callee_offset(handler.is_some());
                th.stack[func] = handler.unwrap_or(Value::Nil);
                th.ensure(at + args.len() + 1);
                th.stack[func + 1..at].fill(Value::Nil);
                th.stack[at..at + args.len()].copy_from_slice(&args);
                match self.precall(
                    at,
                    args.len().saturating_sub(1),
                    -1,
                    RetAction::Normal,
                    false,
                ) {
                    Ok(Next::Continue) => self.continue_or_finish(),
                    Ok(Next::Boundary) => Ok(Next::Boundary),
                    Err(e) => Err(e),
                }
            }
            Ok(Ret::TailCall { func: f2, args }) => {
                let th = self.cur.get_mut();
                th.frames.pop();
                th.ensure(func + 1 + args.len() + 1);
                th.stack[func] = f2;
                th.stack[func + 1..func + 1 + args.len()].copy_from_slice(&args);
                self.precall(func, args.len(), nresults, ret, boundary)
            }
            Ok(Ret::Yield(v)) => self.do_yield(v),
            Ok(Ret::Resume { co, args, wrap }) => self.do_resume(co, args, wrap),
            Ok(Ret::Block) => {
                if self.c_depth > 0 || self.hook_frame.is_some() {
                    // A native re-entered the VM (a sort comparator, a
                    // metamethod called from Rust): its Rust frame cannot be
                    // parked, as lua_yield cannot cross a C call.
                    let e = LuaError::msg("attempt to yield across a C-call boundary");
                    return Err(LuaError::Runtime(self.error_value(e)));
                }
                self.blocked = true;
                Ok(Next::Boundary)
            }
            Err(e) => {
                let v = self.error_value(e);
                Err(LuaError::Runtime(v))
            }
        }
    }

    /// After a protected call was set up: if the callee was a native that
    /// already finished, the `pcall` frame is on top and must be finished.
    fn continue_or_finish(&mut self) -> Result<Next, LuaError> {
        let th = self.cur.get();
        match th.frames.last().map(|f| f.kind) {
            Some(FrameKind::Lua) => Ok(Next::Continue),
            _ => self.after_return(),
        }
    }

    /// Pops the top frame of the current thread; its `n` results are at
    /// `stack[src..src + n]`. Returns whether the frame was a boundary.
    #[inline(never)]
    pub(crate) fn pop_and_deliver(&mut self, src: usize, n: usize) -> Result<bool, LuaError> {
        if self.hook.is_some()
            && matches!(
                self.cur.get().frames.last().map(|f| f.kind),
                Some(FrameKind::Lua)
            )
        {
            // (Natives fire their return hook in call_native.)
            // Before popping: the hook runs above the results.
            let t = self.cur.get_mut();
            t.top = t.top.max(src + n);
            self.call_hook_event("return")?;
        }
        let th = self.cur.get_mut();
        let frame = th.frames.pop().expect("frame to return from");
        if self.hook.is_some() && !self.in_hook {
            self.hook_resume_caller();
        }
        let th = self.cur.get_mut();
        match frame.ret {
            RetAction::Normal => {
                let dst = frame.func;
                if frame.nresults < 0 {
                    th.stack.copy_within(src..src + n, dst);
                    th.top = dst + n;
                } else {
                    let want = frame.nresults as usize;
                    th.ensure(dst + want + 1);
                    let k = n.min(want);
                    th.stack.copy_within(src..src + k, dst);
                    for v in &mut th.stack[dst + k..dst + want] {
                        *v = Value::Nil;
                    }
                    th.top = dst + want;
                }
            }
            RetAction::Store(idx) => {
                th.stack[idx] = if n > 0 { th.stack[src] } else { Value::Nil };
            }
            RetAction::Discard => {}
            RetAction::Cond { expect, invert } => {
                let r = n > 0 && th.stack[src].truthy();
                let r = r != invert;
                if r != expect {
                    if let Some(f) = th.frames.last_mut() {
                        f.pc += 1;
                    }
                }
            }
            RetAction::Concat { a, b, top } => {
                let (a, b, top) = (a as usize, b as usize, top as usize);
                th.stack[top - 2] = if n > 0 { th.stack[src] } else { Value::Nil };
                if top - 1 > b + 1 {
                    // More to concatenate: continue the CONCAT in the caller.
                    if frame.boundary {
                        return Ok(true);
                    }
                    return self.resume_concat(a, b, top - 1).map(|_| false);
                }
                th.stack[a] = th.stack[b];
            }
        }
        Ok(frame.boundary)
    }

    /// Finishes frames that were waiting on a call that just returned:
    /// `pcall`, and coroutines whose body returned.
    #[inline(never)]
    pub(crate) fn after_return(&mut self) -> Result<Next, LuaError> {
        loop {
            let th = self.cur.get_mut();
            match th.frames.last().map(|f| (f.kind, f.func)) {
                Some((FrameKind::Lua, _)) => return Ok(Next::Continue),
                Some((FrameKind::Protected { has_handler }, func)) => {
                    let at = func + protected_callee_offset(has_handler);
                    let top = th.top.max(at);
                    th.stack.copy_within(at..top, func + 1);
                    let n = 1 + top - at;
                    th.stack[func] = Value::Bool(true);
                    if self.pop_and_deliver(func, n)? {
                        return Ok(Next::Boundary);
                    }
                }
                Some((FrameKind::Native, _)) | Some((FrameKind::Resume { .. }, _)) => {
                    return Ok(Next::Continue);
                }
                Some((FrameKind::Yield, _)) => return Ok(Next::Continue),
                None => {
                    // A coroutine's body returned.
                    let co = self.cur;
                    let t = co.get_mut();
                    let results = Vals::from_slice(&t.stack[0..t.top]);
                    t.status = CoStatus::Dead;
                    t.stack.clear();
                    t.stack.shrink_to_fit();
                    t.top = 0;
                    if let Some(n) = self.finish_resume(true, results)? {
                        return Ok(n);
                    }
                }
            }
        }
    }

    /// Switches back to the resumer of the current coroutine and finishes
    /// its `resume` frame with `ok, values...` (or raises for `wrap`).
    /// Returns `Some(Boundary)` if that frame was a boundary.
    fn finish_resume(&mut self, ok: bool, values: Vals) -> Result<Option<Next>, LuaError> {
        let co = self.cur;
        // The resumer must have room for the values (lua_checkstack in
        // auxresume).
        let (ok, values) = match self.resumers.last() {
            Some(r) if values.len() + r.get().top + 1 > MAX_STACK => {
                let m = self.new_str("too many results to resume");
                (false, smallvec::smallvec![m])
            }
            _ => (ok, values),
        };
        let resumer = self.resumers.pop().expect("coroutine without resumer");
        if co.get().status != CoStatus::Dead {
            co.get_mut().status = CoStatus::Suspended;
        }
        self.switch_thread(resumer);
        let th = resumer.get_mut();
        th.status = CoStatus::Running;
        let (func, wrap) = match th.frames.last() {
            Some(f) => match f.kind {
                FrameKind::Resume { wrap } => (f.func, wrap),
                _ => unreachable!("resumer without a resume frame"),
            },
            _ => unreachable!("resumer without a resume frame"),
        };
        if wrap {
            if !ok {
                let mut e = values.first().copied().unwrap_or(Value::Nil);
                if let Value::Str(s) = e {
                    // auxwrap: prefix the position of the wrap caller.
                    let w = self.where_(1);
                    let mut b = w.into_bytes();
                    b.extend_from_slice(s.get().as_bytes());
                    e = self.new_str_owned(b);
                }
                return Err(LuaError::Runtime(e));
            }
            let th = self.cur.get_mut();
            th.ensure(func + values.len() + 1);
            th.stack[func..func + values.len()].copy_from_slice(&values);
            if self.pop_and_deliver(func, values.len())? {
                return Ok(Some(Next::Boundary));
            }
        } else {
            let th = self.cur.get_mut();
            th.ensure(func + values.len() + 2);
            th.stack[func] = Value::Bool(ok);
            th.stack[func + 1..func + 1 + values.len()].copy_from_slice(&values);
            if self.pop_and_deliver(func, values.len() + 1)? {
                return Ok(Some(Next::Boundary));
            }
        }
        Ok(None)
    }

    fn do_yield(&mut self, v: Vals) -> Result<Next, LuaError> {
        let co = self.cur;
        if self.resumers.is_empty() || co == self.main {
            return Err(LuaError::Runtime(
                self.new_str("attempt to yield from outside a coroutine"),
            ));
        }
        if co.get().nny > 0 {
            return Err(LuaError::Runtime(
                self.new_str("attempt to yield across a C-call boundary"),
            ));
        }
        co.get_mut().frames.last_mut().expect("yield frame").kind = FrameKind::Yield;
        match self.finish_resume(true, v)? {
            Some(n) => Ok(n),
            None => self.after_return(),
        }
    }

    fn do_resume(&mut self, co: Gc<Thread>, args: Vals, wrap: bool) -> Result<Next, LuaError> {
        let me = self.cur;
        me.get_mut().frames.last_mut().expect("resume frame").kind = FrameKind::Resume { wrap };
        me.get_mut().status = CoStatus::Normal;
        self.resumers.push(me);
        self.switch_thread(co);
        let t = co.get_mut();
        t.status = CoStatus::Running;
        if t.frames.is_empty() {
            // First resume: call the body.
            t.ensure(args.len() + 2);
            t.stack[1..1 + args.len()].copy_from_slice(&args);
            match self.precall(0, args.len(), -1, RetAction::Normal, false) {
                Ok(Next::Continue) => self.continue_or_finish(),
                Ok(Next::Boundary) => Ok(Next::Boundary),
                Err(e) => Err(e),
            }
        } else {
            // Resume after a yield: the yield call returns `args`.
            let func = t.frames.last().expect("yield frame").func;
            t.ensure(func + args.len() + 1);
            t.stack[func..func + args.len()].copy_from_slice(&args);
            if self.pop_and_deliver(func, args.len())? {
                return Ok(Next::Boundary);
            }
            self.after_return()
        }
    }

    /// Makes `th` the running thread. Debug hooks belong to threads (as the
    /// reference keeps one per thread in its hook table): the running one's
    /// lives in `Vm::hook`, the others' in their `Thread`.
    pub(crate) fn switch_thread(&mut self, th: Gc<Thread>) {
        self.cur.get_mut().hook = self.hook.take();
        self.cur = th;
        self.hook = th.get_mut().hook.take();
        self.hook_skip = false;
    }

    /// Handles an error raised while running: finds the nearest protected
    /// frame of the running code and returns there, or gives the error back
    /// when a boundary comes first.
    pub(crate) fn unwind(&mut self, err: LuaError) -> Result<Next, LuaError> {
        let mut ev = match err {
            LuaError::Runtime(v) | LuaError::Value(v) => v,
            other => self.error_value(other),
        };
        loop {
            let th = self.cur.get_mut();
            // Search this thread for a pcall frame above any boundary.
            let mut catch = None;
            let mut stop = None;
            for (i, f) in th.frames.iter().enumerate().rev() {
                if let FrameKind::Protected { has_handler } = f.kind {
                    let handler = if has_handler {
                        th.stack[f.func]
                    } else {
                        Value::Nil
                    };
                    catch = Some((i, handler));
                    break;
                }
                if f.boundary {
                    stop = Some(i);
                    break;
                }
            }
            if let Some((i, handler)) = catch {
                if !handler.is_nil() {
                    ev = self.call_handler(handler, ev);
                }
                let th = self.cur.get_mut();
                let func = th.frames[i].func;
                self.close_upvals(self.cur, func + 1);
                let th = self.cur.get_mut();
                th.frames.truncate(i + 1);
                th.ensure(func + 3);
                th.stack[func] = Value::Bool(false);
                th.stack[func + 1] = ev;
                th.top = func + 2;
                if self.pop_and_deliver(func, 2)? {
                    return Ok(Next::Boundary);
                }
                return self.after_return();
            }
            if self.last_traceback.is_none() && self.c_depth == 0 && self.resumers.is_empty() {
                self.last_traceback = Some(self.traceback(0));
            }
            if let Some(i) = stop {
                let th = self.cur.get_mut();
                let func = th.frames[i].func;
                self.close_upvals(self.cur, func);
                self.cur.get_mut().frames.truncate(i);
                return Err(LuaError::Runtime(ev));
            }
            // No handler in this coroutine: it dies, and the resumer gets
            // the error.
            if self.cur == self.main || self.resumers.is_empty() {
                self.close_upvals(self.cur, 0);
                self.cur.get_mut().frames.clear();
                return Err(LuaError::Runtime(ev));
            }
            let co = self.cur;
            self.close_upvals(co, 0);
            co.get_mut().status = CoStatus::Dead;
            co.get_mut().error = Some(ev);
            match self.finish_resume(false, smallvec::smallvec![ev]) {
                Ok(Some(n)) => return Ok(n),
                Ok(None) => return self.after_return(),
                Err(e) => {
                    // `wrap` re-raises in the resumer: keep unwinding there.
                    ev = match e {
                        LuaError::Runtime(v) | LuaError::Value(v) => v,
                        other => self.error_value(other),
                    };
                }
            }
        }
    }

    /// Calls an `xpcall` message handler at the error point. An error in
    /// the handler is handed to the handler again, a bounded number of
    /// times, then becomes "error in error handling" (LUA_ERRERR). The
    /// handler may use extra frames beyond the stack limit, so it can run
    /// after a stack overflow.
    fn call_handler(&mut self, handler: Value, ev: Value) -> Value {
        let mut ev = ev;
        self.error_handling += 1;
        let mut result = None;
        for _ in 0..10 {
            match self.call(handler, &[ev]) {
                Ok(r) => {
                    result = Some(r.first().copied().unwrap_or(Value::Nil));
                    break;
                }
                Err(e) => ev = self.error_value(e),
            }
        }
        self.error_handling -= 1;
        result.unwrap_or_else(|| self.new_str("error in error handling"))
    }

    /// Turns a native's error into the error value, adding the position
    /// and function name as luaL_error / luaL_argerror would.
    pub fn error_value(&mut self, e: LuaError) -> Value {
        match e {
            LuaError::Value(v) | LuaError::Runtime(v) => v,
            LuaError::Msg(m) => {
                let s = format!("{}{}", self.where_(1), m);
                self.new_str(s)
            }
            LuaError::Arg { arg, msg } => {
                let (name, what) = self.current_native_name();
                let mut arg = arg;
                if what == "method" {
                    arg -= 1;
                    if arg == 0 {
                        let s =
                            format!("{}calling '{}' on bad self ({})", self.where_(1), name, msg);
                        return self.new_str(s);
                    }
                }
                let s = format!(
                    "{}bad argument #{} to '{}' ({})",
                    self.where_(1),
                    arg,
                    name,
                    msg
                );
                self.new_str(s)
            }
        }
    }

    /// Closes the open upvalues of `th` at or above stack index `level`.
    #[inline(never)]
    pub(crate) fn close_upvals(&mut self, th: Gc<Thread>, level: usize) {
        let t = th.get_mut();
        while let Some(&u) = t.open_upvals.last() {
            let idx = match u.get() {
                crate::func::UpVal::Open { idx, .. } => *idx,
                _ => unreachable!("closed upvalue in the open list"),
            };
            if idx < level {
                break;
            }
            *u.get_mut() = crate::func::UpVal::Closed(t.stack[idx]);
            t.open_upvals.pop();
        }
    }

    /// Finds or creates the open upvalue for stack slot `idx` of the
    /// running thread (luaF_findupval).
    #[inline(never)]
    pub(crate) fn find_upval(&mut self, idx: usize) -> Gc<crate::func::UpVal> {
        let th = self.cur;
        let t = th.get_mut();
        // Sorted ascending by index; search from the top.
        let mut pos = t.open_upvals.len();
        while pos > 0 {
            let u = t.open_upvals[pos - 1];
            let uidx = match u.get() {
                crate::func::UpVal::Open { idx, .. } => *idx,
                _ => unreachable!(),
            };
            if uidx == idx {
                return u;
            }
            if uidx < idx {
                break;
            }
            pos -= 1;
        }
        let u = self
            .heap
            .alloc(crate::func::UpVal::Open { thread: th, idx });
        th.get_mut().open_upvals.insert(pos, u);
        self.heap.note_open_upvals(th);
        u
    }

    #[cold]
    pub(crate) fn call_error(&mut self, func: usize) -> LuaError {
        let f = self.cur.get().stack[func];
        let desc = self.describe_stack_slot(func);
        let msg = format!(
            "{}attempt to call a {} value{}",
            self.runtime_position(),
            self.type_name_meta(&f),
            desc
        );
        LuaError::Runtime(self.new_str(msg))
    }
}

/// Where a protected call's callee goes, above the `pcall`/`xpcall` frame's
/// slot: as luaB_pcall leaves it, above a `true` (2), or as luaB_xpcall,
/// above the function, its handler and a `true` (4). Limits that count
/// stack slots then fall where the reference's do.
#[inline]
fn protected_callee_offset(has_handler: bool) -> usize {
    if has_handler { 4 } else { 2 }
}
