//! Annotations to types: aliases (recursive, generic, and named before
//! their declaration), type parameters, `mod.T`, primitives.
//!
//! Names before their declaration follow the run time
//! (docs/types-runtime.md, "Mutual recursion"): within one block, a `type`
//! statement may name a type a later `type` statement of the same block
//! declares, unless an earlier statement of the block declares that name;
//! from that statement on the name is bound (nested blocks see it too). A
//! type statement in a nested block cannot name one declared later in an
//! enclosing block (the run time raises: E0008 here). Annotations of
//! locals, parameters and returns are erased at run time, so they may name
//! a type declared later in their block or any enclosing one, as Luau
//! hoists aliases.
//!
//! Such a name becomes a lazy `Ty::Alias` to the later statement's alias
//! id, allocated when the block starts. So that code between the start of
//! the block and the declaration (a function annotated with a type
//! declared below it) is checked against the real type, a block's type
//! statements are first resolved once, quietly, in order (`prepass`);
//! each is resolved again, reporting, where it stands.

use super::*;

/// The types visible by name: a stack (innermost last) with an index,
/// so lookups stay constant-time with thousands of aliases.
#[derive(Clone, Default)]
pub(super) struct TypeScope {
    stack: Vec<(Rc<str>, TypeBind)>,
    index: HashMap<Rc<str>, Vec<usize>>,
}

impl TypeScope {
    pub(super) fn len(&self) -> usize {
        self.stack.len()
    }

    pub(super) fn push(&mut self, name: Rc<str>, b: TypeBind) {
        self.index
            .entry(name.clone())
            .or_default()
            .push(self.stack.len());
        self.stack.push((name, b));
    }

    pub(super) fn truncate(&mut self, mark: usize) {
        while self.stack.len() > mark {
            if let Some((n, _)) = self.stack.pop()
                && let Some(v) = self.index.get_mut(&n)
            {
                v.pop();
            }
        }
    }

    /// The innermost binding of `name` and its position.
    pub(super) fn find(&self, name: &str) -> Option<(usize, &TypeBind)> {
        let i = *self.index.get(name)?.last()?;
        Some((i, &self.stack[i].1))
    }

    fn set(&mut self, i: usize, b: TypeBind) {
        if let Some(slot) = self.stack.get_mut(i) {
            slot.1 = b;
        }
    }
}

/// What a name in a type denotes.
#[derive(Clone)]
pub(super) enum TypeBind {
    Alias {
        generics: Rc<[Rc<GenericTy>]>,
        body: Ty,
    },
    /// Being resolved (a reference from inside is recursion), or named
    /// before its statement: a reference becomes a lazy `Ty::Alias`.
    Pending {
        id: u32,
        params: usize,
    },
    Generic(Rc<GenericTy>),
}

/// An alias's definition: `Name<A, B>` is the body with the arguments
/// in place of the parameters.
#[derive(Clone)]
pub(super) struct AliasDef {
    pub generics: Rc<[Rc<GenericTy>]>,
    pub body: Ty,
    /// Resolved where its statement stands (not a placeholder, not the
    /// quiet first pass's body).
    pub ready: bool,
}

impl AliasDef {
    pub(super) fn placeholder() -> AliasDef {
        AliasDef {
            generics: Rc::from([]),
            body: Ty::Any,
            ready: false,
        }
    }
}

/// The `type` statements of a block being walked.
pub(super) struct BlockTypes {
    /// The type scope's length when the block began: bindings at or
    /// above it are the block's own.
    mark: usize,
    /// By name: (statement index, number of parameters, alias id), in
    /// statement order.
    decls: HashMap<Rc<str>, Vec<(usize, usize, u32)>>,
    /// The statement being walked.
    at: usize,
    /// Each `type` statement's alias id, in order.
    list: Vec<u32>,
}

