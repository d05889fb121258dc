//! The instruction loop (lvm.c's luaV_execute).
//!
//! Rules for editors of the loop:
//! 1. Save `pc` into the frame (`savepc!`) before anything that can raise,
//!    call, or look at the current line (errors take their position from
//!    the saved pc).
//! 2. `stk` (the register window) is a raw pointer into the thread's stack
//!    vector: anything that can grow the stack, push a frame or switch
//!    threads (calls, metamethods, natives) must be followed by
//!    `continue 'newframe`, which re-derives every cached pointer.
//! 3. Reductions are charged only at calls and backward jumps; when the
//!    budget runs out at the outermost level the frame state is saved and
//!    the loop returns `Exit::Preempted`.
//! 4. Lua-to-Lua calls and returns never recurse on the Rust stack: they
//!    push or pop a `Frame` and go round 'newframe.

use crate::call::Next;
use crate::debuginfo::Operand;
use crate::error::{Exit, LuaError};
use crate::func::{LuaClosure, UpVal};
use crate::gc::Gc;
use crate::meta::{ArithError, ArithOp, Tm, arith, arith_float, fast_tm};
use crate::number;
use crate::op::{Instr, OpCode, fb2int, index_k, is_k};
use crate::table::{KeyError, Table};
use crate::thread::{FrameKind, RetAction};
use crate::value::{Value, float_le_int, float_lt_int, float_to_int, int_le_float, int_lt_float};
use crate::vm::Vm;

/// Why the inner loop stopped without an error.
enum Stop {
    Boundary,
    Preempted,
}

/// Result of looking a key up through `__index` tables.
pub(crate) enum Lookup {
    Found(Value),
    /// `__index` is a function: call `h(t, k)`.
    Call(Value, Value),
}

/// One level of `__index` when it is a table without a metatable of its
/// own (or holding the key): the common class lookup, done without leaving
/// the loop. `None` sends the caller to the general slow path.
#[inline]
fn index_through_class(tab: Gc<Table>, key: Value, index_name: Value) -> Option<Value> {
    index_through_meta(tab.get().meta?, key, index_name)
}

