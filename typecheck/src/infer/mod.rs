//! The checker proper: one walk over a chunk's AST that infers expression
//! types, narrows along control flow and reports diagnostics.
//!
//! Gradual rules (spec/types.md 4): every value carries `strict`, true when
//! its type comes from an annotation, a signature or a literal. A strict
//! value must be a subtype of what it meets; a lax one (from unannotated
//! code, merges of paths) is reported only when no member of its type could
//! succeed, i.e. when failure is certain.
//!
//! Flow: `Flow` maps a variable or a field path on a local (`cfg.port`) to
//! its narrowed type. Branches copy it; after an `if` the reachable branch
//! states merge (a key survives when every branch has it, with the union of
//! its types); assignment to a path drops the narrowings under it. Loops
//! drop the narrowings of what their body assigns. A nested function starts
//! with no narrowings: it may run at any time.
//!
//! Depth: expression recursion is bounded (`MAX_DEPTH`); deeper input gets
//! one located E0011 and is treated as `any`.

use std::rc::Rc;

use hashbrown::HashMap;
use wlua_parser::ast::{self, BinOp, Block, Expr, ExprKind, Span, Stat, StatKind, UnOp};

use crate::diag::{Diagnostic, Severity, code};
use crate::subtype::{Aliases, Seg, Why, is_sub, merge_records};
use crate::ty::*;

mod annot;
mod call;
mod expr;
mod libs;
mod lint;
mod narrow;
mod pair;
mod typeval;
mod validate;

use annot::*;
use call::*;
use expr::*;
use lint::VarKind;
use typeval::*;
use validate::validators;

const MAX_DEPTH: u32 = 300;

/// A value's type and whether it is checked strictly.
#[derive(Clone, Debug)]
pub struct V {
    pub ty: Ty,
    pub strict: bool,
    /// Comes from a built-in signature: strict at annotated sinks (an
    /// annotated local, parameter, return), lax elsewhere, so unannotated
    /// code using `math.type(x)` is not asked to narrow.
    pub sig: bool,
}

impl V {
    fn any() -> V {
        V::lax(Ty::Any)
    }
    fn strict(ty: Ty) -> V {
        V {
            ty,
            strict: true,
            sig: false,
        }
    }
    fn lax(ty: Ty) -> V {
        V {
            ty,
            strict: false,
            sig: false,
        }
    }
    fn with(ty: Ty, strict: bool) -> V {
        V {
            ty,
            strict,
            sig: false,
        }
    }
}

type VarId = usize;
type Key = (VarId, Rc<[Rc<str>]>);

struct VarInfo {
    decl: Ty,
    annotated: bool,
    /// Reads are checked strictly: annotated, or every value assigned came
    /// from annotated code (a call of an annotated function). Literals do
    /// not count: `local s = "a"` stays lax code.
    strict: bool,
    level: usize,
    /// Assigned inside a closure: it may change whenever any call runs, so
    /// flow narrowing no longer applies (reads get the declared type).
    clobbered: bool,
    /// Where the program declared it and how, for the lint rules; none for
    /// locals the checker makes (a method's `self`).
    site: Option<(Span, VarKind)>,
    /// Read somewhere (lint rules W0004-W0006).
    used: bool,
}

#[derive(Clone, Default)]
struct Flow {
    narrow: HashMap<Key, Ty>,
    /// What testing a local tells about other paths (`local ok, err =
    /// T:is(v)`: `err == nil` means `v` is a `T`), by the tested local.
    facts: HashMap<VarId, Rc<Fact>>,
    dead: bool,
}

/// The narrowings a test of one local implies, for each way it can go.
struct Fact {
    truthy: Refs,
    falsy: Refs,
    /// `x ~= nil` / `x == nil`.
    nonnil: Refs,
    isnil: Refs,
    /// Locals whose assignment (or whose fields' assignment) makes the
    /// fact stale; the tested local is one of them.
    deps: Vec<VarId>,
}

struct FnCtx {
    rets: Option<Vec<Ty>>,
    ret_variadic: Option<Ty>,
    inferred: Vec<Vec<Ty>>,
    /// Some return ended with a call or `...`: more values may follow.
    inferred_tail: bool,
    /// Returns seen that give a value and nil or nil and an error
    /// (pair.rs), and whether one gave something else.
    pair_returns: u32,
    pair_broken: bool,
}

impl FnCtx {
    fn new() -> FnCtx {
        FnCtx {
            rets: None,
            ret_variadic: None,
            inferred: vec![],
            inferred_tail: false,
            pair_returns: 0,
            pair_broken: false,
        }
    }
}

type Refs = Vec<(Key, Ty)>;

/// Modules of one `wlua check` run, shared by the checkers of a file and
/// the modules it requires.
/// A module's view from its requirers: its return type, exported
/// aliases, and the type values its returned table holds (typeval.rs).
pub type ModuleTypes = (Ty, TypeExports, Exports);

/// Named types or values, by name.
pub type Exports = Rc<Vec<(Rc<str>, Ty)>>;

/// A module's exported aliases: name, type parameters (empty unless
/// generic) and body.
pub type TypeExports = Rc<Vec<(Rc<str>, Rc<[Rc<GenericTy>]>, Ty)>>;

pub struct Modules {
    /// The main script's directory: `require("a.b")` looks for
    /// `a/b.lua` and `a/b/init.lua` there.
    pub base: std::path::PathBuf,
    /// Checked modules (None while in progress or when unreadable).
    pub done: HashMap<std::path::PathBuf, Option<ModuleTypes>>,
    pub depth: u32,
}

pub struct Checker {
    pub diags: Vec<Diagnostic>,
    vars: Vec<VarInfo>,
    scope: Vec<(Rc<str>, VarId)>,
    /// Name to the stack of locals declaring it (innermost last): lookups
    /// stay constant-time in files with thousands of top-level locals.
    visible: HashMap<Rc<str>, Vec<VarId>>,
    types: TypeScope,
    /// Every alias's definition, by id (`Ty::Alias`).
    alias_bodies: Vec<AliasDef>,
    /// The blocks being walked that declare types (annot.rs).
    block_types: Vec<BlockTypes>,
    /// Inside a `type` statement's body (names follow the run time's
    /// rule there, annot.rs).
    in_type_stat: u32,
    /// Resolving a block's types quietly before walking it (annot.rs).
    prepass: bool,
    /// Names the `type` statement being resolved used before their
    /// declaration: bound once it is done, as the run time does.
    ahead: Vec<(Rc<str>, u32, usize)>,
    globals: HashMap<Rc<str>, V>,
    flow: Flow,
    fns: Vec<FnCtx>,
    depth: u32,
    too_complex: bool,
    next_generic: u32,
    /// Modules for `require`: where they are found and those checked.
    pub modules: Option<Rc<std::cell::RefCell<Modules>>>,
    /// Locals bound to `require("mod")`: their exported types (`mod.T`).
    module_types: HashMap<VarId, TypeExports>,
    /// Locals holding a type value (`type Point = ...` declares one, as the
    /// run time does): the type, for `Point:is(v)` and `Point(v)`.
    type_values: HashMap<Key, TypeVal>,
    /// Blocks entered in the function being walked (0: its body's own
    /// statements; a module's `M.Point = Point` counts only there).
    nesting: u32,
    /// The type values the main chunk's `return` gives (typeval.rs):
    /// None before any; differing returns give none.
    chunk_values: Option<Vec<(Rc<str>, Ty)>>,
    /// `@pattern` validators compiled so far (None: does not compile).
    patterns: std::cell::RefCell<HashMap<Rc<str>, Option<Rc<regex::bytes::Regex>>>>,
    /// Globals the program assigns: `String` is the primitive type value
    /// only while the program has not replaced it.
    assigned_globals: hashbrown::HashSet<Rc<str>>,
    /// Field path of the table constructor being checked against its
    /// context (`items[2].quantity`), for messages.
    tpath: Vec<Seg>,
    /// What the outermost constructor is (`argument #1 of 'f'`, `return
    /// value`) and the code its failures get; none for locals and fields
    /// (E0001, no prefix).
    tctx: Option<(String, &'static str)>,
    /// The span of the last call of a function whose results are a
    /// value and an error (pair.rs), to link the locals it initialises.
    pair_call: Option<Span>,
    /// Set when builtins.rs fails to parse (tested in builtins_parse).
    pub builtin_error: Option<String>,
    /// Modules `require` finds without a file, by name (libs.rs).
    lib_modules: HashMap<Rc<str>, Ty>,
    /// The runtime's named types by module (`io` → `File`), for `io.File`.
    lib_types: HashMap<Rc<str>, Exports>,
    /// Report the lint rules (W codes, `wlua check --rules`).
    pub rules: bool,
    /// Byte offsets where lines start, for lint messages that name a line.
    pub line_starts: Vec<u32>,
}

struct AliasTable<'c>(&'c [AliasDef]);

