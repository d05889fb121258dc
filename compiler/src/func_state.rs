//! The compiler's state (lparser.c's LexState/Dyndata/FuncState/BlockCnt):
//! the function being compiled and its enclosing ones, blocks and scopes,
//! local variables and their debug ranges, upvalue resolution, the constant
//! table, and goto/label bookkeeping with the reference's checks.
//!
//! Instruction emission and jump lists are in code.rs; turning expressions
//! into registers in regalloc.rs; the grammar walk in emit.rs.

use crate::error::{CompileError, ErrorKind};
use crate::expdesc::{ExpDesc, ExpKind, NO_JUMP};
use hashbrown::HashMap;
use std::sync::Arc;
use wlua_vm::op::MAXARG_AX;
use wlua_vm::proto::{Constant, LocVar, Proto, UpvalDesc};

pub(crate) type CResult<T> = Result<T, Box<CompileError>>;

/// Maximum number of active local variables per function (lparser.c).
pub(crate) const MAXVARS: u32 = 200;
/// Maximum number of upvalues per function (lfunc.h).
pub(crate) const MAXUPVAL: u32 = 255;
/// Nesting limit for statements and expressions (llimits.h).
pub(crate) const LUAI_MAXCCALLS: u32 = 200;
/// C stack levels already in use when the standalone interpreter parses a
/// chunk (its `pmain` call); counted so that the depth limit matches.
const BASE_CCALLS: u32 = 1;
/// Maximum number of registers of a function (lcode.c MAXREGS).
pub(crate) const MAXREGS: u32 = 255;
/// Limit on the entries of `locvars` and of the label/goto lists (SHRT_MAX).
const SHRT_MAX: usize = 32767;

/// A block being compiled (lparser.c BlockCnt).
#[derive(Clone, Copy, Debug)]
pub(crate) struct BlockCnt {
    /// Index of the first label of this block in `Compiler::labels`.
    pub firstlabel: usize,
    /// Index of the first pending goto of this block in `Compiler::gotos`.
    pub firstgoto: usize,
    /// Number of active locals outside the block.
    pub nactvar: u32,
    /// Some local of this block is captured as an upvalue: leaving the block
    /// (normally or by a jump) must close it.
    pub upval: bool,
    pub isloop: bool,
}

/// A pending goto or a visible label (lparser.h Labeldesc).
#[derive(Clone, Copy, Debug)]
pub(crate) struct LabelDesc<'a> {
    /// `"break"` for break statements (a reserved word, so no user label).
    pub name: &'a str,
    /// For a goto: its jump list; for a label: its position.
    pub pc: i32,
    pub line: u32,
    /// Active locals at that point.
    pub nactvar: u32,
}

/// A function being compiled (lparser.h FuncState).
pub(crate) struct FuncState {
    pub f: Proto,
    pub blocks: Vec<BlockCnt>,
    /// pc of the last jump target: instructions before it cannot be merged
    /// with the next one.
    pub lasttarget: i32,
    /// Jumps waiting for the next instruction to be emitted ("to here").
    pub jpc: i32,
    /// First free register.
    pub freereg: u32,
    /// Number of active local variables.
    pub nactvar: u32,
    /// Index of this function's first local in `Compiler::actvar`.
    pub firstlocal: usize,
}

impl FuncState {
    pub fn pc(&self) -> i32 {
        self.f.code.len() as i32
    }
}

/// Constant-table cache keys (the reference's scanner table `ls->h`): one
/// map for the whole chunk, so a hit must be checked against the current
/// function's table, exactly as lcode.c addk does.
#[derive(Default)]
pub(crate) struct ConstCache {
    strs: HashMap<Box<[u8]>, u32>,
    ints: HashMap<i64, u32>,
    /// Keyed by bits, with -0.0 mapped to 0.0 (equal keys in a Lua table).
    flts: HashMap<u64, u32>,
    bools: [Option<u32>; 2],
    nil: Option<u32>,
}