impl Checker {
    /// Starts a block's type bookkeeping when it has `type` statements:
    /// allocates their alias ids and resolves them quietly once, so names
    /// used before their declaration have a body. Returns whether a frame
    /// was pushed (`leave_block_types` pops it).
    pub(super) fn enter_block_types(&mut self, stats: &[Stat]) -> bool {
        let mut decls: HashMap<Rc<str>, Vec<(usize, usize, u32)>> = HashMap::new();
        let mut list = Vec::new();
        for (i, s) in stats.iter().enumerate() {
            if let StatKind::TypeAlias(a) = s.kind {
                let id = self.alias_bodies.len() as u32;
                self.alias_bodies.push(AliasDef::placeholder());
                let name: Rc<str> = Rc::from(a.name);
                decls
                    .entry(name.clone())
                    .or_default()
                    .push((i, a.generics.len(), id));
                list.push(id);
            }
        }
        if decls.is_empty() {
            return false;
        }
        self.block_types.push(BlockTypes {
            mark: self.types.len(),
            decls,
            at: 0,
            list,
        });
        if !self.prepass {
            self.prepass = true;
            let saved = std::mem::take(&mut self.diags);
            let complex = self.too_complex;
            let mark = self.types.len();
            for (i, s) in stats.iter().enumerate() {
                if let StatKind::TypeAlias(a) = s.kind {
                    self.at_statement(i);
                    self.alias_stat(a, s.span);
                }
            }
            self.types.truncate(mark);
            self.at_statement(0);
            self.diags = saved;
            self.too_complex = complex;
            self.prepass = false;
        }
        true
    }

    /// Does `body` reach alias `id`, or another alias twice, through
    /// union and intersection members and aliases alone, with no record,
    /// array, map or function type in between (`type U = U | string`)?
    /// Such a type never ends: the run time's checks give up on it. Only
    /// aliases already resolved at their statement are followed, so each
    /// statement costs its own size, and a cycle is found at its last.
    fn alias_cycle(&self, body: &Ty, id: u32) -> bool {
        enum Step {
            Enter(Ty),
            Leave(u32),
        }
        let mut stack = vec![Step::Enter(body.clone())];
        let mut on_path: hashbrown::HashSet<u32> = [id].into_iter().collect();
        let mut done: hashbrown::HashSet<u32> = hashbrown::HashSet::new();
        let mut steps = 0u32;
        while let Some(step) = stack.pop() {
            steps += 1;
            if steps > 200_000 {
                return false;
            }
            match step {
                Step::Leave(a) => {
                    on_path.remove(&a);
                    done.insert(a);
                }
                Step::Enter(t) => match &t {
                    Ty::Alias(a) => {
                        if on_path.contains(&a.id) {
                            return true;
                        }
                        if done.contains(&a.id) {
                            continue;
                        }
                        // An alias not resolved yet is checked when it is:
                        // the cycle's last statement sees all of it.
                        let Some(d) = self.alias_bodies.get(a.id as usize).filter(|d| d.ready)
                        else {
                            continue;
                        };
                        on_path.insert(a.id);
                        stack.push(Step::Leave(a.id));
                        stack.push(Step::Enter(d.body.clone()));
                    }
                    Ty::Union(ms) => stack.extend(ms.iter().map(|m| Step::Enter(m.clone()))),
                    Ty::Intersection(ms) => stack.extend(ms.iter().map(|m| Step::Enter(m.clone()))),
                    Ty::Checked(c) => stack.push(Step::Enter(c.ty.clone())),
                    _ => {}
                },
            }
        }
        false
    }

    /// Ends a block's type bookkeeping. Its aliases that only name
    /// another (`type A = B`, B declared later) now expand in one step.
    pub(super) fn leave_block_types(&mut self, framed: bool) {
        if !framed {
            return;
        }
        let Some(f) = self.block_types.pop() else {
            return;
        };
        for id in f.list.iter().rev() {
            let id = *id as usize;
            let mut t = self.alias_bodies[id].body.clone();
            let mut steps = 0;
            while let Ty::Alias(a) = &t
                && a.args.is_empty()
                && a.id as usize != id
                && steps < 10_000
            {
                t = self
                    .alias_bodies
                    .get(a.id as usize)
                    .map_or(Ty::Any, |d| d.body.clone());
                steps += 1;
            }
            if !matches!(t, Ty::Alias(_)) {
                self.alias_bodies[id].body = t;
            }
        }
    }

    /// Notes that the walk of the innermost framed block is at statement `i`.
    pub(super) fn at_statement(&mut self, i: usize) {
        if let Some(f) = self.block_types.last_mut() {
            f.at = i;
        }
    }