impl Aliases for AliasTable<'_> {
    fn expand(&self, a: &AliasRef) -> Ty {
        let Some(d) = self.0.get(a.id as usize) else {
            return Ty::Any;
        };
        if a.args.is_empty() || d.generics.is_empty() {
            return d.body.clone();
        }
        let map: HashMap<u32, Ty> = d
            .generics
            .iter()
            .zip(&a.args)
            .map(|(g, t)| (g.id, t.clone()))
            .collect();
        subst(&d.body, &map)
    }
}

fn key_with(k: &Key, field: &str) -> Key {
    let mut p: Vec<Rc<str>> = k.1.to_vec();
    p.push(Rc::from(field));
    (k.0, p.into())
}

fn is_prefix(p: &Key, k: &Key) -> bool {
    p.0 == k.0 && k.1.len() >= p.1.len() && k.1[..p.1.len()] == p.1[..]
}

fn tag_ty(tag: &str) -> Option<Ty> {
    Some(match tag {
        "nil" => Ty::Nil,
        "boolean" => Ty::Boolean,
        "number" => Ty::Number,
        "string" => Ty::String,
        "table" => Ty::Table,
        "function" => Ty::Function,
        "thread" => Ty::Thread,
        "userdata" => Ty::Userdata,
        _ => return None,
    })
}

/// Whether arithmetic on `t` gives an integer. A `nil` member is left out:
/// using an optional is reported on its own, and the result is typed as
/// if the value were there (no follow-on error).
fn numeric(t: &Ty) -> bool {
    let ms = t.members();
    ms.iter().any(|m| !matches!(m, Ty::Nil))
        && ms
            .iter()
            .all(|m| matches!(m, Ty::Integer | Ty::LitInt(_) | Ty::Nil))
}

impl Checker {
    pub fn new() -> Checker {
        Checker {
            diags: Vec::new(),
            vars: Vec::new(),
            scope: Vec::new(),
            visible: HashMap::new(),
            types: TypeScope::default(),
            alias_bodies: Vec::new(),
            block_types: Vec::new(),
            in_type_stat: 0,
            prepass: false,
            ahead: Vec::new(),
            globals: HashMap::new(),
            flow: Flow::default(),
            fns: Vec::new(),
            depth: 0,
            too_complex: false,
            next_generic: 0,
            tpath: Vec::new(),
            tctx: None,
            modules: None,
            module_types: HashMap::new(),
            type_values: HashMap::new(),
            nesting: 0,
            chunk_values: None,
            assigned_globals: hashbrown::HashSet::new(),
            patterns: Default::default(),
            builtin_error: None,
            pair_call: None,
            lib_modules: HashMap::new(),
            lib_types: HashMap::new(),
            rules: false,
            line_starts: Vec::new(),
        }
    }

    // ------------------------------------------------------------------
    // Built-ins

    /// Declares the standard library and the runtime modules from
    /// builtins.rs (libs.rs).
    pub fn load_builtins(&mut self) {
        self.load_libs();
    }

    // ------------------------------------------------------------------
    // Diagnostics

    fn err(&mut self, c: &'static str, span: Span, message: String) {
        if self.diags.len() >= 10_000 {
            return;
        }
        // A check that ran out of budget (`WhyKind::TooComplex`) is not a
        // mismatch: whatever prefix it got, it reports as too complex.
        let c = if message.ends_with(crate::subtype::TOO_COMPLEX_TYPE) {
            code::TOO_COMPLEX
        } else {
            c
        };
        self.diags.push(Diagnostic {
            code: c,
            severity: Severity::Error,
            span,
            message,
            label: None,
        });
    }

