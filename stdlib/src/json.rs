//! `require("json")`: encode Lua values as JSON text and decode JSON text
//! into Lua values (spec/modules.md §5, wlua-decisions.md "json"), plus a
//! small JSON Schema validator (`validate`, `validate_string`).
//!
//! Expected failures return `nil, err` (an `errors` value); only wrong
//! argument types raise. Encode errors name the path of the failing value
//! (`$.items[2].price: cannot encode a function`); decode errors come from
//! serde_json and end with `at line L column C`.
//!
//! Mapping, in short: a table with keys `1..n` is an array, a table with
//! string keys an object (keys written in byte order), the empty table
//! `[]`; `json.null` (a light userdata) stands for `null` both ways;
//! integers stay integers and floats stay floats (`3.0` encodes as `3.0`
//! and decodes back to a float). Both directions stop at nesting depth 128
//! so deep input can never overflow the Rust stack.

use crate::args::{self, arg};
use serde::de::{DeserializeSeed, MapAccess, SeqAccess, Visitor};
use wlua_vm::gc::Gc;
use wlua_vm::lazy::{TValue, Template};
use wlua_vm::table::Table;
use wlua_vm::{NResult, Vals, Value, Vm, rets};

/// Deepest nesting of arrays and objects accepted by encode (spec §5);
/// decode has the same limit (serde_json's recursion limit).
pub const MAX_DEPTH: usize = 128;

/// Anchor whose address is `json.null`'s identity.
static NULL_ANCHOR: u8 = 0;

/// The `json.null` sentinel: the same light userdata in every process, so
/// it survives being sent in a message.
pub fn null_value() -> Value {
    Value::LightUserData(null_addr())
}

fn null_addr() -> usize {
    &NULL_ANCHOR as *const u8 as usize
}

fn build_null(_vm: &mut Vm) -> Value {
    null_value()
}

/// `package.preload.json`.
pub fn loader(vm: &mut Vm, _args: Vals) -> NResult {
    let m = vm.lib_table(&LIB);
    rets![Value::Table(m)]
}

/// The `json` module table, built on demand (wlua_vm::lazy).
pub static LIB: Template = Template {
    name: "json",
    entries: &[
        ("encode", TValue::Fn(encode_fn)),
        ("decode", TValue::Fn(decode_fn)),
        ("validate", TValue::Fn(validate_fn)),
        ("validate_string", TValue::Fn(validate_string_fn)),
        ("null", TValue::Build(build_null)),
    ],
    init: None,
};

fn fail(vm: &mut Vm, kind: &str, msg: &str) -> NResult {
    let e = crate::errors::new_error(vm, kind, msg);
    rets![Value::Nil, e]
}

// ----- encode --------------------------------------------------------------

/// One step of the path from the root to the value being encoded.
#[derive(Clone, Copy)]
enum Seg {
    Index(i64),
    Key(Value),
}

/// Renders a path as `$.a[2]["odd key"]`.
fn render_path(path: &[Seg]) -> String {
    let mut s = String::from("$");
    for seg in path {
        match seg {
            Seg::Index(i) => s.push_str(&format!("[{i}]")),
            Seg::Key(Value::Str(k)) if std::str::from_utf8(k.get().as_bytes()).is_err() => {
                s.push_str(&format!("[\"{}\"]", k.get().as_bytes().escape_ascii()));
            }
            Seg::Key(Value::Str(k)) => {
                let k = k.get().to_str_lossy();
                let ident = !k.is_empty()
                    && !k.as_bytes()[0].is_ascii_digit()
                    && k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
                if ident {
                    s.push('.');
                    s.push_str(&k);
                } else {
                    s.push_str(&format!("[{:?}]", k.as_ref()));
                }
            }
            Seg::Key(_) => s.push_str("[?]"),
        }
    }
    s
}