    /// The alias id allocated for the statement being walked, if it is
    /// a `type` statement of the innermost framed block named `name`.
    fn declared_id(&self, name: &str) -> Option<u32> {
        let f = self.block_types.last()?;
        f.decls.get(name)?.iter().find(|d| d.0 == f.at).map(|d| d.2)
    }

    fn fresh_generic(&mut self, name: &str, bound: Option<Ty>) -> Rc<GenericTy> {
        // Unique across the checkers of one run (modules check in their
        // own checker and share types with their requirers).
        thread_local!(static NEXT: std::cell::Cell<u32> = const { std::cell::Cell::new(0) });
        self.next_generic = NEXT.with(|c| {
            c.set(c.get().wrapping_add(1));
            c.get()
        });
        Rc::new(GenericTy {
            name: Rc::from(name),
            id: self.next_generic,
            bound,
        })
    }

    pub(super) fn push_generics(&mut self, gs: &[ast::Generic]) -> Vec<Rc<GenericTy>> {
        let mut out = Vec::new();
        for g in gs {
            let bound = g.bound.map(|b| self.resolve_type(b));
            let gt = self.fresh_generic(g.name, bound);
            self.types
                .push(Rc::from(g.name), TypeBind::Generic(gt.clone()));
            out.push(gt);
        }
        out
    }

    /// `type Name<...> = body`: resolves the body and binds the name.
    /// Returns the alias id.
    pub(super) fn alias_stat(&mut self, a: &ast::TypeAlias, span: Span) -> u32 {
        let id = match self.declared_id(a.name) {
            Some(id) => id,
            None => {
                self.alias_bodies.push(AliasDef::placeholder());
                (self.alias_bodies.len() - 1) as u32
            }
        };
        let name: Rc<str> = Rc::from(a.name);
        let params = a.generics.len();
        self.types
            .push(name.clone(), TypeBind::Pending { id, params });
        let mark = self.types.len();
        self.in_type_stat += 1;
        let generics = self.push_generics(a.generics);
        let body = self.resolve_type(a.ty);
        self.in_type_stat -= 1;
        self.types.truncate(mark);
        // `type IntBox = Box<integer>` is called IntBox in messages, not
        // by the instantiation's own name.
        let instance = matches!(a.ty.kind, ast::TypeKind::Named { args, .. } if !args.is_empty());
        let body = match &body {
            Ty::Record(r) if instance && a.generics.is_empty() => {
                Ty::Record(Rc::new(Record::new(r.fields.clone(), None, r.meta)))
            }
            Ty::Union(ms) if instance && a.generics.is_empty() => {
                Ty::Union(Rc::new(Members::new(ms.to_vec(), None)))
            }
            _ => body,
        };
        let mut body = if a.generics.is_empty() {
            Ty::named(body, a.name)
        } else {
            body
        };
        if !self.prepass && self.alias_cycle(&body, id) {
            self.err(
                code::TOO_COMPLEX,
                span,
                format!(
                    "type '{}' is defined through itself with no table or function type in between: no value can be checked against it, it is treated as 'any'",
                    a.name
                ),
            );
            body = Ty::Any;
        }
        let generics: Rc<[Rc<GenericTy>]> = generics.into();
        self.alias_bodies[id as usize] = AliasDef {
            generics: generics.clone(),
            body: body.clone(),
            ready: !self.prepass,
        };
        self.types.set(mark - 1, TypeBind::Alias { generics, body });
        // Names this statement used before their declaration are bound
        // from here on, as the run time declares them ahead.
        for (n, id, params) in std::mem::take(&mut self.ahead) {
            let bound = matches!(self.types.find(&n), Some((_, TypeBind::Pending { id: j, .. })) if *j == id);
            if !bound {
                self.types.push(n, TypeBind::Pending { id, params });
            }
        }
        id
    }

    /// The type parameters and body of the innermost alias called `name`
    /// (none and `any` if there is none).
    pub(super) fn lookup_alias(&self, name: &str) -> (Rc<[Rc<GenericTy>]>, Ty) {
        match self.types.find(name) {
            Some((_, TypeBind::Alias { generics, body })) => (generics.clone(), body.clone()),
            _ => (Rc::from([]), Ty::Any),
        }
    }

