//! Debug information (ldebug.c's role): current lines, variable names for
//! error messages by symbolic execution of the bytecode (getobjname), the
//! names of called functions, tracebacks and hooks.

use crate::op::{Instr, OpCode, index_k, is_k};
use crate::proto::{Constant, Proto};
use crate::thread::{Frame, FrameKind};
use crate::value::Value;
use crate::vm::Vm;

/// Where an operand of the failing instruction lives, for "(local 'x')".
#[derive(Clone, Copy, Debug)]
pub enum Operand {
    Reg(u32),
    Upval(u32),
    None,
}

/// debug.sethook state.
#[derive(Clone, Copy, Debug)]
pub struct Hook {
    pub func: Value,
    pub call: bool,
    pub ret: bool,
    pub line: bool,
    pub count: u32,
    pub counter: u32,
    pub last_line: i64,
    pub last_pc: usize,
}

pub use wlua_lexer::chunkid;

fn upval_name(p: &Proto, i: usize) -> &str {
    match p.upvalues.get(i) {
        Some(u) if !u.name.is_empty() => &u.name,
        _ => "?",
    }
}

fn const_str(p: &Proto, i: usize) -> Option<String> {
    match p.constants.get(i) {
        Some(Constant::Str(s)) => Some(String::from_utf8_lossy(s).into_owned()),
        _ => None,
    }
}

fn kname(p: &Proto, pc: usize, c: u32) -> String {
    if is_k(c) {
        if let Some(s) = const_str(p, index_k(c) as usize) {
            return s;
        }
    } else if let Some(("constant", n)) = get_obj_name(p, pc, c as usize) {
        return n;
    }
    "?".to_string()
}

fn filter_pc(pc: usize, jmptarget: usize) -> Option<usize> {
    if pc < jmptarget { None } else { Some(pc) }
}

/// The last instruction before `lastpc` that set register `reg`.
fn find_set_reg(p: &Proto, lastpc: usize, reg: usize) -> Option<usize> {
    let mut setreg = None;
    let mut jmptarget = 0usize;
    for pc in 0..lastpc.min(p.code.len()) {
        let i = p.code[pc];
        let a = i.a() as usize;
        match i.op() {
            OpCode::LoadNil => {
                let b = i.b() as usize;
                if a <= reg && reg <= a + b {
                    setreg = filter_pc(pc, jmptarget);
                }
            }
            OpCode::TForCall => {
                if reg >= a + 2 {
                    setreg = filter_pc(pc, jmptarget);
                }
            }
            OpCode::Call | OpCode::TailCall => {
                if reg >= a {
                    setreg = filter_pc(pc, jmptarget);
                }
            }
            OpCode::Jmp => {
                let dest = (pc as isize + 1 + i.sbx() as isize) as usize;
                if pc < dest && dest <= lastpc && dest > jmptarget {
                    jmptarget = dest;
                }
            }
            op => {
                if op.info().sets_a && reg == a {
                    setreg = filter_pc(pc, jmptarget);
                }
            }
        }
    }
    setreg
}

/// getobjname: what register `reg` holds at `lastpc`, as (kind, name).
pub fn get_obj_name(p: &Proto, lastpc: usize, reg: usize) -> Option<(&'static str, String)> {
    if let Some(n) = p.local_name(reg + 1, lastpc) {
        return Some(("local", n.to_string()));
    }
    let pc = find_set_reg(p, lastpc, reg)?;
    let i: Instr = p.code[pc];
    match i.op() {
        OpCode::Move => {
            let b = i.b() as usize;
            if b < i.a() as usize {
                return get_obj_name(p, pc, b);
            }
            None
        }
        OpCode::GetTabUp | OpCode::GetTable => {
            let k = i.c();
            let t = i.b() as usize;
            let vn = if i.op() == OpCode::GetTable {
                p.local_name(t + 1, pc).map(|s| s.to_string())
            } else {
                Some(upval_name(p, t).to_string())
            };
            let name = kname(p, pc, k);
            Some((
                if vn.as_deref() == Some("_ENV") {
                    "global"
                } else {
                    "field"
                },
                name,
            ))
        }
        OpCode::GetUpval => Some(("upvalue", upval_name(p, i.b() as usize).to_string())),
        OpCode::LoadK | OpCode::LoadKx => {
            let b = if i.op() == OpCode::LoadK {
                i.bx() as usize
            } else {
                p.code.get(pc + 1).map_or(0, |x| x.ax_arg() as usize)
            };
            const_str(p, b).map(|s| ("constant", s))
        }
        OpCode::SelfOp => Some(("method", kname(p, pc, i.c()))),
        _ => None,
    }
}

