//! The built-in signatures (builtins.rs) made into the checker's world:
//! globals, the modules `require` finds without a file, the runtime's
//! named types (`io.File`, `time.Duration`) usable as `mod.Name` in
//! annotations, and the checks that belong to native objects (a method an
//! object does not have, arithmetic on objects with metamethods).
//!
//! The signatures are parsed once per checker as one chunk of aliases:
//! each named type becomes `type __tK = ...` (with `Self` and the other
//! qualified names rewritten to their internal aliases), each signature
//! `type __bI = ...`. After resolving, object bodies become `Ty::Object`,
//! internal names become the qualified ones (for messages), and every
//! function type is marked as a native's signature.

use super::*;
use crate::builtins::{Kind, MODULES, PRELUDE, REQUIRE_ONLY, SIGNATURES, TYPES};

/// Internal alias name of `TYPES[k]`.
fn internal(k: usize) -> String {
    format!("__t{k}")
}

fn ident_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_'
}

fn ident_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// `text` with `Self` (when declaring `TYPES[this]`) and the qualified
/// names of `TYPES` replaced by their internal aliases. String literals
/// are copied unchanged.
fn translate(text: &str, this: Option<usize>) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'"' {
            let start = i;
            i += 1;
            while i < b.len() && b[i] != b'"' {
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            i = (i + 1).min(b.len());
            out.push_str(&text[start..i]);
        } else if ident_start(c) && (i == 0 || !ident_char(b[i - 1])) {
            let start = i;
            while i < b.len() && ident_char(b[i]) {
                i += 1;
            }
            // One dotted segment: `io.File`.
            if i + 1 < b.len() && b[i] == b'.' && ident_start(b[i + 1]) {
                i += 1;
                while i < b.len() && ident_char(b[i]) {
                    i += 1;
                }
            }
            let word = &text[start..i];
            match (word, this) {
                ("Self", Some(k)) => out.push_str(&internal(k)),
                _ => match TYPES.iter().position(|(n, _, _)| *n == word) {
                    Some(k) => out.push_str(&internal(k)),
                    None => out.push_str(word),
                },
            }
        } else {
            out.push(c as char);
            i += 1;
        }
    }
    out
}

/// Rewrites a resolved built-in type: records declared as `TYPES[j]`
/// become that type's final form (`done[j]`), internal alias references
/// take the qualified name, and function types are natives' signatures
/// (arguments convert, extra ones are ignored, results are lax).
fn finish(t: &Ty, done: &[Ty], depth: u32) -> Ty {
    if depth > 32 {
        return t.clone();
    }
    let d = depth + 1;
    match t {
        Ty::Record(r) => {
            if let Some(j) = r.name.as_deref().and_then(type_index)
                && let Some(x) = done.get(j)
            {
                return x.clone();
            }
            Ty::Record(Rc::new(Record::new(
                finish_fields(&r.fields, done, d),
                r.name.clone(),
                r.meta,
            )))
        }
        Ty::Alias(a) => match type_index(&a.name) {
            Some(j) => Ty::alias(Rc::from(TYPES[j].0), a.id, a.args.clone()),
            None => t.clone(),
        },
        Ty::Union(ms) => union(ms.iter().map(|m| finish(m, done, d)).collect()),
        Ty::Intersection(ms) => Ty::Intersection(ms.iter().map(|m| finish(m, done, d)).collect()),
        Ty::Array(x) => Ty::Array(Rc::new(finish(x, done, d))),
        Ty::Map(k, v) => Ty::Map(Rc::new(finish(k, done, d)), Rc::new(finish(v, done, d))),
        Ty::Func(f) => {
            let rets: Vec<Ty> = f.rets.iter().map(|r| finish(r, done, d)).collect();
            Ty::Func(Rc::new(FnTy {
                generics: f.generics.clone(),
                params: f.params.iter().map(|p| finish(p, done, d)).collect(),
                names: f.names.clone(),
                variadic: f.variadic.as_ref().map(|v| finish(v, done, d)),
                err_pair: super::pair::native_pair(&rets),
                rets,
                ret_variadic: f.ret_variadic.as_ref().map(|v| finish(v, done, d)),
                annotated: true,
                check_arity: true,
                builtin: true,
            }))
        }
        t => t.clone(),
    }
}