struct Encoder<'a> {
    vm: &'a Vm,
    out: Vec<u8>,
    /// Indentation unit when pretty printing.
    indent: Option<Vec<u8>>,
    path: Vec<Seg>,
    /// Tables being encoded (cycle check; at most MAX_DEPTH long).
    open: Vec<*const Table>,
}

type EncResult = Result<(), String>;

impl Encoder<'_> {
    fn newline(&mut self, level: usize) {
        if let Some(ind) = &self.indent {
            self.out.push(b'\n');
            for _ in 0..level {
                self.out.extend_from_slice(ind);
            }
        }
    }

    fn value(&mut self, v: Value) -> EncResult {
        match v {
            Value::Nil => self.out.extend_from_slice(b"null"),
            Value::LightUserData(a) if a == null_addr() => self.out.extend_from_slice(b"null"),
            Value::Bool(true) => self.out.extend_from_slice(b"true"),
            Value::Bool(false) => self.out.extend_from_slice(b"false"),
            Value::Int(n) => self
                .out
                .extend_from_slice(itoa::Buffer::new().format(n).as_bytes()),
            Value::Float(f) => {
                if f.is_nan() {
                    return Err("cannot encode NaN".into());
                }
                if f.is_infinite() {
                    return Err(format!(
                        "cannot encode {}",
                        if f > 0.0 { "inf" } else { "-inf" }
                    ));
                }
                self.out
                    .extend_from_slice(ryu::Buffer::new().format_finite(f).as_bytes());
            }
            Value::Str(s) => {
                let b = s.get().as_bytes();
                if std::str::from_utf8(b).is_err() {
                    return Err("cannot encode a string that is not valid UTF-8".into());
                }
                write_str(&mut self.out, b);
            }
            Value::Table(t) => self.table(t)?,
            other => {
                return Err(format!(
                    "cannot encode a {}",
                    self.vm.type_name_meta(&other)
                ));
            }
        }
        Ok(())
    }

    fn table(&mut self, t: Gc<Table>) -> EncResult {
        let tp = t.get() as *const Table;
        if self.open.contains(&tp) {
            return Err("cannot encode a cyclic table".into());
        }
        if self.open.len() >= MAX_DEPTH {
            return Err(format!("cannot encode nesting deeper than {MAX_DEPTH}"));
        }
        let tb = t.get();
        tb.materialize_all();
        // Classify the keys: positive integers (an array) or strings (an
        // object), never both.
        let (mut nint, mut maxint, mut nstr) = (0i64, 0i64, 0usize);
        for (k, _) in tb.iter_all() {
            match k {
                Value::Int(i) if i >= 1 => {
                    nint += 1;
                    maxint = maxint.max(i);
                }
                Value::Str(_) => nstr += 1,
                other => {
                    return Err(format!(
                        "cannot encode a table key of type {}{}",
                        self.vm.type_name_meta(&other),
                        match other {
                            Value::Int(i) => format!(" ({i})"),
                            Value::Float(f) => format!(" ({f})"),
                            _ => String::new(),
                        }
                    ));
                }
            }
        }
        if nint > 0 && nstr > 0 {
            return Err("cannot encode a table with both array and object keys".into());
        }
        if nint > 0 && maxint != nint {
            return Err(format!(
                "cannot encode a sparse array ({nint} elements, largest index {maxint})"
            ));
        }
        self.open.push(tp);
        let level = self.open.len();
        if nstr == 0 {
            if nint == 0 {
                self.out.extend_from_slice(b"[]");
            } else {
                self.out.push(b'[');
                for i in 1..=nint {
                    if i > 1 {
                        self.out.push(b',');
                    }
                    self.newline(level);
                    self.path.push(Seg::Index(i));
                    self.value(tb.get_int(i))?;
                    self.path.pop();
                }
                self.newline(level - 1);
                self.out.push(b']');
            }
        } else {
            let mut pairs: Vec<(Value, Value)> = tb.iter_all().collect();
            pairs.sort_unstable_by(|a, b| match (a.0, b.0) {
                (Value::Str(x), Value::Str(y)) => x.get().as_bytes().cmp(y.get().as_bytes()),
                _ => std::cmp::Ordering::Equal,
            });
            self.out.push(b'{');
            for (n, (k, v)) in pairs.into_iter().enumerate() {
                if n > 0 {
                    self.out.push(b',');
                }
                self.newline(level);
                self.path.push(Seg::Key(k));
                if let Value::Str(ks) = k {
                    if std::str::from_utf8(ks.get().as_bytes()).is_err() {
                        return Err("cannot encode a key that is not valid UTF-8".into());
                    }
                    write_str(&mut self.out, ks.get().as_bytes());
                }
                self.out.push(b':');
                if self.indent.is_some() {
                    self.out.push(b' ');
                }
                self.value(v)?;
                self.path.pop();
            }
            self.newline(level - 1);
            self.out.push(b'}');
        }
        self.open.pop();
        Ok(())
    }
}