/// funcnamefromcode: how the instruction at `pc` called a function.
fn func_name_from_code(p: &Proto, pc: usize) -> Option<(&'static str, String)> {
    let i = *p.code.get(pc)?;
    let tm = match i.op() {
        OpCode::Call | OpCode::TailCall => return get_obj_name(p, pc, i.a() as usize),
        OpCode::TForCall => return Some(("for iterator", "for iterator".to_string())),
        OpCode::SelfOp | OpCode::GetTabUp | OpCode::GetTable => "__index",
        OpCode::SetTabUp | OpCode::SetTable => "__newindex",
        OpCode::Add => "__add",
        OpCode::Sub => "__sub",
        OpCode::Mul => "__mul",
        OpCode::Mod => "__mod",
        OpCode::Pow => "__pow",
        OpCode::Div => "__div",
        OpCode::IDiv => "__idiv",
        OpCode::BAnd => "__band",
        OpCode::BOr => "__bor",
        OpCode::BXor => "__bxor",
        OpCode::Shl => "__shl",
        OpCode::Shr => "__shr",
        OpCode::Unm => "__unm",
        OpCode::BNot => "__bnot",
        OpCode::Len => "__len",
        OpCode::Concat => "__concat",
        OpCode::Eq => "__eq",
        OpCode::Lt => "__lt",
        OpCode::Le => "__le",
        _ => return None,
    };
    Some(("metamethod", tm.to_string()))
}

impl Vm {
    pub fn frame_proto(
        &self,
        th: &crate::thread::Thread,
        f: &Frame,
    ) -> Option<std::sync::Arc<Proto>> {
        if !matches!(f.kind, FrameKind::Lua) {
            return None;
        }
        match th.stack.get(f.func) {
            Some(Value::LuaFn(c)) => Some(c.get().proto.get().proto.clone()),
            _ => None,
        }
    }

    /// The current line of a Lua frame (-1 for natives).
    pub fn frame_line(&self, th: &crate::thread::Thread, f: &Frame) -> i64 {
        match self.frame_proto(th, f) {
            Some(p) => p
                .lineinfo
                .get(f.pc.saturating_sub(1))
                .map_or(-1, |l| *l as i64),
            None => -1,
        }
    }

    /// luaL_where: `"short_src:line: "` for the frame `level` levels below
    /// the top of the running thread, or `""` when it is not Lua code.
    pub fn where_(&self, level: usize) -> String {
        let th = self.cur.get();
        let n = th.frames.len();
        if level >= n {
            return String::new();
        }
        let f = &th.frames[n - 1 - level];
        match self.frame_proto(th, f) {
            // luaL_where gives no position without line information.
            Some(p) => match p.lineinfo.get(f.pc.saturating_sub(1)) {
                Some(&line) if line > 0 => format!("{}:{}: ", chunkid(&p.source), line),
                _ => String::new(),
            },
            None => String::new(),
        }
    }

    /// The position luaG_runerror adds for the running Lua function:
    /// `"short_src:line: "`, with line -1 when it was stripped.
    pub fn runtime_position(&self) -> String {
        let th = self.cur.get();
        let Some(f) = th.frames.last() else {
            return String::new();
        };
        match self.frame_proto(th, f) {
            Some(p) => {
                let line = p
                    .lineinfo
                    .get(f.pc.saturating_sub(1))
                    .map_or(-1, |l| *l as i64);
                format!("{}:{}: ", chunkid(&p.source), line)
            }
            None => String::new(),
        }
    }