fn finish_fields(fs: &[Field], done: &[Ty], depth: u32) -> Vec<Field> {
    fs.iter()
        .map(|f| Field {
            name: f.name.clone(),
            ty: finish(&f.ty, done, depth),
            optional: f.optional,
        })
        .collect()
}

/// `k` for the internal name `__tK`.
fn type_index(name: &str) -> Option<usize> {
    name.strip_prefix("__t")?.parse().ok()
}

/// What loading the built-ins leaves in a checker: copied into each new
/// one (every file and required module has its own checker) instead of
/// parsing and resolving the signatures again. Alias ids stay the same in
/// every checker, so types carrying them may pass between checkers.
#[derive(Clone)]
struct Loaded {
    types: TypeScope,
    alias_bodies: Vec<AliasDef>,
    globals: HashMap<Rc<str>, V>,
    lib_modules: HashMap<Rc<str>, Ty>,
    lib_types: HashMap<Rc<str>, Exports>,
    builtin_error: Option<String>,
}

thread_local! {
    static LOADED: std::cell::RefCell<Option<Loaded>> = const { std::cell::RefCell::new(None) };
}

impl Checker {
    /// Declares the standard library and the runtime modules (parsed once
    /// per thread).
    pub(super) fn load_libs(&mut self) {
        let cached = LOADED.with(|l| l.borrow().clone());
        let l = match cached {
            Some(l) => l,
            None => {
                let mut c = Checker::new();
                c.parse_libs();
                // The signatures' own aliases (`S`, `__b3`) are no names
                // for user code: only their ids stay in use.
                let l = Loaded {
                    types: TypeScope::default(),
                    alias_bodies: c.alias_bodies,
                    globals: c.globals,
                    lib_modules: c.lib_modules,
                    lib_types: c.lib_types,
                    builtin_error: c.builtin_error,
                };
                LOADED.with(|c| *c.borrow_mut() = Some(l.clone()));
                l
            }
        };
        self.types = l.types;
        self.alias_bodies = l.alias_bodies;
        self.globals = l.globals;
        self.lib_modules = l.lib_modules;
        self.lib_types = l.lib_types;
        self.builtin_error = l.builtin_error;
    }