/// Writes `s` (valid UTF-8) as a JSON string literal.
fn write_str(out: &mut Vec<u8>, s: &[u8]) {
    out.reserve(s.len() + 2);
    out.push(b'"');
    let mut start = 0;
    for (i, &b) in s.iter().enumerate() {
        let esc: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0c => b"\\f",
            0..=0x1f => b"",
            _ => continue,
        };
        out.extend_from_slice(&s[start..i]);
        if esc.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(b"\\u00");
            out.push(HEX[(b >> 4) as usize]);
            out.push(HEX[(b & 15) as usize]);
        } else {
            out.extend_from_slice(esc);
        }
        start = i + 1;
    }
    out.extend_from_slice(&s[start..]);
    out.push(b'"');
}

/// Encodes `v`; on failure the message starts with the failing path.
pub fn encode_value(vm: &Vm, v: Value, indent: Option<Vec<u8>>) -> Result<Vec<u8>, String> {
    let mut e = Encoder {
        vm,
        out: Vec::new(),
        indent,
        path: Vec::new(),
        open: Vec::new(),
    };
    match e.value(v) {
        Ok(()) => Ok(e.out),
        Err(m) => Err(format!("{}: {}", render_path(&e.path), m)),
    }
}

/// The indentation unit `opts` asks for: `pretty = true` is two spaces,
/// `indent` a number of spaces or the string to repeat.
fn indent_opt(vm: &mut Vm, opts: Value) -> Result<Option<Vec<u8>>, String> {
    let t = match opts {
        Value::Nil => return Ok(None),
        Value::Table(t) => t,
        _ => unreachable!("checked by the caller"),
    };
    let pretty = vm.raw_get_str(t, "pretty");
    let indent = vm.raw_get_str(t, "indent");
    match indent {
        Value::Nil => {}
        Value::Int(n) if (0..=16).contains(&n) => return Ok(Some(vec![b' '; n as usize])),
        Value::Str(s) => return Ok(Some(s.get().as_bytes().to_vec())),
        _ => {
            return Err("option 'indent' must be a number of spaces (0-16) or a string".into());
        }
    }
    match pretty {
        Value::Nil | Value::Bool(false) => Ok(None),
        Value::Bool(true) => Ok(Some(b"  ".to_vec())),
        _ => Err("option 'pretty' must be a boolean".into()),
    }
}

fn encode_fn(vm: &mut Vm, args: Vals) -> NResult {
    let v = arg(&args, 0);
    let opts = arg(&args, 1);
    if !matches!(opts, Value::Nil | Value::Table(_)) {
        return Err(args::type_error(vm, &args, 1, "table"));
    }
    let indent = match indent_opt(vm, opts) {
        Ok(i) => i,
        Err(m) => return fail(vm, "INVALID", &m),
    };
    match encode_value(vm, v, indent) {
        Ok(out) => {
            let s = vm.new_str_owned(out);
            rets![s]
        }
        Err(m) => fail(vm, "INTERNAL", &m),
    }
}

// ----- decode --------------------------------------------------------------