    /// Describes an operand of the instruction being executed in the top
    /// frame: `" (local 'x')"`, `" (global 'f')"`, or `""`.
    pub(crate) fn describe(&self, op: Operand) -> String {
        let th = self.cur.get();
        let Some(f) = th.frames.last() else {
            return String::new();
        };
        let Some(p) = self.frame_proto(th, f) else {
            return String::new();
        };
        let pc = f.pc.saturating_sub(1);
        let r = match op {
            Operand::Reg(r) => get_obj_name(&p, pc, r as usize),
            Operand::Upval(u) => Some(("upvalue", upval_name(&p, u as usize).to_string())),
            Operand::None => None,
        };
        match r {
            Some((kind, name)) => format!(" ({} '{}')", kind, name),
            None => String::new(),
        }
    }

    /// As `describe`, for an absolute stack index.
    pub(crate) fn describe_stack_slot(&self, idx: usize) -> String {
        let th = self.cur.get();
        match th.frames.last() {
            Some(f) if matches!(f.kind, FrameKind::Lua) && idx >= f.base => {
                self.describe(Operand::Reg((idx - f.base) as u32))
            }
            _ => String::new(),
        }
    }

    /// The name under which the running native was called, and how
    /// ("global", "method", "field", ...), for luaL_argerror.
    pub fn current_native_name(&self) -> (String, &'static str) {
        let th = self.cur.get();
        let n = th.frames.len();
        if n >= 2 {
            let f = &th.frames[n - 1];
            let caller = &th.frames[n - 2];
            if !f.tail {
                if let Some(p) = self.frame_proto(th, caller) {
                    if let Some((kind, name)) = func_name_from_code(&p, caller.pc.saturating_sub(1))
                    {
                        return (name, kind);
                    }
                }
            }
        }
        // pushglobalfuncname: look the function up in package.loaded.
        if let Some(f) = th.frames.last().and_then(|f| th.stack.get(f.func)) {
            if let Some(name) = self.global_func_name(*f) {
                return (name, "global");
            }
        }
        ("?".to_string(), "")
    }

    /// `"mod.name"` (or `"name"` for `_G`) when `f` is a field of a table
    /// in `package.loaded` (pushglobalfuncname in lauxlib.c).
    pub fn global_func_name(&self, f: Value) -> Option<String> {
        let loaded = self
            .registry
            .get()
            .iter_all()
            .find_map(|(k, v)| match (k, v) {
                (Value::Str(s), Value::Table(t)) if s.get().as_bytes() == b"_LOADED" => Some(t),
                _ => None,
            });
        let Some(loaded) = loaded else {
            return self.template_func_name(f);
        };
        for (modname, m) in loaded.get().iter_all() {
            let (Value::Str(modname), Value::Table(m)) = (modname, m) else {
                continue;
            };
            for (k, v) in m.get().iter_all() {
                if let Value::Str(k) = k {
                    if v.raw_eq(&f) {
                        let modname = modname.get().to_str_lossy();
                        let k = k.get().to_str_lossy();
                        return Some(if modname == "_G" {
                            k.into_owned()
                        } else {
                            format!("{}.{}", modname, k)
                        });
                    }
                }
            }
        }
        self.template_func_name(f)
    }