    fn parse_libs(&mut self) {
        let mut src = String::from(PRELUDE);
        for (k, (_, _, body)) in TYPES.iter().enumerate() {
            src.push_str(&format!(
                "type {} = {}\n",
                internal(k),
                translate(body, Some(k))
            ));
        }
        for (i, (_, sig)) in SIGNATURES.iter().enumerate() {
            src.push_str(&format!("type __b{i} = {}\n", translate(sig, None)));
        }
        let arena = bumpalo::Bump::new();
        let block = match wlua_parser::parse(&arena, src.as_bytes(), "=builtins") {
            Ok(b) => b,
            Err(e) => {
                // A bad signature is a bug in builtins.rs; its unit test fails.
                debug_assert!(false, "builtins: {e}");
                self.builtin_error = Some(e.to_string());
                return;
            }
        };
        let mut ids = HashMap::new();
        for s in block.stats {
            if let StatKind::TypeAlias(a) = s.kind {
                let id = self.alias_stat(a, s.span);
                ids.insert(a.name, id as usize);
            }
        }
        // Named types in order: each may use the earlier ones.
        let mut done: Vec<Ty> = Vec::new();
        for (k, (name, kind, _)) in TYPES.iter().enumerate() {
            let body = self.lookup_alias(&internal(k)).1;
            let t = match (kind, &body) {
                (Kind::Object | Kind::OpenObject, Ty::Record(r)) => Ty::Object(Rc::new(Object {
                    name: Rc::from(*name),
                    methods: finish_fields(&r.fields, &done, 0),
                    open: *kind == Kind::OpenObject,
                })),
                (_, Ty::Record(r)) if r.name.as_deref() == Some(&internal(k)) => {
                    Ty::Record(Rc::new(Record::new(
                        finish_fields(&r.fields, &done, 0),
                        Some(Rc::from(*name)),
                        None,
                    )))
                }
                _ => finish(&body, &done, 0),
            };
            // `Self` inside refers to the alias: it now expands to this.
            if let Some(&id) = ids.get(internal(k).as_str()) {
                self.alias_bodies[id].body = t.clone();
            }
            done.push(t);
        }
        let mut exports: HashMap<&str, Vec<(Rc<str>, Ty)>> = HashMap::new();
        for ((name, _, _), t) in TYPES.iter().zip(&done) {
            if let Some((m, n)) = name.split_once('.') {
                exports.entry(m).or_default().push((Rc::from(n), t.clone()));
            }
        }
        let mut libs: HashMap<&str, Vec<Field>> = HashMap::new();
        for (i, (path, _)) in SIGNATURES.iter().enumerate() {
            let ty = finish(&self.lookup_alias(&format!("__b{i}")).1, &done, 0);
            match path.split_once('.') {
                None => {
                    self.globals.insert(Rc::from(*path), V::strict(ty));
                }
                Some((lib, f)) => libs.entry(lib).or_default().push(Field {
                    name: Rc::from(f),
                    ty,
                    optional: false,
                }),
            }
        }
        for (lib, fields) in libs {
            let r = Ty::record(fields);
            if MODULES.contains(&lib) {
                self.lib_modules.insert(Rc::from(lib), r.clone());
            }
            if !REQUIRE_ONLY.contains(&lib) {
                // Libraries are lax: programs add functions to them
                // (`function string.shout() end`), so an unlisted field
                // reads as `any`.
                self.globals.insert(Rc::from(lib), V::with(r, false));
            }
        }
        for (m, ts) in exports {
            self.lib_types.insert(Rc::from(m), Rc::new(ts));
        }
        for g in ["_G", "_ENV", "arg", "_VERSION"] {
            self.globals.insert(Rc::from(g), V::any());
        }
        // Built-in aliases stay; user code sees them below its own.
        if !self.diags.is_empty() {
            self.builtin_error = Some(format!("{:?}", self.diags[0]));
        }
        self.diags.clear();
    }

    /// `require("name")` of a module the runtime provides: its type and
    /// its named types.
    pub(super) fn builtin_module(&self, name: &[u8]) -> Option<ModuleTypes> {
        let name = std::str::from_utf8(name).ok()?;
        let ty = self.lib_modules.get(name)?.clone();
        let exports = self.lib_types.get(name).map_or_else(Rc::default, |ex| {
            Rc::new(
                ex.iter()
                    .map(|(n, t)| (n.clone(), Rc::from([]), t.clone()))
                    .collect(),
            )
        });
        Some((ty, exports, Rc::default()))
    }

    /// `m.Name` in an annotation where `m` is no local: a named type of
    /// the runtime module `m` (`io.File`). None when `m` is not one.
    pub(super) fn builtin_type(&mut self, m: &str, name: &str, span: Span) -> Option<Ty> {
        if !self.lib_modules.contains_key(m) && !self.lib_types.contains_key(m) {
            return None;
        }
        let found = self
            .lib_types
            .get(m)
            .and_then(|ts| ts.iter().find(|(n, _)| &**n == name))
            .map(|(_, t)| t.clone());
        Some(found.unwrap_or_else(|| {
            self.err(
                code::UNKNOWN_TYPE,
                span,
                format!("module '{m}' exports no type '{name}'"),
            );
            Ty::Any
        }))
    }