    /// What `name` denotes in a type here (see the module comment).
    fn lookup_type(&mut self, name: &str) -> Option<TypeBind> {
        let found = self.types.find(name).map(|(i, b)| (i, b.clone()));
        let n = self.block_types.len();
        for fi in (0..n).rev() {
            let f = &self.block_types[fi];
            if let Some((i, b)) = &found
                && *i >= f.mark
            {
                return Some(b.clone());
            }
            let innermost = fi + 1 == n;
            if !innermost && self.in_type_stat > 0 {
                continue;
            }
            let later = f
                .decls
                .get(name)
                .and_then(|ds| ds.iter().find(|d| d.0 >= f.at).copied());
            if let Some((_, params, id)) = later {
                if innermost && self.in_type_stat > 0 {
                    self.ahead.push((Rc::from(name), id, params));
                }
                return Some(TypeBind::Pending { id, params });
            }
        }
        found.map(|(_, b)| b)
    }

    pub(super) fn resolve_type(&mut self, t: &ast::Type) -> Ty {
        use ast::TypeKind as K;
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.depth -= 1;
            self.complex(t.span);
            return Ty::Any;
        }
        let r = match &t.kind {
            K::Nil => Ty::Nil,
            K::LitStr(s) => Ty::LitStr(Rc::from(*s)),
            K::LitInt(i) => Ty::LitInt(*i),
            K::LitFloat(f) => Ty::LitFloat(*f),
            K::LitBool(b) => Ty::LitBool(*b),
            K::Optional(x) => Ty::optional(self.resolve_type(x)),
            K::Union(ms) => {
                let v = ms.iter().map(|m| self.resolve_type(m)).collect();
                union(v)
            }
            K::Intersection(ms) => {
                let v: Vec<Ty> = ms.iter().map(|m| self.resolve_type(m)).collect();
                match merge_records(&v, &self.al()) {
                    Some(r) => r,
                    None => Ty::Intersection(v.into()),
                }
            }
            K::Array(x) => Ty::Array(Rc::new(self.resolve_type(x))),
            K::Map(k, v) => Ty::Map(Rc::new(self.resolve_type(k)), Rc::new(self.resolve_type(v))),
            K::Record(fs) => {
                let mut fields = Vec::new();
                for f in fs.iter() {
                    let ty = self.resolve_type(f.ty);
                    fields.push(Field {
                        name: Rc::from(f.name),
                        ty,
                        optional: f.optional,
                    });
                }
                Ty::record(fields)
            }
            K::Function {
                generics,
                params,
                variadic,
                rets,
                ret_variadic,
            } => {
                let mark = self.types.len();
                let gs = self.push_generics(generics);
                let ps: Vec<Ty> = params.iter().map(|p| self.resolve_type(p.ty)).collect();
                let names = params
                    .iter()
                    .map(|p| Rc::from(p.name.unwrap_or("")))
                    .collect();
                let va = variadic.map(|v| self.resolve_type(v));
                let rs: Vec<Ty> = rets.iter().map(|r| self.resolve_type(r)).collect();
                let rva = ret_variadic.map(|v| self.resolve_type(v));
                self.types.truncate(mark);
                Ty::Func(Rc::new(FnTy {
                    generics: gs,
                    params: ps,
                    names,
                    variadic: va,
                    rets: rs,
                    ret_variadic: rva,
                    annotated: true,
                    check_arity: true,
                    builtin: false,
                    err_pair: false,
                }))
            }
            // The quiet first pass runs before the block's locals exist.
            K::Typeof(_) if self.prepass => Ty::Any,
            K::Typeof(e) => {
                let saved = std::mem::take(&mut self.diags);
                let v = self.expr(e, None);
                self.diags = saved;
                v.ty
            }
            K::Validated(x, vs) => {
                let inner = self.resolve_type(x);
                Ty::checked(inner, validators(vs))
            }
            K::Named { module, name, args } => self.named_type(*module, name, args, t.span),
        };
        self.depth -= 1;
        r
    }

    fn named_type(
        &mut self,
        module: Option<&str>,
        name: &str,
        args: &[ast::Type],
        span: Span,
    ) -> Ty {
        if let Some(m) = module {
            // `mod.T`: a runtime module's type, or an exported alias of the
            // module bound to local `mod` (which this reads, for the
            // unused-import rule).
            if let Some(id) = self.resolve(m) {
                self.vars[id].used = true;
            }
            if self.resolve(m).is_none()
                && let Some(t) = self.builtin_type(m, name, span)
            {
                return t;
            }
            let found = self
                .resolve(m)
                .and_then(|id| self.module_types.get(&id))
                .and_then(|ex| {
                    ex.iter()
                        .find(|(n, ..)| &**n == name)
                        .map(|(_, g, t)| (g.clone(), t.clone()))
                });
            return match found {
                Some((generics, t)) if generics.is_empty() && args.is_empty() => t,
                Some((generics, t)) => {
                    // `mod.Box<integer>`: the exported body with the
                    // arguments in place of its parameters.
                    if generics.len() != args.len() {
                        self.err(
                            code::GENERIC,
                            span,
                            format!(
                                "type '{m}.{name}' takes {} type argument(s), got {}",
                                generics.len(),
                                args.len()
                            ),
                        );
                        return Ty::Any;
                    }
                    let mut map = HashMap::new();
                    let mut shown = Vec::new();
                    for (g, a) in generics.iter().zip(args) {
                        let t = self.resolve_type(a);
                        shown.push(t.to_string());
                        map.insert(g.id, t);
                    }
                    Ty::named(
                        subst(&t, &map),
                        &format!("{m}.{name}<{}>", shown.join(", ")),
                    )
                }
                None if self
                    .resolve(m)
                    .is_some_and(|id| self.module_types.contains_key(&id)) =>
                {
                    self.err(
                        code::UNKNOWN_TYPE,
                        span,
                        format!("module '{m}' exports no type '{name}'"),
                    );
                    Ty::Any
                }
                None => Ty::Any,
            };
        }
        if let Some(b) = self.lookup_type(name) {
            let wrong_arity = |c: &mut Checker, want: usize| {
                c.err(
                    code::GENERIC,
                    span,
                    format!(
                        "type '{name}' takes {want} type argument(s), got {}",
                        args.len()
                    ),
                );
                Ty::Any
            };
            return match b {
                TypeBind::Generic(g) => Ty::Generic(g),
                TypeBind::Pending { id, params } => {
                    if params != args.len() {
                        return wrong_arity(self, params);
                    }
                    let args = args.iter().map(|a| self.resolve_type(a)).collect();
                    Ty::alias(Rc::from(name), id, args)
                }
                TypeBind::Alias { generics, body, .. } => {
                    if generics.len() != args.len() {
                        return wrong_arity(self, generics.len());
                    }
                    if generics.is_empty() {
                        return body;
                    }
                    let mut map = HashMap::new();
                    let mut shown = Vec::new();
                    for (g, a) in generics.iter().zip(args) {
                        let t = self.resolve_type(a);
                        shown.push(t.to_string());
                        map.insert(g.id, t);
                    }
                    let t = subst(&body, &map);
                    Ty::named(t, &format!("{name}<{}>", shown.join(", ")))
                }
            };
        }
        let prim = match name {
            "boolean" => Ty::Boolean,
            "number" => Ty::Number,
            "integer" => Ty::Integer,
            "string" => Ty::String,
            "any" => Ty::Any,
            "unknown" => Ty::Unknown,
            "never" => Ty::Never,
            "table" => Ty::Table,
            "function" => Ty::Function,
            "thread" => Ty::Thread,
            "userdata" => Ty::Userdata,
            "error" => Ty::Error,
            _ => {
                self.err(code::UNKNOWN_TYPE, span, format!("unknown type '{name}'"));
                return Ty::Any;
            }
        };
        if !args.is_empty() {
            self.err(
                code::GENERIC,
                span,
                format!("type '{name}' takes no type arguments"),
            );
        }
        prim
    }

    pub(super) fn complex(&mut self, span: Span) {
        if !self.too_complex {
            self.too_complex = true;
            self.err(
                code::TOO_COMPLEX,
                span,
                "code too complex to check: nesting exceeds the checker's limit; the rest of this expression is treated as 'any'".into(),
            );
        }
    }
}