    fn al(&self) -> AliasTable<'_> {
        AliasTable(&self.alias_bodies)
    }

    /// `t` with alias references expanded and validators dropped (`bare`):
    /// the shape operations and narrowing look at.
    fn expand(&self, t: &Ty) -> Ty {
        self.unalias(t).bare()
    }

    /// `t` with alias references at the top expanded; validators kept.
    fn unalias(&self, t: &Ty) -> Ty {
        let mut t = t.clone();
        // Chains are compressed when their block ends (annot.rs); the
        // bound covers a block still being walked.
        for _ in 0..1000 {
            match t {
                Ty::Alias(a) => t = self.al().expand(&a),
                _ => break,
            }
        }
        t
    }

    /// Can `v` be used where `want` is expected? Strict values need
    /// subtyping; lax ones fail only when no member of their type fits.
    fn fits(&self, v: &V, want: &Ty) -> Result<(), Why> {
        self.fits_as(v, want, v.strict || v.sig)
    }

    fn fits_as(&self, v: &V, want: &Ty, strict: bool) -> Result<(), Why> {
        let al = self.al();
        match is_sub(&v.ty, want, &al) {
            Ok(()) => Ok(()),
            Err(w) if strict => Err(w),
            Err(w) => {
                if v.ty.members().iter().any(|m| is_sub(m, want, &al).is_ok()) {
                    Ok(())
                } else {
                    Err(w)
                }
            }
        }
    }

    // ------------------------------------------------------------------
    // Scopes and flow

    fn level(&self) -> usize {
        self.fns.len()
    }

    /// Declares a local; `site` is where the program declares it (none for
    /// the checker's own, such as a method's `self`).
    fn declare(
        &mut self,
        name: &str,
        decl: Ty,
        annotated: bool,
        now: Ty,
        site: Option<(Span, VarKind)>,
    ) -> VarId {
        if let Some((span, _)) = site {
            self.lint_shadow(name, span);
        }
        let id = self.vars.len();
        self.vars.push(VarInfo {
            decl,
            annotated,
            strict: annotated,
            level: self.level(),
            clobbered: false,
            site,
            used: false,
        });
        let n: Rc<str> = Rc::from(name);
        self.visible.entry(n.clone()).or_default().push(id);
        self.scope.push((n, id));
        self.flow.narrow.insert((id, Rc::from([])), now.bare());
        id
    }

    fn pop_scope(&mut self, mark: usize) {
        while self.scope.len() > mark {
            if let Some((n, id)) = self.scope.pop() {
                self.lint_unused(&n, id);
                if let Some(v) = self.visible.get_mut(&n) {
                    v.pop();
                }
            }
        }
    }

    fn resolve(&self, name: &str) -> Option<VarId> {
        self.visible.get(name).and_then(|v| v.last().copied())
    }

    fn var_type(&self, id: VarId) -> V {
        let v = &self.vars[id];
        let strict = v.strict;
        if v.clobbered {
            return if v.annotated {
                V::strict(v.decl.bare())
            } else {
                V::any()
            };
        }
        if let Some(t) = self.flow.narrow.get(&(id, Rc::from([]))) {
            return V::with(t.clone(), strict);
        }
        if v.level < self.level() && !v.annotated {
            // Captured and unannotated: only a table or function shape is
            // kept (those are rarely reassigned); anything else is `any`.
            return match &v.decl {
                t @ (Ty::Record(_) | Ty::Func(_) | Ty::Array(_) | Ty::Map(..)) => V::lax(t.clone()),
                _ => V::any(),
            };
        }
        V::with(v.decl.bare(), strict)
    }

    fn assign_key(&mut self, k: &Key, t: Ty) {
        self.flow.narrow.retain(|x, _| !is_prefix(k, x));
        self.flow.narrow.insert(k.clone(), t);
        self.drop_facts(k.0);
    }

    /// Forgets the facts that assigning `id` (or a field of it) breaks.
    fn drop_facts(&mut self, id: VarId) {
        if !self.flow.facts.is_empty() {
            self.flow.facts.retain(|_, f| !f.deps.contains(&id));
        }
    }

    /// The fact about local `id`, unless a closure may have changed what
    /// it depends on.
    fn fact(&self, id: VarId) -> Option<Rc<Fact>> {
        let f = self.flow.facts.get(&id)?;
        if f.deps.iter().any(|d| self.vars[*d].clobbered) {
            return None;
        }
        Some(f.clone())
    }

    fn apply(&mut self, refs: &Refs) {
        for (k, t) in refs {
            if t.is_never() && !refs.is_empty() {
                // A test no value can pass: the branch is dead.
                self.flow.dead = true;
            }
            self.flow.narrow.insert(k.clone(), t.clone());
        }
    }

    fn merge(states: Vec<Flow>) -> Flow {
        let live: Vec<Flow> = states.into_iter().filter(|s| !s.dead).collect();
        let Some(first) = live.first() else {
            return Flow {
                narrow: HashMap::new(),
                facts: HashMap::new(),
                dead: true,
            };
        };
        let mut out = HashMap::new();
        for (k, t) in &first.narrow {
            let mut parts = vec![t.clone()];
            let mut all = true;
            for s in &live[1..] {
                match s.narrow.get(k) {
                    Some(u) => parts.push(u.clone()),
                    None => {
                        all = false;
                        break;
                    }
                }
            }
            if all {
                out.insert(k.clone(), union(parts));
            }
        }
        let facts = first
            .facts
            .iter()
            .filter(|(id, f)| {
                live[1..]
                    .iter()
                    .all(|s| s.facts.get(*id).is_some_and(|g| Rc::ptr_eq(f, g)))
            })
            .map(|(id, f)| (*id, f.clone()))
            .collect();
        Flow {
            narrow: out,
            facts,
            dead: false,
        }
    }

    /// The flow key of a local variable or a constant field path on one.
    fn key_of(&self, e: &Expr) -> Option<Key> {
        match &e.kind {
            ExprKind::Name(n) => self.resolve(n).map(|id| (id, Rc::from([]))),
            ExprKind::Paren(x) => self.key_of(x),
            ExprKind::Index(o, k) => {
                let ExprKind::Str(s) = k.kind else {
                    return None;
                };
                let s = std::str::from_utf8(s).ok()?;
                let pk = self.key_of(o)?;
                if pk.1.len() >= 8 {
                    return None;
                }
                Some(key_with(&pk, s))
            }
            _ => None,
        }
    }

    // ------------------------------------------------------------------
    // Statements

    /// Checks a main chunk; returns the type of its first return value
    /// (what `require` of it gives) and its exported aliases.
    pub fn chunk(&mut self, b: &Block) -> ModuleTypes {
        self.fns.push(FnCtx::new());
        let ms = self.scope.len();
        let framed = self.enter_block_types(b.stats);
        self.walk_stats(b.stats, true, framed);
        if let Some(r) = b.ret {
            self.ret(r);
        }
        self.leave_block_types(framed);
        let mut exports = Vec::new();
        for s in b.stats {
            if let StatKind::TypeAlias(a) = s.kind
                && a.exported
            {
                let (generics, body) = self.lookup_alias(a.name);
                exports.push((Rc::from(a.name), generics, foreign(&body)));
            }
        }
        self.pop_scope(ms);
        let ctx = self.fns.pop();
        let ret = ctx
            .map(|c| {
                union(
                    c.inferred
                        .iter()
                        .map(|p| p.first().cloned().unwrap_or(Ty::Nil))
                        .collect(),
                )
            })
            .unwrap_or(Ty::Nil);
        let values = self.chunk_values.take().unwrap_or_default();
        (foreign(&ret), Rc::new(exports), Rc::new(values))
    }

    /// `require("name")` of a runtime module (found first, as
    /// package.loaded and package.preload are) or of a module file beside
    /// the main script.
    fn require_module(&mut self, name: &[u8]) -> Option<ModuleTypes> {
        if let Some(m) = self.builtin_module(name) {
            return Some(m);
        }
        let modules = self.modules.clone()?;
        let name = std::str::from_utf8(name).ok()?;
        if name.is_empty() || name.contains("..") || name.starts_with('/') {
            return None;
        }
        let rel = name.replace('.', "/");
        let base = modules.borrow().base.clone();
        let path = [format!("{rel}.lua"), format!("{rel}/init.lua")]
            .into_iter()
            .map(|p| base.join(p))
            .find(|p| p.is_file())?;
        if let Some(m) = modules.borrow().done.get(&path) {
            return m.clone();
        }
        // A cycle (or a module already being checked) reads as `any`.
        modules.borrow_mut().done.insert(path.clone(), None);
        if modules.borrow().depth > 32 {
            return None;
        }
        let src = std::fs::read(&path).ok()?;
        let arena = bumpalo::Bump::new();
        let block = wlua_parser::parse(&arena, &src, &format!("@{}", path.display())).ok()?;
        let mut c = Checker::new();
        c.load_builtins();
        c.modules = Some(modules.clone());
        modules.borrow_mut().depth += 1;
        let types = c.chunk(&block);
        modules.borrow_mut().depth -= 1;
        let r = Some(types);
        modules.borrow_mut().done.insert(path, r.clone());
        r
    }

    fn block(&mut self, b: &Block) {
        self.nesting += 1;
        let ms = self.scope.len();
        let mt = self.types.len();
        let framed = self.enter_block_types(b.stats);
        self.walk_stats(b.stats, true, framed);
        if let Some(r) = b.ret {
            let n = self.diags.len();
            let dead = self.flow.dead;
            self.ret(r);
            if dead {
                self.diags.truncate(n);
            }
        }
        self.leave_block_types(framed);
        self.pop_scope(ms);
        self.types.truncate(mt);
        self.nesting -= 1;
    }

    /// The statements of a block, in order (`live`: unreachable ones
    /// report nothing; `framed`: the block has a frame of its own for its
    /// `type` statements, annot.rs, which follows the walk).
    fn walk_stats(&mut self, stats: &[Stat], live: bool, framed: bool) {
        for (i, s) in stats.iter().enumerate() {
            if framed {
                self.at_statement(i);
            }
            if live {
                self.stat_live(s);
            } else {
                self.stat(s);
            }
        }
    }

    /// A statement after a `return`, `error()` or exhausted narrowing is
    /// unreachable: it is still walked (declarations, aliases) but its
    /// diagnostics are dropped (spec/types.md 4.6).
    fn stat_live(&mut self, s: &Stat) {
        if !self.flow.dead || matches!(s.kind, StatKind::Label(_)) {
            self.stat(s);
            return;
        }
        let n = self.diags.len();
        self.stat(s);
        self.diags.truncate(n);
        self.flow.dead = true;
    }

    fn stat(&mut self, s: &Stat) {
        self.lint_empty(s);
        match &s.kind {
            StatKind::Local { names, exprs } => self.local(names, exprs),
            StatKind::Assign { targets, exprs } => self.assign(targets, exprs),
            StatKind::Call(e) => {
                self.expr_multi(e);
            }
            StatKind::Do(b) => self.block(b),
            StatKind::While { cond, body } => {
                self.forget_assigned(body);
                let before = self.flow.clone();
                let (t, _) = self.cond(cond);
                self.apply(&t);
                self.block(body);
                self.flow = Self::merge(vec![before, self.flow.clone()]);
            }
            StatKind::Repeat { body, cond } => {
                self.forget_assigned(body);
                let before = self.flow.clone();
                let ms = self.scope.len();
                let mt = self.types.len();
                let framed = self.enter_block_types(body.stats);
                self.nesting += 1;
                self.walk_stats(body.stats, false, framed);
                self.nesting -= 1;
                if let Some(r) = body.ret {
                    self.ret(r);
                }
                let (_, f) = self.cond(cond);
                let _ = f;
                self.leave_block_types(framed);
                self.pop_scope(ms);
                self.types.truncate(mt);
                self.flow = Self::merge(vec![before, self.flow.clone()]);
            }
            StatKind::If { arms, else_body } => {
                let mut outs = Vec::new();
                for arm in arms.iter() {
                    let (t, f) = self.cond(arm.cond);
                    let saved = self.flow.clone();
                    self.apply(&t);
                    self.block(&arm.body);
                    outs.push(std::mem::replace(&mut self.flow, saved));
                    self.apply(&f);
                }
                if let Some(b) = else_body {
                    self.block(b);
                }
                outs.push(std::mem::take(&mut self.flow));
                self.flow = Self::merge(outs);
            }
            StatKind::NumFor {
                var,
                start,
                limit,
                step,
                body,
            } => {
                let mut all_int = true;
                for e in [Some(*start), Some(*limit), *step].into_iter().flatten() {
                    let v = self.expr(e, None);
                    let _ = self.check_arith_operand(&v, e.span, "'for' value");
                    if !numeric(&v.ty) {
                        all_int = false;
                    }
                }
                let _ = limit;
                self.forget_assigned(body);
                let before = self.flow.clone();
                let ms = self.scope.len();
                let t = if all_int { Ty::Integer } else { Ty::Number };
                let site = Some((var.span, VarKind::LoopVar));
                self.declare(var.name, t.clone(), false, t, site);
                self.block(body);
                self.pop_scope(ms);
                self.flow = Self::merge(vec![before, self.flow.clone()]);
            }
            StatKind::GenFor { names, exprs, body } => {
                let tys = self.for_in_types(exprs, names.len());
                self.forget_assigned(body);
                let before = self.flow.clone();
                let ms = self.scope.len();
                for (i, n) in names.iter().enumerate() {
                    let t = tys.get(i).cloned().unwrap_or(Ty::Any);
                    let site = Some((n.span, VarKind::LoopVar));
                    if let Some(a) = n.ty {
                        let d = self.resolve_type(a);
                        self.declare(n.name, d.clone(), true, d, site);
                    } else {
                        self.declare(n.name, t.clone(), false, t, site);
                    }
                }
                self.block(body);
                self.pop_scope(ms);
                self.flow = Self::merge(vec![before, self.flow.clone()]);
            }
            StatKind::Function { name, func } => {
                // `function C:m()`: `self` finds C's methods.
                let class = match (name.method, name.fields.is_empty()) {
                    (Some(_), true) => self.resolve(name.base),
                    _ => None,
                };
                let f = self.function(func, None, name.method.is_some(), class);
                let mut target = self
                    .resolve(name.base)
                    .map(|id| (id, Rc::<[Rc<str>]>::from([])));
                let path: Vec<&str> = name.fields.iter().copied().chain(name.method).collect();
                if path.is_empty() {
                    match target {
                        Some(k) => self.assign_var(&k, f, s.span),
                        None => {
                            self.lint_global(name.base, name.base_span);
                            self.assigned_globals.insert(Rc::from(name.base));
                            self.globals.insert(Rc::from(name.base), f);
                        }
                    }
                    return;
                }
                // `function M.f()` reads M, and replaces what M.f held.
                if let Some((id, _)) = &target {
                    self.vars[*id].used = true;
                    let slot: Key = (*id, path.iter().map(|p| Rc::from(*p)).collect());
                    self.forget_type_values(&slot);
                }
                // `function M.f()` on an unannotated local table: the
                // table's type gains the field.
                if let Some(k) = target.take()
                    && path.len() == 1
                {
                    let cur = self.var_type(k.0);
                    let field = path[0];
                    self.write_field(&k, &cur, field, f, s.span);
                }
            }
            StatKind::LocalFunction { name, func } => {
                let sig = self.signature(func, false);
                let site = Some((name.span, VarKind::LocalFunction));
                let id = self.declare(name.name, sig.clone(), true, sig.clone(), site);
                let f = self.function(func, None, false, None);
                self.vars[id].decl = f.ty.clone();
                self.flow.narrow.insert((id, Rc::from([])), f.ty);
            }
            StatKind::Break | StatKind::Goto(_) => {
                self.flow.dead = true;
            }
            StatKind::Label(_) => {
                // A label may be jumped to from anywhere: flow restarts.
                self.flow.dead = false;
            }
            StatKind::TypeAlias(a) => {
                let alias = self.alias_stat(a, s.span);
                // The declaration is also a local holding the type value
                // (docs/types-runtime.md); a generic one validates its
                // parameters as `any`.
                let def = self.alias_bodies[alias as usize].clone();
                let body = if def.generics.is_empty() {
                    def.body
                } else {
                    let any: HashMap<u32, Ty> =
                        def.generics.iter().map(|g| (g.id, Ty::Any)).collect();
                    subst(&def.body, &any)
                };
                let site = Some((s.span, VarKind::Type));
                let tv = self
                    .lib_types
                    .get("types")
                    .and_then(|ts| ts.iter().find(|(n, _)| &**n == "Type"))
                    .map_or(Ty::Userdata, |(_, t)| t.clone());
                let id = self.declare(a.name, tv.clone(), false, tv, site);
                let generic = (!def.generics.is_empty()).then_some(alias);
                self.type_values
                    .insert((id, Rc::from([])), TypeVal { ty: body, generic });
            }
        }
    }

    /// Types of the variables of `for ... in exprs`.
    fn for_in_types(&mut self, exprs: &[Expr], n: usize) -> Vec<Ty> {
        if let [e] = exprs
            && let ExprKind::Call(f, args) = &e.kind
            && let (ExprKind::Name(fname @ ("pairs" | "ipairs")), [arg]) = (&f.kind, args)
            && self.resolve(fname).is_none()
        {
            let v = self.expr(arg, None);
            let t = self.expand(&v.ty);
            if v.strict && t.has_nil() {
                self.err(
                    code::MAYBE_NIL,
                    arg.span,
                    format!("argument #1 of '{fname}': expected a table, got {}", v.ty),
                );
            } else if let Some(b) = bad_index_target(&t, v.strict) {
                self.err(
                    code::ARGUMENT,
                    arg.span,
                    format!("argument #1 of '{fname}': expected a table, got {b}"),
                );
            }
            let t = t.non_nil();
            return match (&t, *fname) {
                (Ty::Array(x), _) => vec![Ty::Integer, (**x).clone()],
                (Ty::Map(k, v), "pairs") => vec![(**k).clone(), (**v).clone()],
                (Ty::Record(r), "pairs") if !r.fields.is_empty() => {
                    let vs = r.fields.iter().map(|f| f.ty.clone()).collect();
                    vec![Ty::String, union(vs)]
                }
                _ => vec![Ty::Any; n],
            };
        }
        let vs = self.exprs_multi(exprs, 3);
        if let Some(f) = vs.first()
            && let Ty::Func(ft) = self.expand(&f.ty)
        {
            return ft.rets.iter().map(|t| t.non_nil()).collect();
        }
        vec![Ty::Any; n]
    }

    /// Drops narrowings of variables a loop body assigns (the body may run
    /// again with their new values).
    fn forget_assigned(&mut self, b: &Block) {
        let mut names: Vec<&str> = Vec::new();
        collect_assigned(b, &mut names, 0);
        for n in names {
            if let Some(id) = self.resolve(n) {
                let k: Key = (id, Rc::from([]));
                self.flow.narrow.retain(|x, _| !is_prefix(&k, x));
                self.drop_facts(id);
                if !self.vars[id].annotated {
                    self.flow.narrow.insert(k, Ty::Any);
                }
            }
        }
    }

    fn local(&mut self, names: &[ast::LocalName], exprs: &[Expr]) {
        let mut decls = Vec::new();
        for n in names {
            decls.push(n.ty.map(|t| self.resolve_type(t)));
        }
        // `local ok, err = T:is(v)` and `local P = Point`, resolved before
        // the new names are in scope.
        let is_test = exprs.last().and_then(|e| self.is_test(e));
        let type_vals: Vec<Option<TypeVal>> = (0..names.len())
            .map(|i| exprs.get(i).and_then(|e| self.type_val(e)))
            .collect();
        let kinds: Vec<VarKind> = (0..names.len())
            .map(|i| match exprs.get(i).map(|e| &e.kind) {
                Some(ExprKind::Call(f, _))
                    if matches!(f.kind, ExprKind::Name("require"))
                        && self.resolve("require").is_none() =>
                {
                    VarKind::Import
                }
                _ => VarKind::Local,
            })
            .collect();
        let vals = self.exprs_against(exprs, &decls, names.len());
        let from_annotated: Vec<bool> = (0..names.len())
            .map(|i| {
                let e = exprs
                    .get(i)
                    .or(if i >= exprs.len() { exprs.last() } else { None });
                e.is_some_and(|e| !is_literal(e))
            })
            .collect();
        for (i, n) in names.iter().enumerate() {
            let (v, span) = vals.get(i).cloned().unwrap_or((V::strict(Ty::Nil), n.span));
            match &decls[i] {
                Some(d) => {
                    if let Err(w) = self.fits(&v, d) {
                        let code = if !v.ty.non_nil().is_never()
                            && v.ty.has_nil()
                            && self.fits(&V::strict(v.ty.non_nil()), d).is_ok()
                        {
                            code::MAYBE_NIL
                        } else {
                            code::MISMATCH
                        };
                        self.err(code, span, format!("local '{}': {}", n.name, w.message()));
                    }
                    if let Some(e) = exprs.get(i) {
                        self.check_literal(e, d, &format!("local '{}'", n.name));
                    }
                    let now = self.narrow_by_assignment(d, &v.ty);
                    self.declare(n.name, d.clone(), true, now, Some((n.span, kinds[i])));
                }
                None => {
                    let t = widen_numbers(&v.ty);
                    let decl = if matches!(t, Ty::Nil) {
                        Ty::Any
                    } else {
                        t.clone()
                    };
                    let now = t;
                    let id = self.declare(n.name, decl, false, now, Some((n.span, kinds[i])));
                    self.vars[id].strict = v.strict && from_annotated[i];
                    if let Some(Expr {
                        kind: ExprKind::Call(f, a),
                        ..
                    }) = exprs.get(i)
                        && let (
                            ExprKind::Name("require"),
                            [
                                Expr {
                                    kind: ExprKind::Str(m),
                                    ..
                                },
                            ],
                        ) = (&f.kind, &a[..])
                        && let Some((_, ex, values)) = self.require_module(m)
                    {
                        self.module_types.insert(id, ex);
                        for (n, t) in values.iter() {
                            let k: Key = (id, Rc::from([n.clone()]));
                            self.type_values.insert(k, TypeVal::plain(t.clone()));
                        }
                    }
                }
            }
        }
        // The new locals are the last `names.len()` declared.
        let ids: Vec<VarId> = (self.vars.len() - names.len()..self.vars.len()).collect();
        for (id, t) in ids.iter().zip(type_vals) {
            if let Some(t) = t {
                self.type_values.insert((*id, Rc::from([])), t);
            }
        }
        if let Some(test) = is_test {
            let at = exprs.len() - 1;
            let ok = ids.get(at).copied();
            let err = ids.get(at + 1).copied();
            self.is_facts(&test, ok, err);
        } else {
            self.link_pair(exprs, &ids);
        }
    }

    /// `local v, err = f()` (or `v, err = f()` on locals) where `f`'s
    /// results are a value and an error (pair.rs): testing one tells
    /// about the other.
    fn link_pair(&mut self, exprs: &[Expr], ids: &[VarId]) {
        let Some(last) = exprs.last() else { return };
        if !matches!(last.kind, ExprKind::Call(..) | ExprKind::MethodCall(..))
            || self.pair_call != Some(last.span)
        {
            return;
        }
        let at = exprs.len() - 1;
        if let (Some(&v), Some(&e)) = (ids.get(at), ids.get(at + 1))
            && v != e
        {
            let vt = self.var_type(v).ty;
            let et = self.var_type(e).ty;
            self.pair_facts(v, e, &vt, &et);
        }
    }

    fn narrow_by_assignment(&self, decl: &Ty, got: &Ty) -> Ty {
        // `unknown` is declared to forget the type: it must be narrowed by a test.
        if got.is_any() || matches!(got, Ty::Unknown) || matches!(decl, Ty::Unknown | Ty::Any) {
            return decl.bare();
        }
        let al = self.al();
        let w = got.widen();
        if is_sub(&w, decl, &al).is_ok() {
            w
        } else if is_sub(got, decl, &al).is_ok() {
            got.clone()
        } else {
            decl.bare()
        }
    }

    fn assign_var(&mut self, k: &Key, v: V, span: Span) {
        let id = k.0;
        // It may no longer hold the type value it was declared with.
        self.forget_type_values(&(id, Rc::from([])));
        if self.vars[id].annotated {
            let d = self.vars[id].decl.clone();
            if let Err(w) = self.fits(&v, &d) {
                self.err(
                    code::MISMATCH,
                    span,
                    format!("cannot assign to a variable of type {d}: {}", w.message()),
                );
            }
            let now = self.narrow_by_assignment(&d, &v.ty);
            self.assign_key(k, now);
        } else {
            self.vars[id].strict &= v.strict;
            self.assign_key(k, widen_numbers(&v.ty));
        }
    }

    fn assign(&mut self, targets: &[Expr], exprs: &[Expr]) {
        // Expected types of the targets give table literals their context.
        let mut expect = Vec::new();
        for t in targets {
            let e = match &t.kind {
                ExprKind::Name(n) => self
                    .resolve(n)
                    .and_then(|id| self.vars[id].annotated.then(|| self.vars[id].decl.clone())),
                _ => None,
            };
            expect.push(e);
        }
        let src_tv: Vec<Option<TypeVal>> = (0..targets.len())
            .map(|i| exprs.get(i).and_then(|e| self.type_val(e)))
            .collect();
        let vals = self.exprs_against(exprs, &expect, targets.len());
        for (i, t) in targets.iter().enumerate() {
            let (v, span) = vals.get(i).cloned().unwrap_or((V::strict(Ty::Nil), t.span));
            // The declared type the value meets, for its validators.
            let mut meets: Option<(Ty, String)> = None;
            match &t.kind {
                ExprKind::Name(n) => match self.resolve(n) {
                    Some(id) => {
                        if self.vars[id].annotated {
                            meets = Some((self.vars[id].decl.clone(), format!("variable '{n}'")));
                        }
                        self.assign_var(&(id, Rc::from([])), v, span)
                    }
                    None => {
                        self.lint_global(n, t.span);
                        let n: Rc<str> = Rc::from(*n);
                        self.assigned_globals.insert(n.clone());
                        // `String = ...`: no longer the primitive type value.
                        if capitalised(&n).is_some() {
                            self.globals.insert(n.clone(), V::any());
                        }
                        // Programs may replace any global, built-ins
                        // included (`tostring = my_tostring`).
                        let _ = span;
                        if !self.globals.contains_key(&n) {
                            self.globals.insert(n, V::lax(widen_numbers(&v.ty)));
                        }
                    }
                },
                ExprKind::Index(o, k) => {
                    let ov = self.expr(o, None);
                    let name = match k.kind {
                        ExprKind::Str(s) => std::str::from_utf8(s).ok(),
                        _ => None,
                    };
                    // A type value stored in a table: only the main
                    // chunk's own statements are sure to have run.
                    let slot = match name {
                        Some(_) => self.key_of(t),
                        None => self.key_of(o),
                    };
                    if let Some(fk) = &slot {
                        self.forget_type_values(fk);
                        if let (Some(tv), Some(_), 1, 0) =
                            (&src_tv[i], name, self.fns.len(), self.nesting)
                        {
                            self.type_values.insert(fk.clone(), tv.clone());
                        }
                    }
                    let declared = match (name, self.key_of(o)) {
                        (Some(f), Some(ok)) => self.write_field(&ok, &ov, f, v, span),
                        (Some(f), None) => self.check_field_write(&ov, f, &v, span, o.span),
                        (None, _) => {
                            let kv = self.expr(k, None);
                            self.index_write_dynamic(&ov, &kv, &v, o.span, span)
                        }
                    };
                    meets = declared.map(|d| {
                        let what = match name {
                            Some(f) => format!("field '{f}'"),
                            None if matches!(self.expand(&ov.ty).non_nil(), Ty::Array(_)) => {
                                "array element".to_string()
                            }
                            None => "map value".to_string(),
                        };
                        (d, what)
                    });
                }
                _ => {}
            }
            if let (Some((want, what)), Some(e)) = (meets, exprs.get(i)) {
                self.check_literal(e, &want, &what);
            }
        }
        let locals: Option<Vec<VarId>> = targets
            .iter()
            .map(|t| match t.kind {
                ExprKind::Name(n) => self.resolve(n),
                _ => None,
            })
            .collect();
        if let Some(ids) = locals {
            self.link_pair(exprs, &ids);
        }
    }

    /// `obj.f = v` where obj has a flow key; returns the field's declared
    /// type when the object has one.
    fn write_field(&mut self, ok: &Key, ov: &V, f: &str, v: V, span: Span) -> Option<Ty> {
        let declared = self.check_field_write(ov, f, &v, span, span);
        let fk = key_with(ok, f);
        match &declared {
            Some(_) => self.assign_key(&fk, v.ty.clone()),
            None => {
                // A lax record grows the field (module and class tables).
                let t = self.expand(&ov.ty);
                if let (Ty::Record(r), false) = (&t, ov.strict)
                    && ok.1.is_empty()
                    && r.name.is_none()
                {
                    let mut fields = r.fields.clone();
                    let nt = widen_numbers(&v.ty);
                    match fields.iter_mut().find(|x| &*x.name == f) {
                        Some(x) => x.ty = union(vec![x.ty.clone(), nt]),
                        None => fields.push(Field {
                            name: Rc::from(f),
                            ty: nt,
                            optional: false,
                        }),
                    }
                    let nr = Ty::Record(Rc::new(Record::new(fields, None, r.meta)));
                    self.flow.narrow.retain(|x, _| !is_prefix(&fk, x));
                    self.flow.narrow.insert(ok.clone(), nr.clone());
                    self.drop_facts(ok.0);
                    if self.vars[ok.0].level == self.level() {
                        self.vars[ok.0].decl = nr;
                    }
                    return None;
                }
                self.flow.narrow.retain(|x, _| !is_prefix(&fk, x));
                self.drop_facts(ok.0);
            }
        }
        declared
    }

    /// Whether `obj` (value `ov`, expanded type `t`) can be written into,
    /// reporting why not: it may be nil, or it is not indexable.
    fn writable_target(&mut self, ov: &V, t: &Ty, ospan: Span) -> bool {
        if ov.strict && t.has_nil() && !t.is_any() {
            self.err(
                code::MAYBE_NIL,
                ospan,
                format!("cannot index a value of type {}: it may be nil", ov.ty),
            );
            return false;
        }
        if let Some(b) = bad_index_target(t, ov.strict) {
            self.err(
                code::BAD_OPERATION,
                ospan,
                format!("attempt to index a {b} value"),
            );
            return false;
        }
        true
    }

    /// Checks `obj.f = v` against obj's type; returns the field's declared
    /// type when the object has one.
    fn check_field_write(&mut self, ov: &V, f: &str, v: &V, span: Span, ospan: Span) -> Option<Ty> {
        let t = self.expand(&ov.ty);
        if !self.writable_target(ov, &t, ospan) {
            return None;
        }
        let t = t.non_nil();
        match &t {
            Ty::Record(r) => match r.field(f) {
                Some(fd) => {
                    let want = if fd.optional {
                        Ty::optional(fd.ty.clone())
                    } else {
                        fd.ty.clone()
                    };
                    if ov.strict
                        && let Err(w) = self.fits(v, &want)
                    {
                        self.err(
                            code::MISMATCH,
                            span,
                            format!("field '{f}': {}", w.message()),
                        );
                    }
                    Some(want)
                }
                None => {
                    if ov.strict {
                        self.err(
                            code::UNKNOWN_FIELD,
                            span,
                            format!("field '{f}' does not exist on {}", ov.ty),
                        );
                    }
                    None
                }
            },
            Ty::Map(k, val) => {
                if ov.strict {
                    let kv = V::strict(Ty::LitStr(Rc::from(f.as_bytes())));
                    if let Err(w) = self.fits(&kv, k) {
                        self.err(code::MISMATCH, span, format!("key: {}", w.message()));
                    }
                    let want = Ty::optional((**val).clone());
                    if let Err(w) = self.fits(v, &want) {
                        self.err(
                            code::MISMATCH,
                            span,
                            format!("field '{f}': {}", w.message()),
                        );
                    }
                }
                None
            }
            _ => None,
        }
    }

    /// Checks `obj[k] = v`; returns the element or value type the write
    /// meets, for an annotated array or map.
    fn index_write_dynamic(
        &mut self,
        ov: &V,
        kv: &V,
        v: &V,
        ospan: Span,
        span: Span,
    ) -> Option<Ty> {
        let t = self.expand(&ov.ty);
        if !self.writable_target(ov, &t, ospan) {
            return None;
        }
        if !ov.strict {
            return None;
        }
        match t.non_nil() {
            Ty::Array(e) => {
                if let Err(w) = self.fits(kv, &Ty::Number) {
                    self.err(
                        code::MISMATCH,
                        span,
                        format!("array index: {}", w.message()),
                    );
                }
                let want = Ty::optional((*e).clone());
                if let Err(w) = self.fits(v, &want) {
                    self.err(
                        code::MISMATCH,
                        span,
                        format!("array element: {}", w.message()),
                    );
                }
                Some(want)
            }
            Ty::Map(k, val) => {
                if let Err(w) = self.fits(kv, &k) {
                    self.err(code::MISMATCH, span, format!("key: {}", w.message()));
                }
                let want = Ty::optional((*val).clone());
                if let Err(w) = self.fits(v, &want) {
                    self.err(code::MISMATCH, span, format!("value: {}", w.message()));
                }
                Some(want)
            }
            _ => None,
        }
    }

    fn ret(&mut self, r: &ast::Return) {
        let declared = self.fns.last().and_then(|f| f.rets.clone());
        let rvar = self.fns.last().and_then(|f| f.ret_variadic.clone());
        let live = !self.flow.dead;
        if live
            && self.fns.len() == 1
            && let Some(e) = r.exprs.first()
        {
            let values = self.returned_type_values(e);
            self.chunk_values = match self.chunk_values.take() {
                None => Some(values),
                Some(old) if old == values => Some(old),
                Some(_) => Some(vec![]),
            };
        }
        let vals = self.ret_values(r, declared, rvar);
        if live {
            // A lone call whose results are linked forwards the link.
            let forwards = matches!(
                r.exprs,
                [e @ Expr { kind: ExprKind::Call(..) | ExprKind::MethodCall(..), .. }]
                    if self.pair_call == Some(e.span)
            );
            let kind = self.pair_return(vals.first(), vals.get(1), forwards);
            if let Some(f) = self.fns.last_mut() {
                match kind {
                    pair::PairReturn::Linked => f.pair_returns += 1,
                    pair::PairReturn::Unlinked => f.pair_broken = true,
                }
            }
        }
        self.flow.dead = true;
    }

    /// Checks a `return`'s values against the declared returns (or
    /// records them for inference); gives their types.
    fn ret_values(
        &mut self,
        r: &ast::Return,
        declared: Option<Vec<Ty>>,
        rvar: Option<Ty>,
    ) -> Vec<Ty> {
        match declared {
            Some(want) => {
                let exp: Vec<Option<Ty>> = want.iter().cloned().map(Some).collect();
                let n = want.len().max(r.exprs.len());
                let single = want.len() == 1;
                let ctx = |i: usize| {
                    let what = if single {
                        "return value".to_string()
                    } else {
                        format!("return value #{}", i + 1)
                    };
                    Some((what, code::RETURN))
                };
                let (vals, tail) = self.exprs_pack_in(r.exprs, &exp, n, &ctx);
                let got = r.exprs.len();
                if got > want.len() && rvar.is_none() && tail.is_none() {
                    self.err(
                        code::RETURN,
                        r.span,
                        format!("too many return values: expected {}, got {got}", want.len()),
                    );
                }
                for (i, w) in want.iter().enumerate() {
                    let (v, span) = match vals.get(i) {
                        Some((v, s)) => (v.clone(), *s),
                        None if tail.is_some() => continue,
                        None => (V::strict(Ty::Nil), r.span),
                    };
                    if let Err(why) = self.fits(&v, w) {
                        let c = code::RETURN;
                        let what = if want.len() == 1 {
                            "return value".to_string()
                        } else {
                            format!("return value #{}", i + 1)
                        };
                        if i >= got && tail.is_none() {
                            self.err(c, r.span, format!("missing {what}: expected {w}"));
                        } else {
                            self.err(c, span, format!("{what}: {}", why.message()));
                        }
                    } else if let Some(e) = r.exprs.get(i) {
                        let what = if want.len() == 1 {
                            "return value".to_string()
                        } else {
                            format!("return value #{}", i + 1)
                        };
                        self.check_literal(e, w, &what);
                    }
                }
                with_tail(vals.into_iter().map(|(v, _)| v.ty).collect(), tail)
            }
            None => {
                let (vals, tail) = self.exprs_pack(r.exprs, &[], r.exprs.len());
                let tys: Vec<Ty> = vals.into_iter().map(|(v, _)| v.ty).collect();
                if let Some(f) = self.fns.last_mut() {
                    f.inferred.push(tys.clone());
                    f.inferred_tail |= tail.is_some();
                }
                with_tail(tys, tail)
            }
        }
    }

    // ------------------------------------------------------------------
    // Functions

    /// A function's type before its body is checked (for recursion).
    fn signature(&mut self, f: &ast::FuncBody, method: bool) -> Ty {
        let mark = self.types.len();
        let gs = self.push_generics(f.generics);
        let mut params = Vec::new();
        let mut names = Vec::new();
        if method {
            params.push(Ty::Any);
            names.push(Rc::from("self"));
        }
        let mut all = true;
        for p in f.params {
            names.push(Rc::from(p.name));
            params.push(match p.ty {
                Some(t) => self.resolve_type(t),
                None => {
                    all = false;
                    Ty::Any
                }
            });
        }
        let variadic = if f.is_vararg {
            Some(f.vararg_ty.map(|t| self.resolve_type(t)).unwrap_or(Ty::Any))
        } else {
            None
        };
        let (rets, ret_variadic) = match f.ret_tys {
            Some(rs) => (rs.iter().map(|r| self.resolve_type(r)).collect(), None),
            None => (vec![], Some(Ty::Any)),
        };
        self.types.truncate(mark);
        Ty::Func(Rc::new(FnTy {
            generics: gs,
            params,
            names,
            variadic,
            rets,
            ret_variadic,
            annotated: f.ret_tys.is_some(),
            check_arity: all && (!f.params.is_empty() || f.ret_tys.is_some()),
            builtin: false,
            err_pair: false,
        }))
    }

    /// Checks a function body; returns its type. `expected` gives
    /// unannotated parameters their types from context (callbacks).
    fn function(
        &mut self,
        f: &ast::FuncBody,
        expected: Option<&FnTy>,
        method: bool,
        class: Option<VarId>,
    ) -> V {
        let saved_flow = std::mem::take(&mut self.flow);
        // A function inside a table constructor is checked on its own:
        // the constructor's path and context do not name its failures.
        let saved_path = std::mem::take(&mut self.tpath);
        let saved_ctx = self.tctx.take();
        let ms = self.scope.len();
        let mt = self.types.len();
        let gs = self.push_generics(f.generics);
        let mut params = Vec::new();
        let mut names = Vec::new();
        let mut all = true;
        self.fns.push(FnCtx::new());
        if method {
            // `self` in `function C:m()`: a lax table whose missing fields
            // are looked up in C, so `self:other(x)` is checked.
            let st = match class {
                Some(c) => Ty::Record(Rc::new(Record::new(vec![], None, Some(c)))),
                None => Ty::Any,
            };
            self.declare("self", st.clone(), false, st, None);
            params.push(Ty::Any);
            names.push(Rc::from("self"));
        }
        let off = usize::from(method);
        for (i, p) in f.params.iter().enumerate() {
            let (t, ann) = match p.ty {
                Some(t) => (self.resolve_type(t), true),
                None => {
                    all = false;
                    match expected.and_then(|e| e.params.get(i + off)) {
                        Some(t) => (t.clone(), false),
                        None => (Ty::Any, false),
                    }
                }
            };
            self.declare(
                p.name,
                t.clone(),
                ann,
                t.clone(),
                Some((p.span, VarKind::Param)),
            );
            params.push(if ann { t } else { Ty::Any });
            names.push(Rc::from(p.name));
        }
        let variadic = if f.is_vararg {
            Some(f.vararg_ty.map(|t| self.resolve_type(t)).unwrap_or(Ty::Any))
        } else {
            None
        };
        let declared: Option<Vec<Ty>> = f
            .ret_tys
            .map(|rs| rs.iter().map(|r| self.resolve_type(r)).collect());
        if let Some(c) = self.fns.last_mut() {
            c.rets = declared.clone();
        }
        self.block(&f.body);
        let falls = !self.flow.dead;
        let ctx = self.fns.pop();
        // Every return links a value and an error, and none is missing.
        let pair_ok = !falls
            && ctx
                .as_ref()
                .is_some_and(|c| c.pair_returns > 0 && !c.pair_broken);
        if let (Some(d), true) = (&declared, falls) {
            let needs = d
                .iter()
                .any(|t| !t.has_nil() && !t.is_any() && !matches!(t, Ty::Unknown));
            if needs || d.iter().any(Ty::is_never) {
                let span = Span {
                    start: f.span.end.saturating_sub(3),
                    end: f.span.end,
                };
                let want: Vec<String> = d.iter().map(|t| t.to_string()).collect();
                self.err(
                    code::MISSING_RETURN,
                    span,
                    format!(
                        "function can reach its end without returning ({})",
                        want.join(", ")
                    ),
                );
            }
        }
        let (rets, ret_variadic) = match (declared.clone(), ctx) {
            (Some(d), _) => (d, None),
            (None, Some(c)) => {
                let mut packs = c.inferred;
                if falls {
                    packs.push(vec![]);
                }
                let n = packs.iter().map(Vec::len).max().unwrap_or(0);
                let mut rets = Vec::new();
                let fill = if c.inferred_tail { Ty::Any } else { Ty::Nil };
                for i in 0..n {
                    let parts = packs
                        .iter()
                        .map(|p| p.get(i).cloned().unwrap_or_else(|| fill.clone()))
                        .collect();
                    rets.push(union(parts));
                }
                (rets, c.inferred_tail.then_some(Ty::Any))
            }
            (None, None) => (vec![], Some(Ty::Any)),
        };
        self.pop_scope(ms);
        self.types.truncate(mt);
        self.flow = saved_flow;
        self.tpath = saved_path;
        self.tctx = saved_ctx;
        // Outer locals this function assigns may change at any call.
        let mut assigned = Vec::new();
        collect_assigned_deep(&f.body, &mut assigned, 0);
        for n in assigned {
            if let Some(id) = self.resolve(n) {
                self.vars[id].clobbered = true;
            }
        }
        let annotated = declared.is_some();
        let err_pair = pair_ok && rets.len() >= 2;
        V::strict(Ty::Func(Rc::new(FnTy {
            generics: gs,
            params,
            names,
            variadic,
            rets,
            ret_variadic,
            annotated,
            check_arity: all && (annotated || !f.params.is_empty()),
            builtin: false,
            err_pair,
        })))
    }
}