    /// `obj:m(...)` where every member of obj's type is a native object
    /// without method `m`: the call certainly fails (calling nil), so it
    /// is reported even for unannotated values. Returns whether it was.
    pub(super) fn object_lacks_method(&mut self, ov: &V, m: &str, span: Span) -> bool {
        let t = self.expand(&ov.ty).non_nil();
        let ms: Vec<Ty> = t.members().iter().map(|x| self.expand(x)).collect();
        let lacks = !ms.is_empty()
            && ms.iter().all(|x| match x {
                Ty::Object(o) => !o.open && o.method(m).is_none(),
                _ => false,
            });
        if lacks {
            self.err(
                code::UNKNOWN_FIELD,
                span,
                format!("method '{m}' does not exist on {}", t),
            );
        }
        lacks
    }

    /// Does `t` have a native object member? Its metamethods (a
    /// Duration's `+`) decide what operators give.
    pub(super) fn has_object(&self, t: &Ty) -> bool {
        t.members()
            .iter()
            .any(|m| matches!(self.expand(m), Ty::Object(_)))
    }
}

/// A parameter of a native that takes one of a few option strings
/// (`f:seek("set")`), for an unannotated argument: a string of unknown
/// value may be one of them, so only a literal is held to the list.
pub(super) fn option_strings(p: Ty, arg: &Ty) -> Ty {
    let options = p.members().iter().any(|m| matches!(m, Ty::LitStr(_)));
    if options && arg.members().iter().any(|m| matches!(m, Ty::String)) {
        union(vec![p, Ty::String])
    } else {
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translate_rewrites_self_and_qualified_names_only() {
        let k = TYPES.iter().position(|t| t.0 == "time.Time").unwrap();
        let d = TYPES.iter().position(|t| t.0 == "time.Duration").unwrap();
        let out = translate(
            "(Self, time.Duration, \"time.Time\", ...N) -> time.Timer",
            Some(k),
        );
        let timer = TYPES.iter().position(|t| t.0 == "time.Timer").unwrap();
        assert_eq!(
            out,
            format!("(__t{k}, __t{d}, \"time.Time\", ...N) -> __t{timer}")
        );
    }

    #[test]
    fn objects_resolve_with_methods_taking_the_object_first() {
        let mut c = Checker::new();
        c.load_builtins();
        assert_eq!(c.builtin_error, None);
        for (name, kind, _) in TYPES {
            let (m, n) = name.split_once('.').expect("qualified name");
            let t = c.lib_types[m]
                .iter()
                .find(|(x, _)| &**x == n)
                .map(|(_, t)| t.clone())
                .expect(name);
            let Ty::Object(o) = &t else {
                assert_eq!(*kind, Kind::Plain, "{name} should be an object");
                continue;
            };
            assert_ne!(*kind, Kind::Plain, "{name} should not be an object");
            assert_eq!(&*o.name, *name);
            for meth in &o.methods {
                let Ty::Func(f) = &meth.ty else {
                    panic!("{name}.{} is not a method", meth.name)
                };
                assert!(f.builtin, "{name}.{}", meth.name);
                assert_eq!(c.expand(&f.params[0]), t, "{name}:{}", meth.name);
            }
        }
    }

    #[test]
    fn required_modules_have_the_libraries_types() {
        let mut c = Checker::new();
        c.load_builtins();
        for m in MODULES {
            let (ty, _, _) = c.builtin_module(m.as_bytes()).expect(m);
            assert!(matches!(ty, Ty::Record(_)), "{m}");
            assert_eq!(c.globals.contains_key(*m), !REQUIRE_ONLY.contains(m), "{m}");
        }
        assert!(c.builtin_module(b"supervisor_x").is_none());
    }

    #[test]
    fn every_named_type_is_qualified_by_a_module() {
        for (name, _, _) in TYPES {
            let (m, _) = name.split_once('.').expect("qualified name");
            assert!(MODULES.contains(&m) || m == "types", "{name}");
        }
    }
}
