//! The sandbox profile: libraries, library functions and modules a run may
//! not use (`--deny NAME` on the command line, `[sandbox] deny = [...]` in
//! `wlua.toml`). See docs/sandbox.md.
//!
//! The deny list is set once, before any VM exists, and holds for every
//! process of the run. A denied name stays visible but fails where it is
//! used, with a message naming it and where the denial came from:
//! - `require(NAME)` (and `require("NAME.sub")`) raises
//!   `module 'NAME' is denied by the sandbox (wlua.toml)`;
//! - a denied global library (`io`) is replaced by a table whose every
//!   read or write raises (`'io.open' is denied by the sandbox (--deny)`);
//! - a denied global function (`load`) or library function (`os.execute`)
//!   is replaced by a function that raises when called.
//!
//! Names that are neither globals nor library fields (`sql`, `http_client`,
//! modules that do not exist yet) are denied at `require` only. With an
//! empty list nothing here runs: an unsandboxed process pays nothing.

use crate::args::arg;
use std::sync::OnceLock;
use wlua_vm::lazy::{TValue, Template};
use wlua_vm::{LuaError, NResult, Vals, Value, Vm};

/// One denied name and where the denial came from (`--deny`, `wlua.toml`).
#[derive(Debug, Clone, PartialEq)]
pub struct Denied {
    pub name: String,
    pub source: String,
}

static DENIED: OnceLock<Vec<Denied>> = OnceLock::new();

/// Sets the deny list for the whole run (call before creating VMs; later
/// calls are ignored).
pub fn set_denied(list: Vec<Denied>) {
    let _ = DENIED.set(list);
}

fn denied() -> &'static [Denied] {
    DENIED.get().map_or(&[], |v| v.as_slice())
}

/// The entry denying module `name` (itself or a parent: denying `sql`
/// denies `sql.pool` too).
pub fn denied_module(name: &str) -> Option<&'static Denied> {
    denied().iter().find(|d| covers(d, name))
}

fn covers(d: &Denied, name: &str) -> bool {
    name == d.name
        || (name.len() > d.name.len()
            && name.starts_with(d.name.as_str())
            && name.as_bytes()[d.name.len()] == b'.')
}

/// The error `require` raises for a denied module.
pub fn module_error(name: &str, d: &Denied) -> LuaError {
    LuaError::msg(format!(
        "module '{name}' is denied by the sandbox ({})",
        d.source
    ))
}

fn entry<'t>(tpl: &'t Template, name: &str) -> Option<&'t TValue> {
    tpl.entries.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
}

/// Replaces the denied globals and library fields of a new process
/// (from `open_libs`).
pub fn apply(vm: &mut Vm) {
    for d in denied() {
        let (lib, field) = match d.name.split_once('.') {
            Some((l, f)) => (l, Some(f)),
            None => (d.name.as_str(), None),
        };
        let Some(tv) = entry(&crate::base::GLOBALS, lib) else {
            continue;
        };
        match (field, tv) {
            (None, TValue::Lib(_)) => {
                let p = placeholder(vm, lib, &d.source);
                vm.set_global(lib, p);
                // `package.loaded.io` is the same table as `io`.
                let loaded = crate::package::loaded_table(vm);
                if entry(&crate::package::LOADED, lib).is_some() {
                    vm.raw_set_str(loaded, lib, p);
                }
            }
            (None, _) => {
                let f = denied_function(vm, lib, &d.source);
                vm.set_global(lib, f);
            }
            (Some(field), TValue::Lib(tpl)) => {
                let Some(ftv) = entry(tpl, field) else {
                    continue;
                };
                let t = vm.lib_table(tpl);
                let v = match ftv {
                    TValue::Lib(_) => placeholder(vm, &d.name, &d.source),
                    _ => denied_function(vm, &d.name, &d.source),
                };
                vm.raw_set_str(t, field, v);
            }
            (Some(_), _) => {}
        }
    }
}

fn denied_message(what: &str, source: &str) -> String {
    format!("'{what}' is denied by the sandbox ({source})")
}

/// A function that raises when called; its upvalue is the message.
fn denied_function(vm: &mut Vm, name: &str, source: &str) -> Value {
    let msg = vm.new_str(denied_message(name, source));
    vm.new_native(raise_upvalue, vec![msg])
}

fn raise_upvalue(vm: &mut Vm, _args: Vals) -> NResult {
    match vm.native_upvalue(0) {
        Value::Str(s) => Err(LuaError::msg(s.get().to_str_lossy().into_owned())),
        _ => Err(LuaError::msg("denied by the sandbox")),
    }
}

/// An empty table standing for a denied library: reading or writing any
/// field raises, naming `lib.field`.
fn placeholder(vm: &mut Vm, lib: &str, source: &str) -> Value {
    let name = vm.new_str(lib);
    let src = vm.new_str(source);
    let index = vm.new_native(raise_field, vec![name, src]);
    let mt = vm.new_table();
    vm.raw_set_str(mt, "__index", index);
    vm.raw_set_str(mt, "__newindex", index);
    let locked = vm.new_str("denied by the sandbox");
    vm.raw_set_str(mt, "__metatable", locked);
    let t = Value::Table(vm.new_table());
    vm.set_metatable(&t, Some(mt));
    t
}

fn raise_field(vm: &mut Vm, args: Vals) -> NResult {
    let lib = match vm.native_upvalue(0) {
        Value::Str(s) => s.get().to_str_lossy().into_owned(),
        _ => String::new(),
    };
    let source = match vm.native_upvalue(1) {
        Value::Str(s) => s.get().to_str_lossy().into_owned(),
        _ => String::new(),
    };
    let what = match arg(&args, 1) {
        Value::Str(s) => format!("{lib}.{}", s.get().to_str_lossy()),
        _ => lib,
    };
    Err(LuaError::msg(denied_message(&what, &source)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_denied_module_denies_its_submodules_only() {
        let list = [Denied {
            name: "sql".into(),
            source: "--deny".into(),
        }];
        let find = |n: &str| list.iter().find(|d| covers(d, n));
        assert!(find("sql").is_some());
        assert!(find("sql.pool").is_some());
        assert!(find("sqlite").is_none());
    }
}