/// A type made safe to use in another checker: alias references and
/// metatable links are that checker's ids, so they become `any` / none.
fn foreign(t: &Ty) -> Ty {
    let mut leaf = |x: &Ty| match x {
        Ty::Alias(_) => Some(Ty::Any),
        _ => None,
    };
    let opts = MapOpts {
        drop_names: false,
        clear_meta: true,
    };
    map_ty(t, &mut leaf, opts)
}

/// The first two values of a value list, the tail's type standing for
/// those a final call or `...` may give.
fn with_tail(mut tys: Vec<Ty>, tail: Option<Ty>) -> Vec<Ty> {
    if let Some(t) = tail {
        while tys.len() < 2 {
            tys.push(t.clone());
        }
    }
    tys
}

/// A constructor or literal: its type is exact but says nothing about
/// what the programmer declared.
fn is_literal(e: &Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::Nil
            | ExprKind::True
            | ExprKind::False
            | ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Str(_)
            | ExprKind::Table(_)
            | ExprKind::Function(_)
            | ExprKind::Vararg
    )
}

fn widen_numbers(t: &Ty) -> Ty {
    match t {
        Ty::LitInt(_) => Ty::Integer,
        Ty::LitFloat(_) => Ty::Number,
        Ty::Union(ms) => union(ms.iter().map(widen_numbers).collect()),
        t => t.clone(),
    }
}