/// Builds Lua values straight from the parser's events (no intermediate
/// tree).
struct Seed<'v> {
    vm: &'v mut Vm,
    /// Arrays and objects open around this value.
    depth: usize,
}

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = Value;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed<'_> {
    type Value = Value;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
        Ok(Value::Int(n))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
        // Beyond i64: a float, as Lua's own reader does with big numerals.
        Ok(i64::try_from(n)
            .map(Value::Int)
            .unwrap_or(Value::Float(n as f64)))
    }
    fn visit_f64<E>(self, f: f64) -> Result<Value, E> {
        Ok(Value::Float(f))
    }
    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(self.vm.new_str(s))
    }
    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(self.vm.new_str_owned(s.into_bytes()))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(null_value())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        too_deep::<A::Error>(self.depth)?;
        let t = self.vm.new_table_sized(seq.size_hint().unwrap_or(0), 0);
        let mut i = 0i64;
        while let Some(v) = seq.next_element_seed(Seed {
            vm: &mut *self.vm,
            depth: self.depth + 1,
        })? {
            i += 1;
            t.get_mut().set_int(i, v);
        }
        Ok(Value::Table(t))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        too_deep::<A::Error>(self.depth)?;
        let t = self.vm.new_table_sized(0, map.size_hint().unwrap_or(0));
        while let Some(k) = map.next_key_seed(Seed {
            vm: &mut *self.vm,
            depth: self.depth + 1,
        })? {
            let v = map.next_value_seed(Seed {
                vm: &mut *self.vm,
                depth: self.depth + 1,
            })?;
            // Keys are strings: set never fails on them.
            let _ = t.get_mut().set(k, v);
        }
        Ok(Value::Table(t))
    }
}

/// Stops before the parser recurses past MAX_DEPTH (serde_json's own
/// limit is off so both directions share one number).
fn too_deep<E: serde::de::Error>(depth: usize) -> Result<(), E> {
    if depth >= MAX_DEPTH {
        return Err(E::custom(format_args!("nesting deeper than {MAX_DEPTH}")));
    }
    Ok(())
}

/// Decodes JSON text into a Lua value; the error reads
/// `... at line L column C`.
pub fn decode_bytes(vm: &mut Vm, text: &[u8]) -> Result<Value, String> {
    let mut de = serde_json::Deserializer::from_slice(text);
    de.disable_recursion_limit();
    let v = Seed { vm, depth: 0 }
        .deserialize(&mut de)
        .map_err(|e| e.to_string())?;
    de.end().map_err(|e| e.to_string())?;
    Ok(v)
}

fn decode_fn(vm: &mut Vm, args: Vals) -> NResult {
    let s = args::check_str(vm, &args, 0)?;
    match decode_bytes(vm, s.get().as_bytes()) {
        Ok(v) => rets![v],
        Err(m) => fail(vm, "INTERNAL", &format!("invalid JSON: {m}")),
    }
}

// ----- validate ------------------------------------------------------------

use serde_json::Value as J;

/// A schema from a table (encoded, then parsed) or from JSON text.
fn schema_of(vm: &mut Vm, v: Value) -> Result<J, String> {
    let text = match v {
        Value::Str(s) => s.get().as_bytes().to_vec(),
        Value::Table(_) => encode_value(vm, v, None)?,
        other => {
            return Err(format!(
                "schema must be a table or a JSON string, got {}",
                vm.type_name_meta(&other)
            ));
        }
    };
    let j: J = serde_json::from_slice(&text).map_err(|e| format!("invalid schema JSON: {e}"))?;
    if !j.is_object() && !(j.is_array() && j.as_array().is_some_and(|a| a.is_empty())) {
        return Err("schema must be an object".into());
    }
    check_schema(&j, "$")?;
    Ok(j)
}