    /// `global_func_name` for the standard modules, whether or not
    /// `package.loaded` or the module tables have been materialised yet
    /// (wlua_vm::lazy): the templates list them in order.
    fn template_func_name(&self, f: Value) -> Option<String> {
        use crate::lazy::TValue;
        let reg = self.registry.get().template()?;
        let loaded = reg.entries.iter().find_map(|(k, v)| match v {
            TValue::Lib(t) if *k == "_LOADED" => Some(*t),
            _ => None,
        })?;
        let name = |modname: &str, k: &str| {
            if modname == "_G" {
                k.to_string()
            } else {
                format!("{modname}.{k}")
            }
        };
        for (modname, tv) in loaded.entries {
            let (table, tpl) = match tv {
                TValue::Lib(t) => (self.lib_of_template(*t as *const _ as usize), Some(*t)),
                _ if *modname == "_G" => (Some(self.globals), self.globals.get().template()),
                _ => (None, None),
            };
            if let Some(t) = table {
                for (k, v) in t.get().iter_all() {
                    if let Value::Str(k) = k {
                        if v.raw_eq(&f) {
                            return Some(name(modname, &k.get().to_str_lossy()));
                        }
                    }
                }
            }
            let (Some(tpl), Value::LightFn(lf)) = (tpl, f) else {
                continue;
            };
            for (k, v) in tpl.entries {
                if let TValue::Fn(g) = v {
                    if *g as usize == lf as usize {
                        return Some(name(modname, k));
                    }
                }
            }
        }
        None
    }

    /// Name info for frame `level` (0 = top), for debug.getinfo "n".
    pub fn frame_name(
        &self,
        th: &crate::thread::Thread,
        idx: usize,
    ) -> Option<(&'static str, String)> {
        if self.hook_frame == Some(idx) && std::ptr::eq(th, self.cur.get()) {
            return Some(("hook", "?".to_string()));
        }
        if let Some((t, i)) = self.fin_frame {
            if i == idx && std::ptr::eq(th, t.get()) {
                return Some(("metamethod", "__gc".to_string()));
            }
        }
        let f = th.frames.get(idx)?;
        if f.tail || idx == 0 {
            return None;
        }
        let caller = &th.frames[idx - 1];
        let p = self.frame_proto(th, caller)?;
        func_name_from_code(&p, caller.pc.saturating_sub(1))
    }

    /// luaL_traceback of the running thread from `level`.
    pub fn traceback(&self, level: usize) -> String {
        self.traceback_of(self.cur, level)
    }

    /// The number of levels of `th`: its frames, plus, for the main thread,
    /// the host's C function that called the main chunk (lua.c's `pmain`,
    /// which the reference shows as `[C]: in ?`).
    pub fn level_count(&self, th: crate::gc::Gc<crate::thread::Thread>) -> usize {
        let n = th.get().frames.len();
        if th == self.main && n > 0 { n + 1 } else { n }
    }

    /// luaL_traceback (lauxlib.c, 5.3) of `th` from `level`: at most ten
    /// levels, `...`, then the last eleven.
    pub fn traceback_of(&self, th: crate::gc::Gc<crate::thread::Thread>, level: usize) -> String {
        const LEVELS1: usize = 10;
        const LEVELS2: usize = 11;
        let t = th.get();
        let count = self.level_count(th);
        let mut out = String::from("stack traceback:");
        if level >= count {
            return out;
        }
        let last = count - 1;
        let mut n1: i64 = if last - level > LEVELS1 + LEVELS2 {
            LEVELS1 as i64
        } else {
            -1
        };
        let mut lvl = level;
        while lvl < count {
            let cur = lvl;
            lvl += 1;
            if n1 == 0 {
                n1 -= 1;
                out.push_str("\n\t...");
                lvl = last - LEVELS2 + 1;
                continue;
            }
            n1 -= 1;
            let nf = t.frames.len();
            if cur >= nf {
                // The host's C function below the main chunk.
                out.push_str("\n\t[C]: in ?");
                continue;
            }
            let fi = nf - 1 - cur;
            let f = &t.frames[fi];
            let func = t.stack.get(f.func).copied().unwrap_or(Value::Nil);
            let proto = self.frame_proto(t, f);
            match &proto {
                Some(p) => {
                    out.push_str(&format!("\n\t{}:", chunkid(&p.source)));
                    let line = self.frame_line(t, f);
                    if line > 0 {
                        out.push_str(&format!("{line}:"));
                    }
                }
                None => out.push_str("\n\t[C]:"),
            }
            out.push_str(" in ");
            // A pcall/xpcall frame keeps its handler (or nil) where the
            // function was, so it is named from its kind.
            let protected = match f.kind {
                FrameKind::Protected { has_handler } => {
                    Some(if has_handler { "xpcall" } else { "pcall" })
                }
                _ => None,
            };
            if let Some(p) = protected {
                out.push_str(&format!("function '{p}'"));
            } else if let Some(g) = self.global_func_name(func) {
                out.push_str(&format!("function '{g}'"));
            } else if let Some((kind, name)) = self.frame_name(t, fi) {
                out.push_str(&format!("{kind} '{name}'"));
            } else {
                match &proto {
                    Some(p) if p.line_defined == 0 => out.push_str("main chunk"),
                    Some(p) => out.push_str(&format!(
                        "function <{}:{}>",
                        chunkid(&p.source),
                        p.line_defined
                    )),
                    None => out.push('?'),
                }
            }
            if f.tail {
                out.push_str("\n\t(...tail calls...)");
            }
        }
        out
    }