/// The whole compilation (LexState + Dyndata).
pub(crate) struct Compiler<'a> {
    /// The function being compiled.
    pub fs: FuncState,
    /// Enclosing functions, innermost last.
    pub outer: Vec<FuncState>,
    /// Active local variables of all open functions: indices into their
    /// `locvars` (Dyndata actvar).
    pub actvar: Vec<u32>,
    /// The type annotation of each entry of `actvar` (`local x: T`, a
    /// parameter `x: T`): what `typeof(x)` compiles to.
    pub actvar_ty: Vec<Option<&'a wlua_parser::ast::Type<'a>>>,
    /// Type parameters of the functions being compiled (`<T>`): unknown
    /// at run time, so `any` in the types `typeof` and `type` build.
    pub generics: Vec<&'a str>,
    /// `type` statements named before they run (mutual recursion): the
    /// statement's address and the register of the local holding its
    /// declared-ahead type (emit.rs `declare_ahead`).
    pub ahead: Vec<(usize, u32)>,
    /// Annotations being described for `typeof` (their addresses): one
    /// that names itself (`local y: typeof(y)`) is not expanded again.
    pub expanding: Vec<usize>,
    /// Pending gotos (Dyndata gt).
    pub gotos: Vec<LabelDesc<'a>>,
    /// Active labels (Dyndata label).
    pub labels: Vec<LabelDesc<'a>>,
    pub kcache: ConstCache,
    /// Line given to the next instruction: the line of the last source
    /// element compiled (the reference's `lastline`).
    pub line: u32,
    /// Nesting depth of statements and expressions (L->nCcalls).
    pub nccalls: u32,
    /// Line of the token after a function statement's `end` (0: unknown),
    /// where the reference reports the function's unresolved gotos.
    pub after_func_line: u32,
    /// Line of the end of the chunk (where errors found at EOF are reported).
    pub chunk_end_line: u32,
    /// The source, when the caller passed it: exact lines for tokens the
    /// AST does not record (see linemap.rs).
    pub src: Option<crate::linemap::SourceLines<'a>>,
    /// A constructor list item starting with a name: (offset of the name,
    /// line of the token after it), see emit.rs `list_item`.
    pub lookahead: Option<(u32, u32)>,
    /// Offset after the name being resolved by `singlevar`.
    pub near_at: Option<u32>,
    /// End of the last token read, when known (the reference's current
    /// token follows it): where register and jump errors are reported.
    pub pos: Option<u32>,
    pub source: Arc<str>,
}

static NO_BLOCK: BlockCnt = BlockCnt {
    firstlabel: 0,
    firstgoto: 0,
    nactvar: 0,
    upval: false,
    isloop: false,
};