/// Rejects malformed keywords up front (schema compilation).
fn check_schema(s: &J, at: &str) -> Result<(), String> {
    let Some(o) = s.as_object() else {
        if s.as_array().is_some_and(|a| a.is_empty()) {
            return Ok(());
        }
        return Err(format!("schema {at}: must be an object"));
    };
    const TYPES: &[&str] = &[
        "string", "number", "integer", "boolean", "object", "array", "null",
    ];
    if let Some(t) = o.get("type") {
        let ok = match t {
            J::String(n) => TYPES.contains(&n.as_str()),
            J::Array(a) => a
                .iter()
                .all(|x| x.as_str().is_some_and(|n| TYPES.contains(&n))),
            _ => false,
        };
        if !ok {
            return Err(format!("schema {at}: invalid 'type' {t}"));
        }
    }
    for k in ["minLength", "maxLength"] {
        if let Some(v) = o.get(k) {
            if v.as_u64().is_none() {
                return Err(format!("schema {at}: '{k}' must be a non-negative integer"));
            }
        }
    }
    for k in ["minimum", "maximum"] {
        if let Some(v) = o.get(k) {
            if !v.is_number() {
                return Err(format!("schema {at}: '{k}' must be a number"));
            }
        }
    }
    if let Some(r) = o.get("required") {
        if !r
            .as_array()
            .is_some_and(|a| a.iter().all(|x| x.is_string()))
        {
            return Err(format!(
                "schema {at}: 'required' must be an array of strings"
            ));
        }
    }
    if let Some(e) = o.get("enum") {
        if !e.is_array() {
            return Err(format!("schema {at}: 'enum' must be an array"));
        }
    }
    if let Some(p) = o.get("properties") {
        match p {
            J::Object(m) => {
                for (k, sub) in m {
                    check_schema(sub, &format!("{at}.properties.{k}"))?;
                }
            }
            J::Array(a) if a.is_empty() => {}
            _ => return Err(format!("schema {at}: 'properties' must be an object")),
        }
    }
    if let Some(i) = o.get("items") {
        check_schema(i, &format!("{at}.items"))?;
    }
    Ok(())
}

fn type_of(v: &J) -> &'static str {
    match v {
        J::Null => "null",
        J::Bool(_) => "boolean",
        J::Number(n) if n.is_i64() || n.is_u64() => "integer",
        J::Number(_) => "number",
        J::String(_) => "string",
        J::Array(_) => "array",
        J::Object(_) => "object",
    }
}

fn type_matches(want: &str, v: &J) -> bool {
    match (want, v) {
        ("number", J::Number(_)) => true,
        ("integer", J::Number(n)) => {
            n.is_i64() || n.is_u64() || n.as_f64().is_some_and(|f| f.fract() == 0.0)
        }
        // Lua has one empty table: it is both an empty array and an empty
        // object.
        ("object", J::Array(a)) => a.is_empty(),
        ("array", J::Object(o)) => o.is_empty(),
        (w, v) => w == type_of(v),
    }
}

fn child_path(at: &str, key: &str) -> String {
    let ident = !key.is_empty()
        && !key.as_bytes()[0].is_ascii_digit()
        && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if ident {
        format!("{at}.{key}")
    } else {
        format!("{at}[{key:?}]")
    }
}