/// Names assigned (not declared) in a block, nested blocks included.
fn collect_assigned<'a>(b: &Block<'a>, out: &mut Vec<&'a str>, depth: u32) {
    if depth > 250 {
        return;
    }
    for s in b.stats {
        match &s.kind {
            StatKind::Assign { targets, .. } => {
                for t in targets.iter() {
                    let mut e = t;
                    while let ExprKind::Index(o, _) = &e.kind {
                        e = o;
                    }
                    if let ExprKind::Name(n) = e.kind {
                        out.push(n);
                    }
                }
            }
            StatKind::Function { name, .. } => out.push(name.base),
            StatKind::Do(b) => collect_assigned(b, out, depth + 1),
            StatKind::While { body, .. } | StatKind::Repeat { body, .. } => {
                collect_assigned(body, out, depth + 1)
            }
            StatKind::NumFor { body, .. } | StatKind::GenFor { body, .. } => {
                collect_assigned(body, out, depth + 1)
            }
            StatKind::If { arms, else_body } => {
                for a in arms.iter() {
                    collect_assigned(&a.body, out, depth + 1);
                }
                if let Some(b) = else_body {
                    collect_assigned(b, out, depth + 1);
                }
            }
            _ => {}
        }
    }
}

/// Names assigned anywhere in a function body, nested functions included.
fn collect_assigned_deep<'a>(b: &Block<'a>, out: &mut Vec<&'a str>, depth: u32) {
    if depth > 250 || out.len() > 10_000 {
        return;
    }
    let d = depth + 1;
    for s in b.stats {
        match &s.kind {
            StatKind::Assign { targets, exprs } => {
                for t in targets.iter() {
                    let mut e = t;
                    while let ExprKind::Index(o, k) = &e.kind {
                        exprs_fns(std::slice::from_ref(*k), out, d);
                        e = o;
                    }
                    if let ExprKind::Name(n) = e.kind {
                        out.push(n);
                    }
                }
                exprs_fns(exprs, out, d);
            }
            StatKind::Local { exprs, .. } => exprs_fns(exprs, out, d),
            StatKind::Call(e) => exprs_fns(std::slice::from_ref(*e), out, d),
            StatKind::Function { name, func } => {
                out.push(name.base);
                collect_assigned_deep(&func.body, out, d);
            }
            StatKind::LocalFunction { func, .. } => collect_assigned_deep(&func.body, out, d),
            StatKind::Do(b) => collect_assigned_deep(b, out, d),
            StatKind::While { cond, body } | StatKind::Repeat { body, cond } => {
                exprs_fns(std::slice::from_ref(*cond), out, d);
                collect_assigned_deep(body, out, d);
            }
            StatKind::NumFor {
                start,
                limit,
                step,
                body,
                ..
            } => {
                exprs_fns(&[**start, **limit], out, d);
                if let Some(st) = step {
                    exprs_fns(std::slice::from_ref(*st), out, d);
                }
                collect_assigned_deep(body, out, d);
            }
            StatKind::GenFor { exprs, body, .. } => {
                exprs_fns(exprs, out, d);
                collect_assigned_deep(body, out, d);
            }
            StatKind::If { arms, else_body } => {
                for a in arms.iter() {
                    exprs_fns(std::slice::from_ref(a.cond), out, d);
                    collect_assigned_deep(&a.body, out, d);
                }
                if let Some(b) = else_body {
                    collect_assigned_deep(b, out, d);
                }
            }
            _ => {}
        }
    }
    if let Some(r) = b.ret {
        exprs_fns(r.exprs, out, d);
    }
}