/// The same lookup for a value whose metatable is `mt` (userdata methods:
/// files, messages, channels).
#[inline]
fn index_through_meta(mt: Gc<Table>, key: Value, index_name: Value) -> Option<Value> {
    match fast_tm(mt, Tm::Index, index_name)? {
        Value::Table(class) => {
            let c = class.get();
            let v = c.get(key);
            if !v.is_nil() || c.meta.is_none() {
                Some(v)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Raw `<` for numbers and strings; `None` when metamethods are needed.
#[inline]
pub fn raw_lt(a: &Value, b: &Value) -> Option<bool> {
    Some(match (a, b) {
        (Value::Int(x), Value::Int(y)) => x < y,
        (Value::Float(x), Value::Float(y)) => x < y,
        (Value::Int(x), Value::Float(y)) => int_lt_float(*x, *y),
        (Value::Float(x), Value::Int(y)) => float_lt_int(*x, *y),
        (Value::Str(x), Value::Str(y)) => x.get().as_bytes() < y.get().as_bytes(),
        _ => return None,
    })
}

/// Raw `<=` for numbers and strings.
#[inline]
pub fn raw_le(a: &Value, b: &Value) -> Option<bool> {
    Some(match (a, b) {
        (Value::Int(x), Value::Int(y)) => x <= y,
        (Value::Float(x), Value::Float(y)) => x <= y,
        (Value::Int(x), Value::Float(y)) => int_le_float(*x, *y),
        (Value::Float(x), Value::Int(y)) => float_le_int(*x, *y),
        (Value::Str(x), Value::Str(y)) => x.get().as_bytes() <= y.get().as_bytes(),
        _ => return None,
    })
}

/// Appends the string form of a string or number for `..`.
#[inline]
fn push_concat(out: &mut Vec<u8>, v: &Value) -> bool {
    match v {
        Value::Str(s) => out.extend_from_slice(s.get().as_bytes()),
        Value::Int(i) => {
            let mut buf = itoa_buf(*i);
            out.append(&mut buf);
        }
        Value::Float(f) => out.extend_from_slice(number::fmt_float(*f).as_bytes()),
        _ => return false,
    }
    true
}

fn itoa_buf(i: i64) -> Vec<u8> {
    i.to_string().into_bytes()
}

#[inline(always)]
fn is_strnum(v: &Value) -> bool {
    matches!(v, Value::Str(_) | Value::Int(_) | Value::Float(_))
}

/// The message for failed arithmetic (luaG_opinterror / luaG_tointerror).
pub(crate) fn arith_error_text(
    op: ArithOp,
    e: ArithError,
    a: &Value,
    b: &Value,
    vm: &Vm,
) -> String {
    let _ = op;
    match e {
        ArithError::ModByZero => "attempt to perform 'n%0'".to_string(),
        ArithError::DivByZero => "attempt to divide by zero".to_string(),
        ArithError::NoIntegerRep => "number has no integer representation".to_string(),
        ArithError::NotNumber => {
            let bad = if a.to_number().is_none() { a } else { b };
            if op.is_bitwise() {
                format!(
                    "attempt to perform bitwise operation on a {} value",
                    vm.type_name_meta(bad)
                )
            } else {
                format!(
                    "attempt to perform arithmetic on a {} value",
                    vm.type_name_meta(bad)
                )
            }
        }
    }
}

impl Vm {
    /// Runs the current thread until the boundary frame returns (errors are
    /// unwound to `pcall` frames on the way).
    pub(crate) fn execute(&mut self) -> Result<(), LuaError> {
        loop {
            match self.run_frames(false) {
                Ok(_) => return Ok(()),
                Err(e) => match self.unwind(e) {
                    Ok(Next::Boundary) => return Ok(()),
                    Ok(Next::Continue) => continue,
                    Err(e) => return Err(e),
                },
            }
        }
    }

    /// Runs `f(args)` as the outermost call of this VM, preemptible when
    /// `self.preemptible` is set: returns `Exit::Preempted` with the state
    /// saved; call `resume_run` to go on.
    pub fn run_main(&mut self, f: Value, args: &[Value]) -> Result<Exit, LuaError> {
        self.enter();
        let at = self.main_base;
        let th = self.cur.get_mut();
        th.ensure(at + args.len() + 2);
        th.stack[..at].fill(Value::Nil);
        th.stack[at] = f;
        th.stack[at + 1..at + 1 + args.len()].copy_from_slice(args);
        th.top = at + 1 + args.len();
        self.last_traceback = None;
        let r = self.precall(at, args.len(), -1, RetAction::Normal, true);
        self.continue_after(r)
    }

    /// Goes on after a step that may have finished the entry function,
    /// parked the task, or raised.
    fn continue_after(&mut self, r: Result<Next, LuaError>) -> Result<Exit, LuaError> {
        match r {
            Ok(Next::Boundary) => Ok(self.boundary_exit()),
            Ok(Next::Continue) => self.resume_run(),
            Err(e) => {
                if self.cur.get().frames.is_empty() {
                    return Err(e);
                }
                match self.unwind(e) {
                    Ok(Next::Boundary) => Ok(self.boundary_exit()),
                    Ok(Next::Continue) => self.resume_run(),
                    Err(e) => Err(e),
                }
            }
        }
    }

    /// A boundary was reached: either the entry function returned or a
    /// native parked the task.
    fn boundary_exit(&mut self) -> Exit {
        if std::mem::take(&mut self.blocked) {
            Exit::Blocked
        } else {
            Exit::Done
        }
    }

    /// Continues a run stopped by preemption.
    pub fn resume_run(&mut self) -> Result<Exit, LuaError> {
        self.enter();
        loop {
            match self.run_frames(self.preemptible) {
                Ok(Stop::Boundary) => return Ok(self.boundary_exit()),
                Ok(Stop::Preempted) => return Ok(Exit::Preempted),
                Err(e) => match self.unwind(e) {
                    Ok(Next::Boundary) => return Ok(self.boundary_exit()),
                    Ok(Next::Continue) => continue,
                    Err(e) => return Err(e),
                },
            }
        }
    }

    /// Finishes the native call that parked the task (`Exit::Blocked`)
    /// with `vals` as its results, and runs on.
    pub fn resume_blocked(&mut self, vals: &[Value]) -> Result<Exit, LuaError> {
        self.enter();
        let th = self.cur.get_mut();
        let func = th.frames.last().expect("a blocked native frame").func;
        th.ensure(func + vals.len() + 1);
        th.stack[func..func + vals.len()].copy_from_slice(vals);
        th.top = th.top.max(func + vals.len());
        let r = match self.pop_and_deliver(func, vals.len()) {
            Ok(true) => Ok(Next::Boundary),
            Ok(false) => self.after_return(),
            Err(e) => Err(e),
        };
        self.continue_after(r)
    }

    /// Finishes the native call that parked the task by raising `msg`
    /// there, prefixed with the caller's position as `luaL_error` does.
    pub fn resume_blocked_error(&mut self, err: LuaError) -> Result<Exit, LuaError> {
        self.enter();
        let v = self.error_value(err);
        self.continue_after(Err(LuaError::Runtime(v)))
    }

    /// Makes another task current: `cur` and the coroutines that resumed
    /// it (innermost last). Returns the task that was running, to be
    /// swapped back later. The embedder must keep both reachable
    /// (`Extension::trace`).
    pub fn swap_task(
        &mut self,
        cur: Gc<crate::thread::Thread>,
        resumers: Vec<Gc<crate::thread::Thread>>,
    ) -> (Gc<crate::thread::Thread>, Vec<Gc<crate::thread::Thread>>) {
        let old_resumers = std::mem::replace(&mut self.resumers, resumers);
        let old = self.cur;
        self.switch_thread(cur);
        (old, old_resumers)
    }

    /// Results left by the last `run_main` (the main function's returns).
    pub fn main_results(&self) -> Vec<Value> {
        let th = self.cur.get();
        let top = th.top.min(th.stack.len());
        th.stack[self.main_base.min(top)..top].to_vec()
    }

    #[inline(never)]
    fn run_frames(&mut self, preemptible: bool) -> Result<Stop, LuaError> {
        'newframe: loop {
            if self.budget <= 0 && self.on_budget_exhausted(preemptible) {
                // Every `continue 'newframe` leaves the frames consistent
                // (pc saved or a fresh frame pushed): a safe point.
                return Ok(Stop::Preempted);
            }
            let th = self.cur;
            let thr = th.get_mut();
            let Some(fr) = thr.frames.last_mut() else {
                return Ok(Stop::Boundary);
            };
            let mut fr: *mut crate::thread::Frame = fr;
            // SAFETY: `fr` points into `thr.frames`, which is not resized
            // until the next `continue 'newframe` (rule 2).
            let (func, base, mut pc) = unsafe { ((*fr).func, (*fr).base, (*fr).pc) };
            let is_lua = matches!(unsafe { (*fr).kind }, FrameKind::Lua);
            let cl: Gc<LuaClosure> = match thr.stack[func] {
                Value::LuaFn(c) if is_lua => c,
                _ => {
                    // A native frame on top (a pcall whose callee finished):
                    // finish it. Anything else here is a VM bug; fail loudly
                    // rather than spin.
                    match self.after_return()? {
                        Next::Boundary => return Ok(Stop::Boundary),
                        Next::Continue => {
                            let t = self.cur.get();
                            let ok = t.frames.last().is_some_and(|f| {
                                matches!(t.stack.get(f.func), Some(Value::LuaFn(_)))
                            });
                            if !ok {
                                return Err(LuaError::Value(
                                    self.new_str("internal error: native frame left on top"),
                                ));
                            }
                            continue 'newframe;
                        }
                    }
                }
            };
            let clr = cl.get();
            let pinst = clr.proto.get();
            let proto = &*pinst.proto;
            let code = proto.code.as_ptr();
            let k = pinst.consts.as_ptr();
            let mut stk = unsafe { thr.stack.as_mut_ptr().add(base) };
            let hooked = self.hook.is_some();

            macro_rules! reg {
                ($i:expr) => {
                    // SAFETY: precall ensured base + max_stack slots.
                    unsafe { &mut *stk.add($i as usize) }
                };
            }
            macro_rules! kst {
                ($i:expr) => {
                    unsafe { *k.add($i as usize) }
                };
            }
            macro_rules! rk {
                ($x:expr) => {
                    if is_k($x) {
                        kst!(index_k($x))
                    } else {
                        *reg!($x)
                    }
                };
            }
            // A reference to an RK operand: matching through a reference
            // reads tag and payload in place instead of copying the value
            // to the Rust stack first.
            macro_rules! rkr {
                ($x:expr) => {
                    if is_k($x) {
                        unsafe { &*k.add(index_k($x) as usize) }
                    } else {
                        unsafe { &*stk.add($x as usize) }
                    }
                };
            }
            macro_rules! savepc {
                () => {
                    unsafe { (*fr).pc = pc }
                };
            }
            macro_rules! upval {
                ($i:expr) => {
                    unsafe { clr.upvals.get_unchecked($i as usize) }
                };
            }
            macro_rules! throw {
                ($e:expr) => {{
                    savepc!();
                    return Err($e);
                }};
            }
            // Runs a slow path that may push frames; then re-derives state.
            macro_rules! slow {
                ($e:expr) => {{
                    savepc!();
                    match $e {
                        Ok(Next::Continue) => continue 'newframe,
                        Ok(Next::Boundary) => return Ok(Stop::Boundary),
                        Err(e) => return Err(e),
                    }
                }};
            }
            // `$live` is the first dead stack slot (checkGC's limit).
            macro_rules! gc_check {
                ($live:expr) => {
                    if self.heap.should_collect() {
                        savepc!();
                        self.collect_with_live_limit(Some($live));
                        if !self.heap.tobefnz.is_empty() {
                            self.run_finalizers()?;
                        }
                        continue 'newframe;
                    }
                };
            }
            // A reduction after a backward jump: preempting there resumes
            // at the jump's target; otherwise the budget is refilled and
            // the instruction goes on.
            macro_rules! charge {
                () => {
                    self.budget -= 1;
                    if self.budget <= 0 {
                        savepc!();
                        if self.on_budget_exhausted(preemptible) {
                            return Ok(Stop::Preempted);
                        }
                    }
                };
            }
            // The JMP after a test whose jump is taken runs here, as
            // lvm.c's donextjump: one dispatch, and no hook sees it.
            macro_rules! donextjump {
                () => {{
                    let ni: Instr = unsafe { *code.add(pc) };
                    if ni.a() != 0 {
                        self.close_upvals(th, base + ni.a() as usize - 1);
                    }
                    let sbx = ni.sbx();
                    pc = (pc as isize + 1 + sbx as isize) as usize;
                    if sbx < 0 {
                        charge!();
                    }
                }};
            }
            // The end of every test: skip the jump when the outcome differs
            // from A (or C), else take it inline.
            macro_rules! cond_jump {
                ($res:expr, $expect:expr) => {
                    if $res != $expect {
                        pc += 1;
                    } else {
                        donextjump!();
                    }
                };
            }
            // LT and LE: numbers and strings inline, metamethods in cmp_slow.
            macro_rules! compare_op {
                ($i:expr, $op:tt, $raw:ident, $tm:expr) => {{
                    let b = rkr!($i.b());
                    let c = rkr!($i.c());
                    let res = match (b, c) {
                        (&Value::Int(x), &Value::Int(y)) => x $op y,
                        (&Value::Float(x), &Value::Float(y)) => x $op y,
                        _ => match $raw(b, c) {
                            Some(r) => r,
                            None => {
                                let (b, c) = (*b, *c);
                                slow!(self.cmp_slow($tm, b, c, $i.a() != 0))
                            }
                        },
                    };
                    cond_jump!(res, $i.a() != 0);
                }};
            }
            macro_rules! arith_op {
                ($i:expr, $op:expr, $iop:expr, $fop:expr) => {{
                    let b = rkr!($i.b());
                    let c = rkr!($i.c());
                    let r = match (b, c) {
                        (&Value::Int(x), &Value::Int(y)) => Value::Int($iop(x, y)),
                        (&Value::Float(x), &Value::Float(y)) => Value::Float($fop(x, y)),
                        (&Value::Int(x), &Value::Float(y)) => Value::Float($fop(x as f64, y)),
                        (&Value::Float(x), &Value::Int(y)) => Value::Float($fop(x, y as f64)),
                        _ => {
                            let (b, c) = (*b, *c);
                            slow!(self.arith_slow($op, b, c, base + $i.a() as usize, $i))
                        }
                    };
                    *reg!($i.a()) = r;
                }};
            }
            macro_rules! float_op {
                ($i:expr, $op:expr) => {{
                    let b = rkr!($i.b());
                    let c = rkr!($i.c());
                    let x = match b {
                        &Value::Float(x) => x,
                        &Value::Int(x) => x as f64,
                        _ => f64::NAN,
                    };
                    let y = match c {
                        &Value::Float(y) => y,
                        &Value::Int(y) => y as f64,
                        _ => f64::NAN,
                    };
                    if matches!(b, Value::Int(_) | Value::Float(_))
                        && matches!(c, Value::Int(_) | Value::Float(_))
                    {
                        *reg!($i.a()) = Value::Float(arith_float($op, x, y));
                    } else {
                        let (b, c) = (*b, *c);
                        slow!(self.arith_slow($op, b, c, base + $i.a() as usize, $i))
                    }
                }};
            }
            macro_rules! bit_op {
                ($i:expr, $op:expr, $f:expr) => {{
                    let b = rkr!($i.b());
                    let c = rkr!($i.c());
                    match (b, c) {
                        (&Value::Int(x), &Value::Int(y)) => *reg!($i.a()) = Value::Int($f(x, y)),
                        _ => {
                            let (b, c) = (*b, *c);
                            slow!(self.arith_slow($op, b, c, base + $i.a() as usize, $i))
                        }
                    }
                }};
            }

            loop {
                // SAFETY: the compiler ends every function with RETURN, so
                // pc never runs past the code.
                let i: Instr = unsafe { *code.add(pc) };
                pc += 1;
                if hooked {
                    if self.hook_skip {
                        // This instruction already had its hook call.
                        self.hook_skip = false;
                    } else {
                        // Save pc as everywhere else (one past the current
                        // instruction): the hook may look at the frame's
                        // currentline and active locals.
                        unsafe { (*fr).pc = pc };
                        if self.hook_instruction(proto, pc - 1)? {
                            // Fetch this instruction again, without a hook,
                            // from the frame as it is now (the hook may
                            // have moved the frame vector).
                            let th = self.cur.get_mut();
                            th.frames.last_mut().expect("hooked frame").pc = pc - 1;
                            self.hook_skip = true;
                            continue 'newframe;
                        }
                    }
                }
                match i.op() {
                    OpCode::Move => *reg!(i.a()) = *reg!(i.b()),
                    OpCode::LoadK => *reg!(i.a()) = kst!(i.bx()),
                    OpCode::LoadKx => {
                        let ax = unsafe { *code.add(pc) }.ax_arg();
                        pc += 1;
                        *reg!(i.a()) = kst!(ax);
                    }
                    OpCode::LoadBool => {
                        *reg!(i.a()) = Value::Bool(i.b() != 0);
                        if i.c() != 0 {
                            pc += 1;
                        }
                    }
                    OpCode::LoadNil => {
                        for j in 0..=i.b() {
                            *reg!(i.a() + j) = Value::Nil;
                        }
                    }
                    OpCode::GetUpval => *reg!(i.a()) = upval!(i.b()).get().get(),
                    OpCode::GetTabUp => {
                        let t = upval!(i.b()).get().get();
                        let key = rk!(i.c());
                        if let Value::Table(tab) = t {
                            let v = tab.get().get(key);
                            if !v.is_nil() || tab.get().meta.is_none() {
                                *reg!(i.a()) = v;
                                continue;
                            }
                        }
                        slow!(self.index_slow(t, key, base + i.a() as usize, Operand::Upval(i.b())))
                    }
                    OpCode::GetTable => {
                        let key = rkr!(i.c());
                        if let Value::Table(tab) = *reg!(i.b()) {
                            let tb = tab.get();
                            let v = match key {
                                &Value::Int(n) => tb.get_int(n),
                                &Value::Str(_) => tb.get_str(*key),
                                _ => tb.get(*key),
                            };
                            if !v.is_nil() || tb.meta.is_none() {
                                *reg!(i.a()) = v;
                                continue;
                            }
                            if let Some(v) = index_through_class(
                                tab,
                                *key,
                                crate::gc::tm_name(Tm::Index as usize),
                            ) {
                                *reg!(i.a()) = v;
                                continue;
                            }
                        }
                        let (t, key) = (*reg!(i.b()), *key);
                        slow!(self.index_slow(t, key, base + i.a() as usize, Operand::Reg(i.b())))
                    }
                    OpCode::SetTabUp => {
                        let t = upval!(i.a()).get().get();
                        let key = rk!(i.b());
                        let val = rk!(i.c());
                        if let Value::Table(tab) = t {
                            let tb = tab.get_mut();
                            if tb.meta.is_none() {
                                match tb.set(key, val) {
                                    Ok(()) => continue,
                                    Err(e) => throw!(self.key_error(e)),
                                }
                            }
                        }
                        slow!(self.newindex_slow(t, key, val, Operand::Upval(i.a())))
                    }
                    OpCode::SetUpval => {
                        let v = *reg!(i.a());
                        upval!(i.b()).get_mut().set(v);
                    }
                    OpCode::SetTable => {
                        let key = rkr!(i.b());
                        let val = rk!(i.c());
                        if let Value::Table(tab) = *reg!(i.a()) {
                            let tb = tab.get_mut();
                            if tb.meta.is_none() {
                                if let &Value::Int(n) = key {
                                    let u = n.wrapping_sub(1) as u64;
                                    if u < tb.array.len() as u64 {
                                        tb.array[u as usize] = val;
                                        continue;
                                    }
                                }
                                match tb.set(*key, val) {
                                    Ok(()) => continue,
                                    Err(e) => throw!(self.key_error(e)),
                                }
                            }
                        }
                        let (t, key) = (*reg!(i.a()), *key);
                        slow!(self.newindex_slow(t, key, val, Operand::Reg(i.a())))
                    }
                    OpCode::NewTable => {
                        let t = self.heap.alloc(Table::new(fb2int(i.b()), fb2int(i.c())));
                        *reg!(i.a()) = Value::Table(t);
                        gc_check!(base + i.a() as usize + 1);
                    }
                    OpCode::SelfOp => {
                        let obj = *reg!(i.b());
                        let key = rk!(i.c());
                        *reg!(i.a() + 1) = obj;
                        if let Value::Table(tab) = obj {
                            let v = tab.get().get_str(key);
                            if !v.is_nil() || tab.get().meta.is_none() {
                                *reg!(i.a()) = v;
                                continue;
                            }
                            // The class pattern: `__index` is a plain table.
                            if let Some(v) = index_through_class(
                                tab,
                                key,
                                crate::gc::tm_name(Tm::Index as usize),
                            ) {
                                *reg!(i.a()) = v;
                                continue;
                            }
                        } else if let Value::UserData(u) = obj {
                            if let Some(v) = u.get().meta.and_then(|mt| {
                                index_through_meta(mt, key, crate::gc::tm_name(Tm::Index as usize))
                            }) {
                                *reg!(i.a()) = v;
                                continue;
                            }
                        }
                        slow!(self.index_slow(obj, key, base + i.a() as usize, Operand::Reg(i.b())))
                    }
                    OpCode::Add => {
                        arith_op!(i, ArithOp::Add, i64::wrapping_add, |x: f64, y: f64| x + y)
                    }
                    OpCode::Sub => {
                        arith_op!(i, ArithOp::Sub, i64::wrapping_sub, |x: f64, y: f64| x - y)
                    }
                    OpCode::Mul => {
                        arith_op!(i, ArithOp::Mul, i64::wrapping_mul, |x: f64, y: f64| x * y)
                    }
                    OpCode::Mod => {
                        let b = rkr!(i.b());
                        let c = rkr!(i.c());
                        match (b, c) {
                            (&Value::Int(x), &Value::Int(y)) if y != 0 => {
                                *reg!(i.a()) = Value::Int(number::imod(x, y))
                            }
                            (&Value::Float(x), &Value::Float(y)) => {
                                *reg!(i.a()) = Value::Float(number::fmod(x, y))
                            }
                            _ => {
                                let (b, c) = (*b, *c);
                                slow!(self.arith_slow(ArithOp::Mod, b, c, base + i.a() as usize, i))
                            }
                        }
                    }
                    OpCode::Pow => float_op!(i, ArithOp::Pow),
                    OpCode::Div => float_op!(i, ArithOp::Div),
                    OpCode::IDiv => {
                        let b = rkr!(i.b());
                        let c = rkr!(i.c());
                        match (b, c) {
                            (&Value::Int(x), &Value::Int(y)) if y != 0 => {
                                *reg!(i.a()) = Value::Int(number::idiv(x, y))
                            }
                            (&Value::Float(x), &Value::Float(y)) => {
                                *reg!(i.a()) = Value::Float((x / y).floor())
                            }
                            _ => {
                                let (b, c) = (*b, *c);
                                slow!(self.arith_slow(
                                    ArithOp::IDiv,
                                    b,
                                    c,
                                    base + i.a() as usize,
                                    i
                                ))
                            }
                        }
                    }
                    OpCode::BAnd => bit_op!(i, ArithOp::BAnd, |x: i64, y: i64| x & y),
                    OpCode::BOr => bit_op!(i, ArithOp::BOr, |x: i64, y: i64| x | y),
                    OpCode::BXor => bit_op!(i, ArithOp::BXor, |x: i64, y: i64| x ^ y),
                    OpCode::Shl => bit_op!(i, ArithOp::Shl, number::shift_left),
                    OpCode::Shr => bit_op!(i, ArithOp::Shr, |x: i64, y: i64| number::shift_left(
                        x,
                        y.wrapping_neg()
                    )),
                    OpCode::Unm => match &*reg!(i.b()) {
                        &Value::Int(x) => *reg!(i.a()) = Value::Int(x.wrapping_neg()),
                        &Value::Float(x) => *reg!(i.a()) = Value::Float(-x),
                        b => {
                            let b = *b;
                            slow!(self.arith_slow(ArithOp::Unm, b, b, base + i.a() as usize, i))
                        }
                    },
                    OpCode::BNot => {
                        let b = *reg!(i.b());
                        match b {
                            Value::Int(x) => *reg!(i.a()) = Value::Int(!x),
                            _ => slow!(self.arith_slow(
                                ArithOp::BNot,
                                b,
                                b,
                                base + i.a() as usize,
                                i
                            )),
                        }
                    }
                    OpCode::Not => {
                        let b = *reg!(i.b());
                        *reg!(i.a()) = Value::Bool(!b.truthy());
                    }
                    OpCode::Len => {
                        let b = *reg!(i.b());
                        match b {
                            Value::Str(s) => *reg!(i.a()) = Value::Int(s.get().len() as i64),
                            Value::Table(t) if t.get().meta.is_none() => {
                                *reg!(i.a()) = Value::Int(t.get().len())
                            }
                            _ => slow!(self.len_slow(b, base + i.a() as usize, i.b())),
                        }
                    }
                    OpCode::Concat => {
                        let a = base + i.a() as usize;
                        let b = base + i.b() as usize;
                        let c = base + i.c() as usize;
                        let depth_before = th.get().frames.len();
                        savepc!();
                        let r = self.resume_concat(a, b, c + 1);
                        if matches!(r, Ok(Next::Continue))
                            && self.cur.get().frames.len() == depth_before
                        {
                            // As checkGC(L, ra >= rb ? ra + 1 : rb).
                            gc_after_concat(self, if a >= b { a + 1 } else { b })?;
                        }
                        slow!(r)
                    }
                    OpCode::Jmp => {
                        let sbx = i.sbx();
                        if i.a() != 0 {
                            self.close_upvals(th, base + i.a() as usize - 1);
                        }
                        pc = (pc as isize + sbx as isize) as usize;
                        if sbx < 0 {
                            charge!();
                        }
                    }
                    OpCode::Eq => {
                        let b = rkr!(i.b());
                        let c = rkr!(i.c());
                        let res = match (b, c) {
                            (&Value::Int(x), &Value::Int(y)) => x == y,
                            (&Value::Table(x), &Value::Table(y)) if x != y => {
                                let (b, c) = (*b, *c);
                                slow!(self.eq_slow(b, c, i.a() != 0))
                            }
                            (&Value::UserData(x), &Value::UserData(y)) if x != y => {
                                let (b, c) = (*b, *c);
                                slow!(self.eq_slow(b, c, i.a() != 0))
                            }
                            _ => b.raw_eq(c),
                        };
                        cond_jump!(res, i.a() != 0);
                    }
                    OpCode::Lt => compare_op!(i, <, raw_lt, Tm::Lt),
                    OpCode::Le => compare_op!(i, <=, raw_le, Tm::Le),
                    OpCode::Test => {
                        cond_jump!(reg!(i.a()).truthy(), i.c() != 0);
                    }
                    OpCode::TestSet => {
                        let b = *reg!(i.b());
                        if b.truthy() != (i.c() != 0) {
                            pc += 1;
                        } else {
                            *reg!(i.a()) = b;
                            donextjump!();
                        }
                    }
                    OpCode::Call => {
                        let a = base + i.a() as usize;
                        let nargs = if i.b() != 0 {
                            i.b() as usize - 1
                        } else {
                            self.cur.get().top - a - 1
                        };
                        let nresults = i.c() as i32 - 1;
                        savepc!();
                        // Charged here, checked where the next frame state
                        // is settled (the top of 'newframe).
                        self.budget -= 1;
                        if let Value::LuaFn(ncl) = *reg!(i.a()) {
                            if !hooked {
                                if let Err(e) = self.push_lua_frame(
                                    ncl,
                                    a,
                                    nargs,
                                    nresults,
                                    RetAction::Normal,
                                    false,
                                ) {
                                    return Err(e);
                                }
                                continue 'newframe;
                            }
                        }
                        let depth = self.cur.get().frames.len();
                        match self.precall(a, nargs, nresults, RetAction::Normal, false) {
                            Ok(Next::Continue) => {
                                // A native that returned into this frame: only the
                                // stack may have moved.
                                let t = self.cur;
                                if t == th && t.get().frames.len() == depth && !self.hook.is_some()
                                {
                                    // The native's frame push may have moved both
                                    // vectors: re-derive the frame and the registers.
                                    let tm = t.get_mut();
                                    fr = tm.frames.last_mut().expect("caller frame");
                                    stk = unsafe { tm.stack.as_mut_ptr().add(base) };
                                    if self.heap.should_collect() {
                                        // Results end at the top (open calls) or
                                        // after the wanted ones.
                                        let live = if nresults < 0 {
                                            self.cur.get().top
                                        } else {
                                            a + nresults as usize
                                        };
                                        gc_check!(live);
                                    }
                                    continue;
                                }
                                continue 'newframe;
                            }
                            Ok(Next::Boundary) => return Ok(Stop::Boundary),
                            Err(e) => return Err(e),
                        }
                    }
                    OpCode::TailCall => {
                        let a = base + i.a() as usize;
                        let nargs = if i.b() != 0 {
                            i.b() as usize - 1
                        } else {
                            self.cur.get().top - a - 1
                        };
                        savepc!();
                        self.budget -= 1;
                        slow!(self.tailcall(a, nargs))
                    }
                    OpCode::Return => {
                        let a = base + i.a() as usize;
                        let n = if i.b() != 0 {
                            i.b() as usize - 1
                        } else {
                            self.cur.get().top - a
                        };
                        savepc!();
                        // Only close when an open upvalue points into this
                        // frame (a recursive local function keeps one open
                        // below every call).
                        if let Some(u) = th.get().open_upvals.last() {
                            if matches!(u.get(), UpVal::Open { idx, .. } if *idx >= base) {
                                self.close_upvals(th, base);
                            }
                        }
                        let f = unsafe { *fr };
                        if !hooked && matches!(f.ret, RetAction::Normal) && !f.boundary {
                            // Fast return to an ordinary call: move the results
                            // down to the function slot (dst < a, so a forward
                            // copy is safe) and pop.
                            let t = th.get_mut();
                            let dst = f.func;
                            let sp = t.stack.as_mut_ptr();
                            // SAFETY: results lie in this frame's registers and
                            // the destination in the caller's, both inside the
                            // stack; a forward copy handles the overlap.
                            unsafe {
                                if f.nresults < 0 {
                                    std::ptr::copy(sp.add(a), sp.add(dst), n);
                                    t.top = dst + n;
                                } else {
                                    let want = f.nresults as usize;
                                    let k = n.min(want);
                                    if k == 1 {
                                        *sp.add(dst) = *sp.add(a);
                                    } else {
                                        std::ptr::copy(sp.add(a), sp.add(dst), k);
                                    }
                                    for j in k..want {
                                        *sp.add(dst + j) = Value::Nil;
                                    }
                                }
                            }
                            t.frames.pop();
                            if t.frames
                                .last()
                                .is_some_and(|c| matches!(c.kind, FrameKind::Lua))
                            {
                                continue 'newframe;
                            }
                            match self.after_return()? {
                                Next::Boundary => return Ok(Stop::Boundary),
                                Next::Continue => continue 'newframe,
                            }
                        }
                        match self.pop_and_deliver(a, n) {
                            Ok(true) => return Ok(Stop::Boundary),
                            Ok(false) => {}
                            Err(e) => return Err(e),
                        }
                        match self.after_return()? {
                            Next::Boundary => return Ok(Stop::Boundary),
                            Next::Continue => continue 'newframe,
                        }
                    }
                    OpCode::ForLoop => {
                        let a = i.a();
                        match (&*reg!(a), &*reg!(a + 1), &*reg!(a + 2)) {
                            (&Value::Int(idx), &Value::Int(limit), &Value::Int(step)) => {
                                let idx = idx.wrapping_add(step);
                                if if step > 0 { idx <= limit } else { limit <= idx } {
                                    pc = (pc as isize + i.sbx() as isize) as usize;
                                    *reg!(a) = Value::Int(idx);
                                    *reg!(a + 3) = Value::Int(idx);
                                    charge!();
                                }
                            }
                            (&Value::Float(idx), &Value::Float(limit), &Value::Float(step)) => {
                                let idx = idx + step;
                                if if 0.0 < step {
                                    idx <= limit
                                } else {
                                    limit <= idx
                                } {
                                    pc = (pc as isize + i.sbx() as isize) as usize;
                                    *reg!(a) = Value::Float(idx);
                                    *reg!(a + 3) = Value::Float(idx);
                                    charge!();
                                }
                            }
                            _ => {}
                        }
                    }
                    OpCode::ForPrep => {
                        let a = i.a();
                        match self.for_prep(*reg!(a), *reg!(a + 1), *reg!(a + 2)) {
                            Ok((x, y, z)) => {
                                *reg!(a) = x;
                                *reg!(a + 1) = y;
                                *reg!(a + 2) = z;
                                pc = (pc as isize + i.sbx() as isize) as usize;
                            }
                            Err(e) => throw!(self.rt_error(e)),
                        }
                    }
                    OpCode::TForCall => {
                        let a = i.a() as usize;
                        let cb = a + 3;
                        *reg!(cb + 2) = *reg!(a + 2);
                        *reg!(cb + 1) = *reg!(a + 1);
                        *reg!(cb) = *reg!(a);
                        savepc!();
                        slow!(self.precall(base + cb, 2, i.c() as i32, RetAction::Normal, false))
                    }
                    OpCode::TForLoop => {
                        let a = i.a();
                        let v = *reg!(a + 1);
                        if !v.is_nil() {
                            *reg!(a) = v;
                            pc = (pc as isize + i.sbx() as isize) as usize;
                            charge!();
                        }
                    }
                    OpCode::SetList => {
                        let a = i.a() as usize;
                        let n = if i.b() != 0 {
                            i.b() as usize
                        } else {
                            self.cur.get().top - (base + a) - 1
                        };
                        let c = if i.c() != 0 {
                            i.c() as usize
                        } else {
                            let ax = unsafe { *code.add(pc) }.ax_arg() as usize;
                            pc += 1;
                            ax
                        };
                        if let Value::Table(t) = *reg!(a) {
                            let first = (c - 1) * crate::op::LFIELDS_PER_FLUSH as usize;
                            let last = first + n;
                            let tb = t.get_mut();
                            if last > tb.array.len() {
                                tb.resize(last, 0);
                            }
                            for j in 1..=n {
                                tb.array[first + j - 1] = *reg!(a + j);
                            }
                        }
                    }
                    OpCode::Closure => {
                        let idx = i.bx() as usize;
                        let child = match pinst.children[idx].get() {
                            Some(c) => c,
                            None => {
                                let c = self.instantiate(proto.protos[idx].clone());
                                pinst.children[idx].set(Some(c));
                                c
                            }
                        };
                        let p = &child.get().proto;
                        let mut ups = Vec::with_capacity(p.upvalues.len());
                        for d in p.upvalues.iter() {
                            if d.in_stack {
                                ups.push(self.find_upval(base + d.index as usize));
                            } else {
                                ups.push(clr.upvals[d.index as usize]);
                            }
                        }
                        if let Some(c) = child.get().cache.get() {
                            if *c.get().upvals == *ups {
                                *reg!(i.a()) = Value::LuaFn(c);
                                continue;
                            }
                        }
                        let ncl = self.heap.alloc(LuaClosure {
                            proto: child,
                            upvals: ups.into_boxed_slice(),
                        });
                        if child.get().cache.replace(Some(ncl)).is_none() {
                            self.heap.cached_protos.push(child);
                        }
                        *reg!(i.a()) = Value::LuaFn(ncl);
                        gc_check!(base + i.a() as usize + 1);
                    }
                    OpCode::Vararg => {
                        let a = base + i.a() as usize;
                        let nva = unsafe { (*fr).nvarargs } as usize;
                        let src = base - nva;
                        let t = th.get_mut();
                        if i.b() == 0 {
                            if a + nva > crate::vm::MAX_STACK {
                                throw!(self.stack_overflow());
                            }
                            t.ensure(a + nva + 1);
                            t.stack.copy_within(src..src + nva, a);
                            t.top = a + nva;
                            stk = unsafe { t.stack.as_mut_ptr().add(base) };
                        } else {
                            let want = i.b() as usize - 1;
                            for j in 0..want {
                                t.stack[a + j] = if j < nva {
                                    t.stack[src + j]
                                } else {
                                    Value::Nil
                                };
                            }
                        }
                    }
                    OpCode::ExtraArg => {}
                }
            }
        }
    }

    /// Called when the reduction budget is spent. Returns true to preempt.
    #[cold]
    fn on_budget_exhausted(&mut self, preemptible: bool) -> bool {
        if preemptible && self.c_depth == 0 {
            self.budget = 0;
            true
        } else {
            self.budget = if self.preemptible { 2000 } else { i64::MAX };
            false
        }
    }

    #[cold]
    pub(crate) fn rt_error(&mut self, msg: impl Into<String>) -> LuaError {
        let s = format!("{}{}", self.runtime_position(), msg.into());
        LuaError::Runtime(self.new_str(s))
    }

    #[cold]
    fn key_error(&mut self, e: KeyError) -> LuaError {
        match e {
            KeyError::Nil => self.rt_error("table index is nil"),
            KeyError::NaN => self.rt_error("table index is NaN"),
        }
    }

    /// Follows `__index` through tables (luaV_finishget's loop).
    #[inline(never)]
    pub(crate) fn lookup(
        &mut self,
        t: Value,
        key: Value,
        operand: Operand,
    ) -> Result<Lookup, LuaError> {
        let mut t = t;
        let mut first = true;
        for _ in 0..2000 {
            let h = match t {
                Value::Table(tab) => {
                    let v = tab.get().get(key);
                    if !v.is_nil() {
                        return Ok(Lookup::Found(v));
                    }
                    match tab.get().meta {
                        None => return Ok(Lookup::Found(Value::Nil)),
                        Some(mt) => {
                            match fast_tm(mt, Tm::Index, crate::gc::tm_name(Tm::Index as usize)) {
                                None => return Ok(Lookup::Found(Value::Nil)),
                                Some(h) => h,
                            }
                        }
                    }
                }
                _ => match self.get_tm(&t, Tm::Index) {
                    Some(h) => h,
                    None => return Err(self.index_error(t, operand, first)),
                },
            };
            first = false;
            if h.is_function() {
                return Ok(Lookup::Call(h, t));
            }
            t = h;
        }
        Err(self.rt_error("'__index' chain too long; possible loop"))
    }

    /// GETTABLE/GETTABUP/SELF when the raw lookup was not enough.
    #[inline(never)]
    fn index_slow(
        &mut self,
        t: Value,
        key: Value,
        dest: usize,
        operand: Operand,
    ) -> Result<Next, LuaError> {
        match self.lookup(t, key, operand)? {
            Lookup::Found(v) => {
                self.cur.get_mut().stack[dest] = v;
                Ok(Next::Continue)
            }
            Lookup::Call(h, tt) => self.call_tm(h, &[tt, key], RetAction::Store(dest)),
        }
    }

    /// SETTABLE/SETTABUP when a metatable is involved (luaV_finishset).
    #[inline(never)]
    fn newindex_slow(
        &mut self,
        t: Value,
        key: Value,
        val: Value,
        operand: Operand,
    ) -> Result<Next, LuaError> {
        let mut t = t;
        let mut first = true;
        for _ in 0..2000 {
            let h = match t {
                Value::Table(tab) => {
                    let existing = tab.get().get(key);
                    let h = if existing.is_nil() {
                        tab.get().meta.and_then(|mt| {
                            fast_tm(mt, Tm::NewIndex, crate::gc::tm_name(Tm::NewIndex as usize))
                        })
                    } else {
                        None
                    };
                    match h {
                        None => {
                            return match tab.get_mut().set(key, val) {
                                Ok(()) => Ok(Next::Continue),
                                Err(e) => Err(self.key_error(e)),
                            };
                        }
                        Some(h) => h,
                    }
                }
                _ => match self.get_tm(&t, Tm::NewIndex) {
                    Some(h) => h,
                    None => return Err(self.index_error(t, operand, first)),
                },
            };
            first = false;
            if h.is_function() {
                return self.call_tm(h, &[t, key, val], RetAction::Discard);
            }
            t = h;
        }
        Err(self.rt_error("'__newindex' chain too long; possible loop"))
    }

    /// "attempt to index a T value (local 'x')": the variable is named only
    /// for the operand itself, not for values reached through `__index`.
    #[cold]
    fn index_error(&mut self, t: Value, operand: Operand, first: bool) -> LuaError {
        let desc = if first {
            self.describe(operand)
        } else {
            String::new()
        };
        let msg = format!(
            "attempt to index a {} value{}",
            self.type_name_meta(&t),
            desc
        );
        self.rt_error(msg)
    }

    /// Pushes a metamethod call above the current frame's registers.
    #[inline(never)]
    fn call_tm(&mut self, h: Value, args: &[Value], ret: RetAction) -> Result<Next, LuaError> {
        let th = self.cur.get();
        let f = th.frames.last().expect("frame");
        let top = self.frame_top(f);
        let t = self.cur.get_mut();
        t.ensure(top + args.len() + 1);
        t.stack[top] = h;
        t.stack[top + 1..top + 1 + args.len()].copy_from_slice(args);
        self.precall(top, args.len(), 1, ret, false)
    }

    #[inline(never)]
    fn arith_slow(
        &mut self,
        op: ArithOp,
        b: Value,
        c: Value,
        dest: usize,
        i: Instr,
    ) -> Result<Next, LuaError> {
        match arith(op, b, c) {
            Ok(v) => {
                self.cur.get_mut().stack[dest] = v;
                Ok(Next::Continue)
            }
            Err(e) => {
                let tm = op.tm();
                let h = self.get_tm(&b, tm).or_else(|| self.get_tm(&c, tm));
                if let Some(h) = h {
                    return self.call_tm(h, &[b, c], RetAction::Store(dest));
                }
                // Name the culprit operand as luaG_opinterror does.
                let (bad_v, bad_rk) = match e {
                    ArithError::NotNumber => {
                        if b.to_number().is_none() {
                            (b, i.b())
                        } else {
                            (c, i.c())
                        }
                    }
                    ArithError::NoIntegerRep => {
                        if b.to_integer().is_none() {
                            (b, i.b())
                        } else {
                            (c, i.c())
                        }
                    }
                    _ => (b, i.b()),
                };
                let unary = matches!(op, ArithOp::Unm | ArithOp::BNot);
                let desc = if is_k(bad_rk) && !unary {
                    String::new()
                } else {
                    self.describe(Operand::Reg(bad_rk))
                };
                let msg = match e {
                    ArithError::NotNumber => {
                        if op.is_bitwise() {
                            format!(
                                "attempt to perform bitwise operation on a {} value{}",
                                self.type_name_meta(&bad_v),
                                desc
                            )
                        } else {
                            format!(
                                "attempt to perform arithmetic on a {} value{}",
                                self.type_name_meta(&bad_v),
                                desc
                            )
                        }
                    }
                    ArithError::NoIntegerRep => {
                        format!("number{} has no integer representation", desc)
                    }
                    ArithError::ModByZero => "attempt to perform 'n%0'".to_string(),
                    ArithError::DivByZero => "attempt to divide by zero".to_string(),
                };
                Err(self.rt_error(msg))
            }
        }
    }

    #[inline(never)]
    fn len_slow(&mut self, v: Value, dest: usize, reg: u32) -> Result<Next, LuaError> {
        if let Some(h) = self.get_tm(&v, Tm::Len) {
            return self.call_tm(h, &[v, v], RetAction::Store(dest));
        }
        match v {
            Value::Table(t) => {
                self.cur.get_mut().stack[dest] = Value::Int(t.get().len());
                Ok(Next::Continue)
            }
            _ => {
                let desc = self.describe(Operand::Reg(reg));
                Err(self.rt_error(format!(
                    "attempt to get length of a {} value{}",
                    self.type_name_meta(&v),
                    desc
                )))
            }
        }
    }

    #[inline(never)]
    fn eq_slow(&mut self, a: Value, b: Value, expect: bool) -> Result<Next, LuaError> {
        let h = self.get_tm(&a, Tm::Eq).or_else(|| self.get_tm(&b, Tm::Eq));
        match h {
            None => {
                // Different objects without __eq: not equal.
                if expect {
                    self.skip_next();
                }
                Ok(Next::Continue)
            }
            Some(h) => self.call_tm(
                h,
                &[a, b],
                RetAction::Cond {
                    expect,
                    invert: false,
                },
            ),
        }
    }

    fn skip_next(&mut self) {
        if let Some(f) = self.cur.get_mut().frames.last_mut() {
            f.pc += 1;
        }
    }

    #[inline(never)]
    fn cmp_slow(&mut self, tm: Tm, a: Value, b: Value, expect: bool) -> Result<Next, LuaError> {
        if let Some(h) = self.get_tm(&a, tm).or_else(|| self.get_tm(&b, tm)) {
            return self.call_tm(
                h,
                &[a, b],
                RetAction::Cond {
                    expect,
                    invert: false,
                },
            );
        }
        if tm == Tm::Le {
            // a <= b  <=>  not (b < a)
            if let Some(h) = self.get_tm(&b, Tm::Lt).or_else(|| self.get_tm(&a, Tm::Lt)) {
                return self.call_tm(
                    h,
                    &[b, a],
                    RetAction::Cond {
                        expect,
                        invert: true,
                    },
                );
            }
        }
        let e = self.compare_error(&a, &b);
        let LuaError::Msg(m) = e else { return Err(e) };
        Err(self.rt_error(m))
    }

    /// Concatenates R(b)..R(top-1) into R(a), calling `__concat` where
    /// needed (luaV_concat, resumable after a metamethod returns).
    #[inline(never)]
    pub(crate) fn resume_concat(
        &mut self,
        a: usize,
        b: usize,
        top: usize,
    ) -> Result<Next, LuaError> {
        let mut top = top;
        loop {
            let total = top - b;
            if total <= 1 {
                let t = self.cur.get_mut();
                t.stack[a] = t.stack[b];
                return Ok(Next::Continue);
            }
            let t = self.cur.get();
            let x = t.stack[top - 2];
            let y = t.stack[top - 1];
            if !is_strnum(&x) || !is_strnum(&y) {
                let h = self
                    .get_tm(&x, Tm::Concat)
                    .or_else(|| self.get_tm(&y, Tm::Concat));
                match h {
                    Some(h) => {
                        return self.call_tm(
                            h,
                            &[x, y],
                            RetAction::Concat {
                                a: a as u32,
                                b: b as u32,
                                top: top as u32,
                            },
                        );
                    }
                    None => {
                        let (bad, idx) = if is_strnum(&x) {
                            (y, top - 1)
                        } else {
                            (x, top - 2)
                        };
                        let desc = self.describe_stack_slot(idx);
                        return Err(self.rt_error(format!(
                            "attempt to concatenate a {} value{}",
                            self.type_name_meta(&bad),
                            desc
                        )));
                    }
                }
            }
            // Gather as many string/number operands as possible.
            let mut n = 2;
            while n < total && is_strnum(&t.stack[top - n - 1]) {
                n += 1;
            }
            let mut len = 0usize;
            for v in &t.stack[top - n..top] {
                len += match v {
                    Value::Str(s) => s.get().len(),
                    _ => 24,
                };
            }
            if len >= (isize::MAX as usize) / 2 {
                return Err(self.rt_error("string length overflow"));
            }
            let mut out = Vec::with_capacity(len);
            for v in &t.stack[top - n..top] {
                push_concat(&mut out, v);
            }
            let s = Value::Str(self.heap.intern_owned(out));
            crate::gc::note_alloc(len);
            self.cur.get_mut().stack[top - n] = s;
            top = top - n + 1;
        }
    }

    #[inline(never)]
    fn tailcall(&mut self, a: usize, nargs: usize) -> Result<Next, LuaError> {
        let th = self.cur;
        let t = th.get_mut();
        let fr = *t.frames.last().expect("frame");
        // A __call handler must be resolved before the frame goes away.
        if !t.stack[a].is_function() {
            match self
                .get_tm(&t.stack[a], Tm::Call)
                .filter(|h| h.is_function())
            {
                Some(h) => {
                    let t = th.get_mut();
                    t.ensure(a + nargs + 2);
                    t.stack.copy_within(a..a + 1 + nargs, a + 1);
                    t.stack[a] = h;
                    return self.tailcall(a, nargs + 1);
                }
                None => return Err(self.call_error(a)),
            }
        }
        if !matches!(th.get().stack[a], Value::LuaFn(_)) {
            // A native is called in place, as luaD_precall does for C
            // functions: the calling frame stays (error positions and
            // levels see it) and the RETURN after TAILCALL returns its
            // results.
            return self.precall(a, nargs, -1, RetAction::Normal, false);
        }
        self.close_upvals(th, fr.base);
        let t = th.get_mut();
        t.stack.copy_within(a..a + 1 + nargs, fr.func);
        t.frames.pop();
        let Value::LuaFn(cl) = th.get().stack[fr.func] else {
            unreachable!("tail call of a non-Lua function");
        };
        let r = self.push_lua_frame(cl, fr.func, nargs, fr.nresults, fr.ret, fr.boundary);
        if r.is_ok() {
            if let Some(f) = self.cur.get_mut().frames.last_mut() {
                f.tail = true;
            }
            if self.hook.is_some() {
                self.call_hook_event("tail call")?;
            }
        }
        let r = r.map(|_| Next::Continue);
        match r {
            Ok(Next::Continue) => {
                let t = self.cur.get();
                match t.frames.last().map(|f| f.kind) {
                    Some(FrameKind::Lua) => Ok(Next::Continue),
                    _ => self.after_return(),
                }
            }
            other => other,
        }
    }

    /// FORPREP's conversions (forlimit and the float fallback).
    #[inline(never)]
    fn for_prep(
        &mut self,
        init: Value,
        limit: Value,
        step: Value,
    ) -> Result<(Value, Value, Value), String> {
        if let (Value::Int(i0), Value::Int(st)) = (init, step) {
            if let Some((lim, stop)) = for_limit(&limit, st) {
                // A zero step is allowed, as in 5.3 (the loop never ends).
                let i0 = if stop { 0 } else { i0 };
                return Ok((
                    Value::Int(i0.wrapping_sub(st)),
                    Value::Int(lim),
                    Value::Int(st),
                ));
            }
        }
        let nl = limit
            .to_number()
            .and_then(|v| v.as_f64())
            .ok_or("'for' limit must be a number")?;
        let ns = step
            .to_number()
            .and_then(|v| v.as_f64())
            .ok_or("'for' step must be a number")?;
        let ni = init
            .to_number()
            .and_then(|v| v.as_f64())
            .ok_or("'for' initial value must be a number")?;
        Ok((Value::Float(ni - ns), Value::Float(nl), Value::Float(ns)))
    }
}

/// forlimit (lvm.c): the integer loop limit, and whether the loop must not
/// run at all.
fn for_limit(limit: &Value, step: i64) -> Option<(i64, bool)> {
    let n = match limit {
        Value::Int(i) => return Some((*i, false)),
        Value::Float(f) => *f,
        Value::Str(_) => match limit.to_number()? {
            Value::Int(i) => return Some((i, false)),
            Value::Float(f) => f,
            _ => return None,
        },
        _ => return None,
    };
    let fl = if step < 0 { n.ceil() } else { n.floor() };
    if let Some(i) = float_to_int(fl) {
        return Some((i, false));
    }
    if n.is_nan() {
        return Some((i64::MIN, step >= 0));
    }
    if 0.0 < n {
        Some((i64::MAX, step < 0))
    } else {
        Some((i64::MIN, step >= 0))
    }
}

fn gc_after_concat(vm: &mut Vm, live: usize) -> Result<(), LuaError> {
    if vm.heap.should_collect() {
        vm.collect_with_live_limit(Some(live));
        if !vm.heap.tobefnz.is_empty() {
            vm.run_finalizers()?;
        }
    }
    Ok(())
}