/// Checks `v` against `s`; the error names the first failing path.
fn check(s: &J, v: &J, at: &str) -> Result<(), String> {
    let Some(o) = s.as_object() else {
        return Ok(());
    };
    if let Some(t) = o.get("type") {
        let ok = match t {
            J::String(w) => type_matches(w, v),
            J::Array(a) => a
                .iter()
                .any(|w| w.as_str().is_some_and(|w| type_matches(w, v))),
            _ => true,
        };
        if !ok {
            let want = match t {
                J::String(w) => w.clone(),
                _ => t
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|x| x.as_str())
                            .collect::<Vec<_>>()
                            .join(" or ")
                    })
                    .unwrap_or_default(),
            };
            return Err(format!("{at}: expected {want}, got {}", type_of(v)));
        }
    }
    if let Some(J::Array(choices)) = o.get("enum") {
        if !choices.iter().any(|c| c == v) {
            return Err(format!(
                "{at}: value {v} is not one of {}",
                J::Array(choices.clone())
            ));
        }
    }
    if let J::String(st) = v {
        let n = st.chars().count() as u64;
        if let Some(min) = o.get("minLength").and_then(|x| x.as_u64()) {
            if n < min {
                return Err(format!(
                    "{at}: string shorter than minLength {min} ({n} characters)"
                ));
            }
        }
        if let Some(max) = o.get("maxLength").and_then(|x| x.as_u64()) {
            if n > max {
                return Err(format!(
                    "{at}: string longer than maxLength {max} ({n} characters)"
                ));
            }
        }
        if o.get("format").and_then(|f| f.as_str()) == Some("email") && !is_email(st) {
            return Err(format!("{at}: not a valid email address"));
        }
    }
    if let J::Number(n) = v {
        let x = n.as_f64().unwrap_or(0.0);
        if let Some(min) = o.get("minimum").and_then(|m| m.as_f64()) {
            if x < min {
                return Err(format!("{at}: {n} is less than minimum {}", o["minimum"]));
            }
        }
        if let Some(max) = o.get("maximum").and_then(|m| m.as_f64()) {
            if x > max {
                return Err(format!(
                    "{at}: {n} is greater than maximum {}",
                    o["maximum"]
                ));
            }
        }
    }
    if let J::Object(m) = v {
        if let Some(J::Array(req)) = o.get("required") {
            for r in req.iter().filter_map(|r| r.as_str()) {
                if !m.contains_key(r) {
                    return Err(format!(
                        "{}: required property is missing",
                        child_path(at, r)
                    ));
                }
            }
        }
        if let Some(J::Object(props)) = o.get("properties") {
            for (k, sub) in props {
                if let Some(pv) = m.get(k) {
                    check(sub, pv, &child_path(at, k))?;
                }
            }
        }
    } else if let J::Array(a) = v {
        if let Some(J::Array(req)) = o.get("required") {
            // An empty Lua table standing for an empty object.
            if let Some(r) = req.iter().filter_map(|r| r.as_str()).next() {
                if a.is_empty() {
                    return Err(format!(
                        "{}: required property is missing",
                        child_path(at, r)
                    ));
                }
            }
        }
        if let Some(items) = o.get("items") {
            for (i, x) in a.iter().enumerate() {
                check(items, x, &format!("{at}[{}]", i + 1))?;
            }
        }
    }
    Ok(())
}

fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.chars().any(|c| c.is_whitespace())
}

fn validate_json(vm: &mut Vm, schema: Value, value: J) -> NResult {
    let s = match schema_of(vm, schema) {
        Ok(s) => s,
        Err(m) => return fail(vm, "INVALID", &m),
    };
    match check(&s, &value, "$") {
        Ok(()) => rets![Value::Bool(true)],
        Err(m) => {
            let e = crate::errors::new_error(vm, "INVALID", &m);
            rets![Value::Bool(false), e]
        }
    }
}

fn validate_fn(vm: &mut Vm, args: Vals) -> NResult {
    args::check_any(&args, 1)?;
    let text = match encode_value(vm, arg(&args, 1), None) {
        Ok(t) => t,
        Err(m) => return fail(vm, "INVALID", &m),
    };
    let value: J = match serde_json::from_slice(&text) {
        Ok(v) => v,
        Err(e) => return fail(vm, "INTERNAL", &e.to_string()),
    };
    validate_json(vm, arg(&args, 0), value)
}

fn validate_string_fn(vm: &mut Vm, args: Vals) -> NResult {
    let text = args::check_str(vm, &args, 1)?;
    let value: J = match serde_json::from_slice(text.get().as_bytes()) {
        Ok(v) => v,
        Err(e) => return fail(vm, "INTERNAL", &format!("invalid JSON: {e}")),
    };
    validate_json(vm, arg(&args, 0), value)
}