/// Function literals inside expressions (their assignments count too).
fn exprs_fns<'a>(es: &[Expr<'a>], out: &mut Vec<&'a str>, depth: u32) {
    // An explicit stack: left-leaning chains may be long.
    let mut stack: Vec<&Expr<'a>> = es.iter().collect();
    let mut steps = 0u32;
    while let Some(e) = stack.pop() {
        steps += 1;
        if steps > 100_000 {
            return;
        }
        match &e.kind {
            ExprKind::Function(f) => collect_assigned_deep(&f.body, out, depth + 1),
            ExprKind::Binary(_, a, b) | ExprKind::Index(a, b) => {
                stack.push(a);
                stack.push(b);
            }
            ExprKind::Unary(_, a)
            | ExprKind::Paren(a)
            | ExprKind::Cast(a, _)
            | ExprKind::NonNil(a) => stack.push(a),
            ExprKind::Call(f, args) | ExprKind::MethodCall(f, _, args) => {
                stack.push(f);
                stack.extend(args.iter());
            }
            ExprKind::Table(fs) => {
                for f in fs.iter() {
                    match f {
                        ast::Field::Positional(v) | ast::Field::Named(_, v) => stack.push(v),
                        ast::Field::Keyed(k, v) => {
                            stack.push(k);
                            stack.push(v);
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

impl Default for Checker {
    fn default() -> Self {
        Self::new()
    }
}