    /// Line and count hooks, before executing the instruction at `pc`.
    /// Returns true when a hook ran (the caller re-derives its state).
    pub(crate) fn hook_instruction(
        &mut self,
        p: &Proto,
        pc: usize,
    ) -> Result<bool, crate::error::LuaError> {
        let Some(mut h) = self.hook else {
            return Ok(false);
        };
        // The count runs inside hook functions too; only the call of the
        // hook is suppressed there (allowhook in the reference).
        let mut count_due = false;
        if h.count > 0 {
            h.counter += 1;
            if h.counter >= h.count {
                h.counter = 0;
                count_due = true;
            }
        }
        if self.in_hook {
            self.hook = Some(h);
            return Ok(false);
        }
        let mut line_due = false;
        if h.line {
            let line = p.lineinfo.get(pc).map_or(-1, |l| *l as i64);
            if pc == 0 || line != h.last_line || pc <= h.last_pc {
                h.last_line = line;
                line_due = true;
            }
            h.last_pc = pc;
        }
        self.hook = Some(h);
        if count_due {
            self.run_hook("count", None)?;
        }
        if line_due {
            let line = p.lineinfo.get(pc).map_or(-1, |l| *l as i64);
            self.run_hook("line", Some(line))?;
        }
        Ok(count_due || line_due)
    }

    /// After a return into a Lua frame, the line hook continues from the
    /// caller's current instruction (luaD_poscall sets oldpc), so the rest
    /// of the calling line does not fire again.
    pub(crate) fn hook_resume_caller(&mut self) {
        let th = self.cur.get();
        let Some(f) = th.frames.last() else { return };
        let Some(p) = self.frame_proto(th, f) else {
            return;
        };
        let pc = f.pc.saturating_sub(1);
        let line = p.lineinfo.get(pc).map_or(-1, |l| *l as i64);
        if let Some(h) = self.hook.as_mut() {
            h.last_pc = pc;
            h.last_line = line;
        }
    }

    /// Call and return hooks.
    pub(crate) fn call_hook_event(&mut self, event: &str) -> Result<(), crate::error::LuaError> {
        let Some(h) = self.hook else { return Ok(()) };
        if self.in_hook {
            return Ok(());
        }
        if ((event == "call" || event == "tail call") && h.call) || (event == "return" && h.ret) {
            self.run_hook(event, None)?;
        }
        Ok(())
    }

    /// Calls the hook function; its errors propagate to the hooked code,
    /// as in the reference. While it runs, `getinfo` names its frame as
    /// `hook` (CIST_HOOKED).
    fn run_hook(&mut self, event: &str, line: Option<i64>) -> Result<(), crate::error::LuaError> {
        let Some(h) = self.hook else { return Ok(()) };
        self.in_hook = true;
        let ev = self.new_str(event);
        let args: Vec<Value> = match line {
            Some(l) => vec![ev, Value::Int(l)],
            None => vec![ev],
        };
        let saved = self.hook_frame.replace(self.cur.get().frames.len());
        let r = self.call(h.func, &args);
        self.hook_frame = saved;
        self.in_hook = false;
        r.map(|_| ())
    }
}