impl<'a> Compiler<'a> {
    pub fn new(chunkname: &str) -> Compiler<'a> {
        let source: Arc<str> = Arc::from(chunkname);
        Compiler {
            fs: FuncState {
                f: Proto::new(source.clone()),
                blocks: Vec::new(),
                lasttarget: 0,
                jpc: NO_JUMP,
                freereg: 0,
                nactvar: 0,
                firstlocal: 0,
            },
            outer: Vec::new(),
            actvar: Vec::new(),
            actvar_ty: Vec::new(),
            generics: Vec::new(),
            ahead: Vec::new(),
            expanding: Vec::new(),
            gotos: Vec::new(),
            labels: Vec::new(),
            kcache: ConstCache::default(),
            line: 1,
            nccalls: BASE_CCALLS,
            after_func_line: 0,
            chunk_end_line: 0,
            src: None,
            lookahead: None,
            near_at: None,
            pos: None,
            source,
        }
    }

    #[cold]
    pub fn error(&self, line: u32, kind: ErrorKind) -> Box<CompileError> {
        Box::new(CompileError {
            chunkname: Box::from(&*self.source),
            line,
            kind,
            near: None,
        })
    }

    /// An error the reference raises with luaX_syntaxerror: reported at the
    /// current token (the first after `near`), quoted after the message.
    #[cold]
    pub fn syntax_error(&self, kind: ErrorKind, line: u32, near: Option<u32>) -> Box<CompileError> {
        let mut e = self.error(self.near_line(near).unwrap_or(line), kind);
        e.near = self.near(near);
        e
    }

    /// lparser.c errorlimit/checklimit.
    #[cold]
    /// `near`: an offset the current token follows (or starts at).
    pub fn limit_error(
        &self,
        limit: u32,
        what: &'static str,
        line: u32,
        near: Option<u32>,
    ) -> Box<CompileError> {
        self.syntax_error(
            ErrorKind::Limit {
                what,
                limit,
                func_line: self.fs.f.line_defined,
            },
            line,
            near,
        )
    }

    /// The line of the current token (the first after `offset`), where the
    /// reference reports syntax-level errors; at the end of the source, the
    /// chunk's last line.
    pub fn near_line(&self, offset: Option<u32>) -> Option<u32> {
        let m = self.src.as_ref()?;
        Some(m.next_token_line(offset?).unwrap_or(self.chunk_end_line))
    }

    /// The reference's ` near` token after `offset`, when the source is known.
    pub fn near(&self, offset: Option<u32>) -> Option<Box<str>> {
        let m = self.src.as_ref()?;
        Some(m.near_token(offset?).into())
    }

    /// lparser.c enterlevel: bounds the nesting of statements and
    /// expressions, which also bounds the compiler's own recursion.
    /// `at`: where the statement or expression starts (for the message).
    pub fn enter_level(&mut self, line: u32, at: u32) -> CResult<()> {
        self.nccalls += 1;
        if self.nccalls > LUAI_MAXCCALLS {
            return Err(self.limit_error(LUAI_MAXCCALLS, "C levels", line, Some(at)));
        }
        Ok(())
    }

    pub fn leave_level(&mut self) {
        self.nccalls -= 1;
    }

    /// After reading the last token of the node spanning `span` (a call's
    /// `)`, a constructor's `}`, an expression's last token), the
    /// reference's `lastline` is that token's line; known only when the
    /// source was given.
    pub fn read_closing_token(&mut self, span: wlua_parser::ast::Span) {
        if let Some(l) = self.src.as_ref().and_then(|m| m.line_before(span.end)) {
            self.line = l;
            self.pos = Some(span.end);
        }
    }

    /// After reading a one-token node (a name, a constant).
    pub fn read_node_token(&mut self, e: &wlua_parser::ast::Expr<'_>) {
        if self.src.is_some() {
            self.pos = Some(e.span.end);
        }
    }

    /// After reading the token at `offset`.
    pub fn read_token_at(&mut self, offset: u32) {
        if let Some(m) = &self.src
            && let Some(l) = m.line_of(offset)
        {
            self.line = l;
            self.pos = m.token_end(offset);
        }
    }

    /// After reading the `(` of call arguments, if the next token after
    /// `offset` is one (a `{` or string argument is read later, by its
    /// own expression).
    pub fn read_open_paren(&mut self, offset: u32) {
        if let Some(m) = &self.src
            && let Some(t) = m.next_token(offset)
            && m.byte(t) == Some(b'(')
        {
            self.read_token_at(t);
        }
    }

    /// After reading the token that follows `offset` (the `then` after a
    /// condition, the `do` of a loop header).
    pub fn read_next_token(&mut self, offset: u32) {
        if let Some(m) = &self.src
            && let Some(t) = m.next_token(offset)
            && let Some(l) = m.line_of(t)
        {
            self.line = l;
            self.pos = m.token_end(t);
        }
    }

    // ------------------------------------------------------------------
    // Functions

    /// Starts compiling a nested function (open_func); `compile` uses the
    /// initial `fs` for the main function instead.
    pub fn open_func(&mut self, line_defined: u32) {
        let fs = FuncState {
            f: Proto::new(self.source.clone()),
            blocks: Vec::new(),
            lasttarget: 0,
            jpc: NO_JUMP,
            freereg: 0,
            nactvar: 0,
            firstlocal: self.actvar.len(),
        };
        let parent = std::mem::replace(&mut self.fs, fs);
        self.outer.push(parent);
        self.fs.f.line_defined = line_defined;
        self.enter_block(false);
    }

    /// Ends the current function's outermost block and returns its proto
    /// (the second half of close_func; emit.rs adds the final RETURN); for a
    /// nested function the parent becomes current again.
    pub fn finish_func(&mut self) -> CResult<Proto> {
        self.leave_block()?;
        let done = match self.outer.pop() {
            Some(parent) => std::mem::replace(&mut self.fs, parent),
            None => std::mem::replace(
                &mut self.fs,
                FuncState {
                    f: Proto::new(self.source.clone()),
                    blocks: Vec::new(),
                    lasttarget: 0,
                    jpc: NO_JUMP,
                    freereg: 0,
                    nactvar: 0,
                    firstlocal: 0,
                },
            ),
        };
        let mut f = done.f;
        f.code.shrink_to_fit();
        f.lineinfo.shrink_to_fit();
        f.constants.shrink_to_fit();
        f.locvars.shrink_to_fit();
        Ok(f)
    }

    // ------------------------------------------------------------------
    // Blocks

    pub fn bl(&self) -> &BlockCnt {
        self.fs.blocks.last().unwrap_or(&NO_BLOCK)
    }

    pub fn enter_block(&mut self, isloop: bool) {
        debug_assert_eq!(self.fs.freereg, self.fs.nactvar);
        self.fs.blocks.push(BlockCnt {
            firstlabel: self.labels.len(),
            firstgoto: self.gotos.len(),
            nactvar: self.fs.nactvar,
            upval: false,
            isloop,
        });
    }

    /// lparser.c leaveblock: closes upvalues, resolves `break`s, ends the
    /// block's locals and moves its pending gotos out (or reports them when
    /// leaving the function).
    pub fn leave_block(&mut self) -> CResult<()> {
        let bl = *self.bl();
        let has_previous = self.fs.blocks.len() > 1;
        if has_previous && bl.upval {
            // A 'jump to here' to close upvalues.
            let j = self.jump()?;
            self.patch_close(j, bl.nactvar);
            self.patch_to_here(j)?;
        }
        if bl.isloop {
            self.break_label()?;
        }
        self.fs.blocks.pop();
        self.remove_vars(bl.nactvar);
        debug_assert_eq!(bl.nactvar, self.fs.nactvar);
        self.fs.freereg = self.fs.nactvar;
        self.labels.truncate(bl.firstlabel);
        if has_previous {
            self.move_gotos_out(&bl)?;
        } else if bl.firstgoto < self.gotos.len() {
            let gt = self.gotos[bl.firstgoto];
            return Err(self.undefined_goto(&gt));
        }
        Ok(())
    }

    // ------------------------------------------------------------------
    // Local variables

    /// Registers a new local (not yet active) and its debug entry
    /// (new_localvar).
    /// `after`: an offset the current token follows (for the message).
    pub fn new_localvar(&mut self, name: &str, line: u32, after: Option<u32>) -> CResult<()> {
        if self.fs.f.locvars.len() >= SHRT_MAX {
            return Err(self.error(
                line,
                ErrorKind::TooMany {
                    what: "local variables",
                    limit: SHRT_MAX as u32,
                },
            ));
        }
        let idx = self.fs.f.locvars.len() as u32;
        self.fs.f.locvars.push(LocVar {
            name: Box::from(name),
            start_pc: 0,
            end_pc: 0,
        });
        let active = (self.actvar.len() + 1 - self.fs.firstlocal) as u32;
        if active > MAXVARS {
            return Err(self.limit_error(MAXVARS, "local variables", line, after));
        }
        self.actvar.push(idx);
        self.actvar_ty.push(None);
        Ok(())
    }

    /// Records the annotation of the local declared last.
    pub fn set_local_type(&mut self, ty: Option<&'a wlua_parser::ast::Type<'a>>) {
        if let Some(last) = self.actvar_ty.last_mut() {
            *last = ty;
        }
    }

    /// Lexically, what `name` is: `Some(annotation)` for a local of this
    /// or an enclosing function (an upvalue here), `None` for a global.
    pub fn local_annotation(&self, name: &str) -> Option<Option<&'a wlua_parser::ast::Type<'a>>> {
        for level in (0..=self.outer.len()).rev() {
            let fs = if level == self.outer.len() {
                &self.fs
            } else {
                &self.outer[level]
            };
            let (first, n) = (fs.firstlocal, fs.nactvar as usize);
            for i in (0..n).rev() {
                let idx = self.actvar[first + i] as usize;
                if &*fs.f.locvars[idx].name == name {
                    return Some(self.actvar_ty.get(first + i).copied().flatten());
                }
            }
        }
        None
    }

    /// The debug entry of the `i`-th active local (getlocvar).
    pub fn getlocvar(&mut self, i: u32) -> &mut LocVar {
        let idx = self.actvar[self.fs.firstlocal + i as usize] as usize;
        &mut self.fs.f.locvars[idx]
    }

    /// Activates the last `nvars` declared locals (adjustlocalvars).
    pub fn adjust_localvars(&mut self, nvars: u32) {
        self.fs.nactvar += nvars;
        let pc = self.fs.pc() as u32;
        for i in (self.fs.nactvar - nvars)..self.fs.nactvar {
            self.getlocvar(i).start_pc = pc;
        }
    }

    pub fn remove_vars(&mut self, tolevel: u32) {
        let n = self.fs.nactvar.saturating_sub(tolevel) as usize;
        let pc = self.fs.pc() as u32;
        while self.fs.nactvar > tolevel {
            self.fs.nactvar -= 1;
            let i = self.fs.nactvar;
            self.getlocvar(i).end_pc = pc;
        }
        let newlen = self.actvar.len().saturating_sub(n);
        self.actvar.truncate(newlen);
        self.actvar_ty.truncate(newlen);
    }

    // ------------------------------------------------------------------
    // Variable resolution

    /// Resolves `name` (singlevar): a local, an upvalue (created in every
    /// function between its definition and here), or a global `_ENV.name`.
    /// `after`: the end of the name in the source (for limit messages).
    pub fn singlevar(&mut self, name: &str, line: u32, after: Option<u32>) -> CResult<ExpDesc> {
        self.near_at = after;
        let level = self.outer.len();
        let k = self.singlevar_aux(level, name, true, line)?;
        if k != ExpKind::Void {
            return Ok(ExpDesc::new(k));
        }
        let env = self.singlevar_aux(level, "_ENV", true, line)?;
        let mut var = ExpDesc::new(env);
        if env == ExpKind::Void {
            // Only when the main function lost its _ENV, which the compiler
            // never does; keep going with upvalue 0 as the reference assumes.
            debug_assert!(false, "_ENV not found");
            var = ExpDesc::new(ExpKind::Upval(0));
        }
        let kidx = self.string_k(name.as_bytes())?;
        let mut key = ExpDesc::new(ExpKind::K(kidx));
        self.indexed(&mut var, &mut key)?;
        Ok(var)
    }

    fn fs_at(&mut self, level: usize) -> &mut FuncState {
        if level >= self.outer.len() {
            &mut self.fs
        } else {
            &mut self.outer[level]
        }
    }

    /// singlevaraux: `level` indexes the function stack (the current
    /// function is `outer.len()`). Recursion is bounded by function nesting,
    /// which the level limit bounds.
    fn singlevar_aux(
        &mut self,
        level: usize,
        name: &str,
        base: bool,
        line: u32,
    ) -> CResult<ExpKind> {
        if let Some(v) = self.search_var(level, name) {
            if !base {
                self.mark_upval(level, v);
            }
            return Ok(ExpKind::Local(v));
        }
        let fs = self.fs_at(level);
        if let Some(idx) = fs.f.upvalues.iter().position(|u| &*u.name == name) {
            return Ok(ExpKind::Upval(idx as u32));
        }
        if level == 0 {
            return Ok(ExpKind::Void);
        }
        let found = self.singlevar_aux(level - 1, name, false, line)?;
        if found == ExpKind::Void {
            return Ok(ExpKind::Void);
        }
        let idx = self.new_upvalue(level, name, found, line)?;
        Ok(ExpKind::Upval(idx))
    }

    fn search_var(&self, level: usize, name: &str) -> Option<u32> {
        let fs = if level >= self.outer.len() {
            &self.fs
        } else {
            &self.outer[level]
        };
        let (first, n) = (fs.firstlocal, fs.nactvar as usize);
        (0..n).rev().find_map(|i| {
            let idx = self.actvar[first + i] as usize;
            (&*fs.f.locvars[idx].name == name).then_some(i as u32)
        })
    }

    /// Marks the block where local `v` was declared as having a captured
    /// local (markupval).
    fn mark_upval(&mut self, level: usize, v: u32) {
        let fs = self.fs_at(level);
        if let Some(bl) = fs.blocks.iter_mut().rev().find(|bl| bl.nactvar <= v) {
            bl.upval = true;
        }
    }

    /// newupvalue: `from` is the enclosing function's Local or Upval.
    pub fn new_upvalue(
        &mut self,
        level: usize,
        name: &str,
        from: ExpKind,
        line: u32,
    ) -> CResult<u32> {
        let n = self.fs_at(level).f.upvalues.len() as u32;
        if n + 1 > MAXUPVAL {
            let func_line = self.fs_at(level).f.line_defined;
            return Err(self.syntax_error(
                ErrorKind::Limit {
                    what: "upvalues",
                    limit: MAXUPVAL,
                    func_line,
                },
                line,
                self.near_at,
            ));
        }
        let (in_stack, index) = match from {
            ExpKind::Local(r) => (true, r),
            ExpKind::Upval(u) => (false, u),
            _ => (false, 0),
        };
        self.fs_at(level).f.upvalues.push(UpvalDesc {
            name: Box::from(name),
            in_stack,
            index: index as u8,
        });
        Ok(n)
    }

    // ------------------------------------------------------------------
    // Gotos and labels

    #[cold]
    fn undefined_goto(&self, gt: &LabelDesc<'a>) -> Box<CompileError> {
        let kind = if gt.name == "break" {
            ErrorKind::BreakOutsideLoop {
                break_line: gt.line,
            }
        } else {
            ErrorKind::UndefinedGoto {
                label: Box::from(gt.name),
                goto_line: gt.line,
            }
        };
        self.error(self.line, kind)
    }

    fn new_label_entry(
        &mut self,
        is_goto: bool,
        name: &'a str,
        line: u32,
        pc: i32,
    ) -> CResult<usize> {
        let list = if is_goto { &self.gotos } else { &self.labels };
        if list.len() >= SHRT_MAX {
            return Err(self.error(
                line,
                ErrorKind::TooMany {
                    what: "labels/gotos",
                    limit: SHRT_MAX as u32,
                },
            ));
        }
        let entry = LabelDesc {
            name,
            pc,
            line,
            nactvar: self.fs.nactvar,
        };
        let list = if is_goto {
            &mut self.gotos
        } else {
            &mut self.labels
        };
        list.push(entry);
        Ok(list.len() - 1)
    }

    /// Resolves pending goto `g` to `label` (closegoto); `err_line` is
    /// where the reference would report a jump into a local's scope.
    fn close_goto(&mut self, g: usize, label: LabelDesc<'a>, err_line: u32) -> CResult<()> {
        let gt = self.gotos[g];
        if gt.nactvar < label.nactvar {
            let local = Box::from(&*self.getlocvar(gt.nactvar).name);
            return Err(self.error(
                err_line,
                ErrorKind::JumpIntoScope {
                    label: Box::from(gt.name),
                    goto_line: gt.line,
                    local,
                },
            ));
        }
        self.patch_list(gt.pc, label.pc)?;
        self.gotos.remove(g);
        Ok(())
    }

    /// Tries to resolve goto `g` with a label already visible in the current
    /// block (findlabel): backward jumps.
    fn find_label(&mut self, g: usize, err_line: u32) -> CResult<bool> {
        let bl = *self.bl();
        let gt = self.gotos[g];
        let found = self.labels[bl.firstlabel..]
            .iter()
            .find(|lb| lb.name == gt.name)
            .copied();
        if let Some(lb) = found {
            if gt.nactvar > lb.nactvar && (bl.upval || self.labels.len() > bl.firstlabel) {
                self.patch_close(gt.pc, lb.nactvar);
            }
            self.close_goto(g, lb, err_line)?;
            return Ok(true);
        }
        Ok(false)
    }

    /// Resolves the pending gotos of the current block that match the new
    /// label `l` (findgotos): forward jumps.
    fn find_gotos(&mut self, l: usize, err_line: u32) -> CResult<()> {
        let lb = self.labels[l];
        let mut i = self.bl().firstgoto;
        while i < self.gotos.len() {
            if self.gotos[i].name == lb.name {
                self.close_goto(i, lb, err_line)?;
            } else {
                i += 1;
            }
        }
        Ok(())
    }

    /// Exports the pending gotos of a block being left to the enclosing one
    /// (movegotosout), closing upvalues of the scopes they jump out of.
    fn move_gotos_out(&mut self, bl: &BlockCnt) -> CResult<()> {
        let mut i = bl.firstgoto;
        while i < self.gotos.len() {
            let gt = self.gotos[i];
            if gt.nactvar > bl.nactvar {
                if bl.upval {
                    self.patch_close(gt.pc, bl.nactvar);
                }
                self.gotos[i].nactvar = bl.nactvar;
            }
            let line = self.line;
            if !self.find_label(i, line)? {
                i += 1;
            }
        }
        Ok(())
    }

    /// A `break` label at the current position, resolving pending breaks.
    fn break_label(&mut self) -> CResult<()> {
        let pc = self.fs.pc();
        let l = self.new_label_entry(false, "break", 0, pc)?;
        let line = self.line;
        self.find_gotos(l, line)
    }

    /// gotostat: `pc` is the jump list that goes to the label.
    pub fn goto_stat(&mut self, name: &'a str, line: u32, pc: i32) -> CResult<()> {
        let g = self.new_label_entry(true, name, line, pc)?;
        self.find_label(g, line)?;
        Ok(())
    }

    /// labelstat (`dup_line`: where a repeated label is reported).
    /// `block_end`: only void statements follow up to the end of
    /// a block not closed by `until`, so the block's locals are already out
    /// of scope. `next_line`: line of the token after the label, where the
    /// reference reports a goto that jumps into a local's scope.
    pub fn label_stat(
        &mut self,
        name: &'a str,
        line: u32,
        dup_line: u32,
        block_end: bool,
        next_line: u32,
    ) -> CResult<()> {
        let first = self.bl().firstlabel;
        if let Some(prev) = self.labels[first..].iter().find(|lb| lb.name == name) {
            return Err(self.error(
                dup_line,
                ErrorKind::DuplicateLabel {
                    label: Box::from(name),
                    first_line: prev.line,
                },
            ));
        }
        let pc = self.get_label();
        let l = self.new_label_entry(false, name, line, pc)?;
        if block_end {
            self.labels[l].nactvar = self.bl().nactvar;
        }
        self.find_gotos(l, next_line)
    }

    // ------------------------------------------------------------------
    // Constants (lcode.c addk and friends)

    fn check_k_room(&self) -> CResult<()> {
        if self.fs.f.constants.len() as u64 > MAXARG_AX as u64 {
            return Err(self.error(
                self.line,
                ErrorKind::TooMany {
                    what: "constants",
                    limit: MAXARG_AX,
                },
            ));
        }
        Ok(())
    }

    /// Validates a cache hit against the current function's table.
    fn k_hit(&self, idx: Option<u32>, v: &Constant) -> Option<u32> {
        let i = idx?;
        let k = self.fs.f.constants.get(i as usize)?;
        let same = match (k, v) {
            (Constant::Str(a), Constant::Str(b)) => a == b,
            (Constant::Int(a), Constant::Int(b)) => a == b,
            (Constant::Float(a), Constant::Float(b)) => a == b,
            (Constant::Bool(a), Constant::Bool(b)) => a == b,
            (Constant::Nil, Constant::Nil) => true,
            _ => false,
        };
        same.then_some(i)
    }

    fn push_k(&mut self, v: Constant) -> CResult<u32> {
        self.check_k_room()?;
        let k = self.fs.f.constants.len() as u32;
        self.fs.f.constants.push(v);
        Ok(k)
    }

    pub fn string_k(&mut self, s: &[u8]) -> CResult<u32> {
        if let Some(&i) = self.kcache.strs.get(s)
            && let Some(Constant::Str(b)) = self.fs.f.constants.get(i as usize)
            && &**b == s
        {
            return Ok(i);
        }
        let k = self.push_k(Constant::Str(Box::from(s)))?;
        self.kcache.strs.insert(Box::from(s), k);
        Ok(k)
    }

    pub fn int_k(&mut self, n: i64) -> CResult<u32> {
        let v = Constant::Int(n);
        if let Some(i) = self.k_hit(self.kcache.ints.get(&n).copied(), &v) {
            return Ok(i);
        }
        let k = self.push_k(v)?;
        self.kcache.ints.insert(n, k);
        Ok(k)
    }

    pub fn number_k(&mut self, r: f64) -> CResult<u32> {
        let key = if r == 0.0 { 0 } else { r.to_bits() };
        let v = Constant::Float(r);
        if let Some(i) = self.k_hit(self.kcache.flts.get(&key).copied(), &v) {
            return Ok(i);
        }
        let k = self.push_k(v)?;
        self.kcache.flts.insert(key, k);
        Ok(k)
    }

    pub fn bool_k(&mut self, b: bool) -> CResult<u32> {
        let v = Constant::Bool(b);
        if let Some(i) = self.k_hit(self.kcache.bools[b as usize], &v) {
            return Ok(i);
        }
        let k = self.push_k(v)?;
        self.kcache.bools[b as usize] = Some(k);
        Ok(k)
    }

    pub fn nil_k(&mut self) -> CResult<u32> {
        if let Some(i) = self.k_hit(self.kcache.nil, &Constant::Nil) {
            return Ok(i);
        }
        let k = self.push_k(Constant::Nil)?;
        self.kcache.nil = Some(k);
        Ok(k)
    }
}
