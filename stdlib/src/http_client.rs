//! `require("http_client")` (spec/modules.md §12.1): HTTP requests
//! through `ureq` (rustls for TLS). The options table becomes a plain
//! [`Req`] on the process's thread, the request runs on the blocking pool
//! (only the calling coroutine waits), and `finish` builds the response
//! table back in the process.
//!
//! Non-2xx statuses are responses, not errors. Transport failures are
//! `nil, err`: a timeout has kind TIMEOUT, a refused or reset connection
//! UNAVAILABLE, a name that does not resolve NOT_FOUND, a bad URL or
//! option INVALID (docs/http_client.md says why these differ from the
//! spec's blanket INTERNAL).

use crate::args::{self, arg};
use crate::errors::make_error;
use std::io::Read;
use std::time::Duration;
use wlua_sched::blocking::block_on_pool;
use wlua_sched::error_value::ErrorData;
use wlua_vm::gc::Gc;
use wlua_vm::lazy::{TValue, Template};
use wlua_vm::table::Table;
use wlua_vm::{LuaError, NResult, Vals, Value, Vm, rets};

/// Registry key of the response metatable (its `json` method).
pub const RESPONSE_META_KEY: &str = "wlua.http_client.response";

const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
const DEFAULT_MAX_BODY: u64 = 64 << 20;
const DEFAULT_REDIRECTS: u32 = 10;

/// `package.preload.http_client`.
pub fn loader(vm: &mut Vm, _args: Vals) -> NResult {
    let m = vm.lib_table(&LIB);
    rets![Value::Table(m)]
}

pub static LIB: Template = Template {
    name: "http_client",
    entries: &[
        ("get", TValue::Fn(get)),
        ("post", TValue::Fn(post)),
        ("put", TValue::Fn(put)),
        ("patch", TValue::Fn(patch)),
        ("delete", TValue::Fn(delete)),
        ("head", TValue::Fn(head)),
        ("request", TValue::Fn(request)),
        ("request_batch", TValue::Fn(request_batch)),
        ("encode_uri", TValue::Fn(encode_uri)),
        ("decode_uri", TValue::Fn(decode_uri)),
    ],
    init: None,
};

/// The response table's metatable: `resp:json()`.
pub static RESPONSE_META: Template = Template {
    name: "http response metatable",
    entries: &[
        ("__index", TValue::Build(response_methods)),
        ("json", TValue::Fn(response_json)),
    ],
    init: None,
};

fn response_methods(vm: &mut Vm) -> Value {
    Value::Table(vm.lib_table(&RESPONSE_META))
}

/// A request, ready for a pool thread.
struct Req {
    method: String,
    url: String,
    headers: Vec<(String, String)>,
    query: Vec<(String, String)>,
    body: Option<Vec<u8>>,
    timeout: Duration,
    redirects: u32,
    max_body: u64,
}

struct Resp {
    status: u16,
    url: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

struct HttpErr {
    kind: &'static str,
    msg: String,
    retryable: Option<bool>,
}

fn error_value(vm: &mut Vm, e: HttpErr) -> Value {
    make_error(
        vm,
        ErrorData {
            message: e.msg,
            kind: e.kind.to_string(),
            retryable: e.retryable,
            stack: None,
        },
        None,
        None,
    )
}

fn invalid(vm: &mut Vm, msg: impl Into<String>) -> NResult {
    let e = error_value(
        vm,
        HttpErr {
            kind: "INVALID",
            msg: msg.into(),
            retryable: Some(false),
        },
    );
    rets![Value::Nil, e]
}

// ----- options --------------------------------------------------------

fn lua_string(vm: &mut Vm, v: Value) -> Option<String> {
    match v {
        Value::Str(s) => Some(s.get().to_str_lossy().into_owned()),
        Value::Int(_) | Value::Float(_) | Value::Bool(_) => match vm.tostring(v) {
            Ok(Value::Str(s)) => Some(s.get().to_str_lossy().into_owned()),
            _ => None,
        },
        _ => None,
    }
}

/// `{k = v}` or `{k = {v1, v2}}` as name/value pairs.
fn pairs_of(vm: &mut Vm, t: Gc<Table>, what: &str) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    let mut k = Value::Nil;
    while let Ok(Some((key, v))) = t.get().next(k) {
        k = key;
        let Some(name) = lua_string(vm, key) else {
            return Err(format!("{what} names must be strings"));
        };
        match v {
            Value::Table(list) => {
                let n = list.get().len();
                for i in 1..=n {
                    let item = list.get().get_int(i);
                    let Some(s) = lua_string(vm, item) else {
                        return Err(format!("{what} '{name}' has a value that is not a string"));
                    };
                    out.push((name.clone(), s));
                }
            }
            other => {
                let Some(s) = lua_string(vm, other) else {
                    return Err(format!("{what} '{name}' must be a string"));
                };
                out.push((name, s));
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Form encoding (`application/x-www-form-urlencoded`): space is `+`.
pub fn encode_form(s: &[u8]) -> String {
    let mut out = String::with_capacity(s.len());
    for &b in s {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn decode_form(s: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        match s[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = s
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok());
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => out.push(b),
                    None => return Err(format!("invalid escape at byte {}", i + 1)),
                }
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    Ok(out)
}

fn base64(data: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for c in data.chunks(3) {
        let n = (c[0] as u32) << 16
            | (*c.get(1).unwrap_or(&0) as u32) << 8
            | *c.get(2).unwrap_or(&0) as u32;
        for i in 0..4 {
            if i <= c.len() {
                out.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// A `timeout` option: seconds (a number) or a duration string.
fn timeout_of(vm: &mut Vm, v: Value) -> Result<Option<Duration>, String> {
    match v {
        Value::Nil => Ok(None),
        Value::Int(i) if i > 0 => Ok(Some(Duration::from_secs(i as u64))),
        Value::Float(f) if f > 0.0 && f < 1e9 => Ok(Some(Duration::from_secs_f64(f))),
        Value::Str(s) => {
            let ns = crate::time::parse_duration(&s.get().to_str_lossy())?;
            if ns <= 0 {
                return Err("timeout must be positive".into());
            }
            Ok(Some(Duration::from_nanos(ns as u64)))
        }
        Value::Int(_) | Value::Float(_) => Err("timeout must be positive".into()),
        other => Err(format!(
            "timeout must be seconds or a duration string, got {}",
            vm.type_name_meta(&other)
        )),
    }
}

fn has_header(h: &[(String, String)], name: &str) -> bool {
    h.iter().any(|(k, _)| k.eq_ignore_ascii_case(name))
}

/// Reads the options table into a [`Req`].
fn build_req(vm: &mut Vm, method: String, url: String, opts: Value) -> Result<Req, String> {
    let mut r = Req {
        method,
        url,
        headers: Vec::new(),
        query: Vec::new(),
        body: None,
        timeout: DEFAULT_TIMEOUT,
        redirects: DEFAULT_REDIRECTS,
        max_body: DEFAULT_MAX_BODY,
    };
    let o = match opts {
        Value::Nil => return Ok(r),
        Value::Table(t) => t,
        other => {
            return Err(format!(
                "options must be a table, got {}",
                vm.type_name_meta(&other)
            ));
        }
    };
    let field = |vm: &mut Vm, k: &str| vm.raw_get_str(o, k);
    match field(vm, "headers") {
        Value::Nil => {}
        Value::Table(t) => r.headers = pairs_of(vm, t, "header")?,
        _ => return Err("headers must be a table".into()),
    }
    match field(vm, "query") {
        Value::Nil => {}
        Value::Table(t) => r.query = pairs_of(vm, t, "query parameter")?,
        _ => return Err("query must be a table".into()),
    }
    match field(vm, "cookies") {
        Value::Nil => {}
        Value::Table(t) => {
            let c = pairs_of(vm, t, "cookie")?;
            if !c.is_empty() {
                let s: Vec<String> = c.into_iter().map(|(k, v)| format!("{k}={v}")).collect();
                r.headers.push(("Cookie".into(), s.join("; ")));
            }
        }
        _ => return Err("cookies must be a table".into()),
    }
    match field(vm, "auth") {
        Value::Nil => {}
        Value::Table(t) => {
            let user = vm.raw_get_str(t, "user");
            let pass = vm.raw_get_str(t, "pass");
            let user = lua_string(vm, user).unwrap_or_default();
            let pass = lua_string(vm, pass).unwrap_or_default();
            let cred = base64(format!("{user}:{pass}").as_bytes());
            r.headers
                .push(("Authorization".into(), format!("Basic {cred}")));
        }
        _ => return Err("auth must be a table {user = ..., pass = ...}".into()),
    }
    let body = field(vm, "body");
    let json = field(vm, "json");
    let form = field(vm, "form");
    let given = [!body.is_nil(), !json.is_nil(), !form.is_nil()]
        .iter()
        .filter(|b| **b)
        .count();
    if given > 1 {
        return Err("give only one of body, json and form".into());
    }
    match body {
        Value::Nil => {}
        Value::Str(s) => r.body = Some(s.get().as_bytes().to_vec()),
        _ => return Err("body must be a string".into()),
    }
    if !json.is_nil() {
        let text = crate::http_client::json_encode(vm, json)?;
        r.body = Some(text.into_bytes());
        if !has_header(&r.headers, "content-type") {
            r.headers
                .push(("Content-Type".into(), "application/json".into()));
        }
    }
    match form {
        Value::Nil => {}
        Value::Table(t) => {
            let pairs = pairs_of(vm, t, "form field")?;
            let s: Vec<String> = pairs
                .iter()
                .map(|(k, v)| {
                    format!(
                        "{}={}",
                        encode_form(k.as_bytes()),
                        encode_form(v.as_bytes())
                    )
                })
                .collect();
            r.body = Some(s.join("&").into_bytes());
            if !has_header(&r.headers, "content-type") {
                r.headers.push((
                    "Content-Type".into(),
                    "application/x-www-form-urlencoded".into(),
                ));
            }
        }
        _ => return Err("form must be a table".into()),
    }
    let tv = field(vm, "timeout");
    if let Some(t) = timeout_of(vm, tv)? {
        r.timeout = t;
    }
    match field(vm, "max_redirects") {
        Value::Nil => {}
        Value::Int(n) if (0..=100).contains(&n) => r.redirects = n as u32,
        _ => return Err("max_redirects must be an integer from 0 to 100".into()),
    }
    if matches!(field(vm, "follow_redirects"), Value::Bool(false)) {
        r.redirects = 0;
    }
    match field(vm, "max_response_body") {
        Value::Nil | Value::Int(0) => {}
        Value::Int(n) if n > 0 => r.max_body = n as u64,
        _ => return Err("max_response_body must be a non-negative integer".into()),
    }
    for unsupported in ["files", "stream", "unix_socket", "tls", "overlay_network"] {
        if !field(vm, unsupported).is_nil() {
            return Err(format!(
                "option '{unsupported}' is not supported by wlua yet"
            ));
        }
    }
    Ok(r)
}

// ----- running a request (pool thread) --------------------------------

fn classify(e: &ureq::Transport) -> (&'static str, Option<bool>) {
    use ureq::ErrorKind as K;
    // The io error underneath tells timeouts and refusals apart.
    let mut src: Option<&(dyn std::error::Error + 'static)> = std::error::Error::source(e);
    while let Some(s) = src {
        if let Some(io) = s.downcast_ref::<std::io::Error>() {
            use std::io::ErrorKind as IK;
            match io.kind() {
                IK::TimedOut | IK::WouldBlock => return ("TIMEOUT", Some(true)),
                IK::ConnectionRefused | IK::ConnectionReset | IK::ConnectionAborted => {
                    return ("UNAVAILABLE", Some(true));
                }
                _ => {}
            }
        }
        src = s.source();
    }
    match e.kind() {
        K::Dns => ("NOT_FOUND", Some(false)),
        K::InvalidUrl | K::UnknownScheme | K::InvalidProxyUrl | K::BadHeader => {
            ("INVALID", Some(false))
        }
        K::TooManyRedirects => ("INVALID", Some(false)),
        K::ConnectionFailed => ("UNAVAILABLE", Some(true)),
        _ => {
            if e.to_string().contains("timed out") {
                ("TIMEOUT", Some(true))
            } else {
                ("INTERNAL", Some(true))
            }
        }
    }
}

fn canonical(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut up = true;
    for c in name.chars() {
        out.push(if up {
            c.to_ascii_uppercase()
        } else {
            c.to_ascii_lowercase()
        });
        up = c == '-';
    }
    out
}

fn perform(r: Req) -> Result<Resp, HttpErr> {
    let agent = ureq::AgentBuilder::new()
        .timeout(r.timeout)
        // ureq fails on reaching its limit; ours is how many to follow.
        .redirects(if r.redirects == 0 { 0 } else { r.redirects + 1 })
        .build();
    let mut q = agent.request(&r.method, &r.url);
    for (k, v) in &r.query {
        q = q.query(k, v);
    }
    for (k, v) in &r.headers {
        q = q.set(k, v);
    }
    let res = match &r.body {
        Some(b) => q.send_bytes(b),
        None => q.call(),
    };
    let resp = match res {
        Ok(resp) | Err(ureq::Error::Status(_, resp)) => resp,
        Err(ureq::Error::Transport(t)) => {
            let (kind, retryable) = classify(&t);
            return Err(HttpErr {
                kind,
                // ureq's text names the URL.
                msg: format!("{} {}", r.method, t),
                retryable,
            });
        }
    };
    let status = resp.status();
    let url = resp.get_url().to_string();
    let mut headers: Vec<(String, String)> = Vec::new();
    for name in resp.headers_names() {
        let vals = resp.all(&name).join(", ");
        headers.push((canonical(&name), vals));
    }
    let mut body = Vec::new();
    let read = resp
        .into_reader()
        .take(r.max_body + 1)
        .read_to_end(&mut body);
    if let Err(e) = read {
        let timeout = matches!(
            e.kind(),
            std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock
        );
        return Err(HttpErr {
            kind: if timeout { "TIMEOUT" } else { "INTERNAL" },
            msg: format!("{} {}: reading the body: {e}", r.method, r.url),
            retryable: Some(true),
        });
    }
    if body.len() as u64 > r.max_body {
        return Err(HttpErr {
            kind: "INVALID",
            msg: format!(
                "{} {}: response body over {} bytes",
                r.method, r.url, r.max_body
            ),
            retryable: Some(false),
        });
    }
    Ok(Resp {
        status,
        url,
        headers,
        body,
    })
}

fn response_to_lua(vm: &mut Vm, r: Resp) -> Value {
    let t = vm.new_table_sized(0, 6);
    vm.raw_set_str(t, "status_code", Value::Int(r.status as i64));
    let h = vm.new_table_sized(0, r.headers.len());
    let cookies = vm.new_table();
    for (k, v) in &r.headers {
        if k == "Set-Cookie" {
            for c in v.split(", ") {
                if let Some((name, rest)) = c.split_once('=') {
                    let val = rest.split(';').next().unwrap_or("");
                    let val = vm.new_str(val);
                    vm.raw_set_str(cookies, name.trim(), val);
                }
            }
        }
        let val = vm.new_str(v);
        vm.raw_set_str(h, k, val);
    }
    vm.raw_set_str(t, "headers", Value::Table(h));
    vm.raw_set_str(t, "cookies", Value::Table(cookies));
    vm.raw_set_str(t, "body_size", Value::Int(r.body.len() as i64));
    let b = vm.new_str_owned(r.body);
    vm.raw_set_str(t, "body", b);
    let u = vm.new_str(&r.url);
    vm.raw_set_str(t, "url", u);
    if let Value::Table(mt) = vm.raw_get_str(vm.registry, RESPONSE_META_KEY) {
        t.get_mut().meta = Some(mt);
    }
    Value::Table(t)
}

fn send(vm: &mut Vm, req: Req) -> NResult {
    block_on_pool(
        vm,
        "http_client",
        move || perform(req),
        |vm, r| {
            Ok(match r {
                Ok(resp) => smallvec::smallvec![response_to_lua(vm, resp)],
                Err(e) => {
                    let ev = error_value(vm, e);
                    smallvec::smallvec![Value::Nil, ev]
                }
            })
        },
    )
}

fn str_arg(vm: &mut Vm, args: &Vals, i: usize) -> Result<String, LuaError> {
    Ok(args::check_str(vm, args, i)?
        .get()
        .to_str_lossy()
        .into_owned())
}

fn method_call(vm: &mut Vm, args: Vals, method: &str) -> NResult {
    let url = str_arg(vm, &args, 0)?;
    match build_req(vm, method.to_string(), url, arg(&args, 1)) {
        Ok(r) => send(vm, r),
        Err(m) => invalid(vm, m),
    }
}

fn get(vm: &mut Vm, args: Vals) -> NResult {
    method_call(vm, args, "GET")
}
fn post(vm: &mut Vm, args: Vals) -> NResult {
    method_call(vm, args, "POST")
}
fn put(vm: &mut Vm, args: Vals) -> NResult {
    method_call(vm, args, "PUT")
}
fn patch(vm: &mut Vm, args: Vals) -> NResult {
    method_call(vm, args, "PATCH")
}
fn delete(vm: &mut Vm, args: Vals) -> NResult {
    method_call(vm, args, "DELETE")
}
fn head(vm: &mut Vm, args: Vals) -> NResult {
    method_call(vm, args, "HEAD")
}

fn valid_method(m: &str) -> bool {
    !m.is_empty()
        && m.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// `http_client.request(method, url, opts?)`.
fn request(vm: &mut Vm, args: Vals) -> NResult {
    let method = str_arg(vm, &args, 0)?.to_ascii_uppercase();
    let url = str_arg(vm, &args, 1)?;
    if !valid_method(&method) {
        return invalid(vm, format!("invalid method '{method}'"));
    }
    match build_req(vm, method, url, arg(&args, 2)) {
        Ok(r) => send(vm, r),
        Err(m) => invalid(vm, m),
    }
}

/// `http_client.request_batch({{method, url, opts?}, ...}) -> responses,
/// errors`: the requests run at once, on threads of one pool job.
fn request_batch(vm: &mut Vm, args: Vals) -> NResult {
    let list = args::check_table(vm, &args, 0)?;
    let n = list.get().len();
    let mut reqs = Vec::new();
    for i in 1..=n {
        let Value::Table(item) = list.get().get_int(i) else {
            return invalid(
                vm,
                format!("request {i} must be a table {{method, url, opts?}}"),
            );
        };
        let m = item.get().get_int(1);
        let u = item.get().get_int(2);
        let (Some(m), Some(u)) = (lua_string(vm, m), lua_string(vm, u)) else {
            return invalid(vm, format!("request {i} needs a method and a URL"));
        };
        let m = m.to_ascii_uppercase();
        if !valid_method(&m) {
            return invalid(vm, format!("request {i}: invalid method '{m}'"));
        }
        match build_req(vm, m, u, item.get().get_int(3)) {
            Ok(r) => reqs.push(r),
            Err(e) => return invalid(vm, format!("request {i}: {e}")),
        }
    }
    block_on_pool(
        vm,
        "http_client",
        move || {
            std::thread::scope(|s| {
                let hs: Vec<_> = reqs
                    .into_iter()
                    .map(|r| s.spawn(move || perform(r)))
                    .collect();
                hs.into_iter()
                    .map(|h| {
                        h.join().unwrap_or_else(|_| {
                            Err(HttpErr {
                                kind: "INTERNAL",
                                msg: "request failed".into(),
                                retryable: None,
                            })
                        })
                    })
                    .collect::<Vec<_>>()
            })
        },
        |vm, results| {
            let resps = vm.new_table_sized(results.len(), 0);
            let errs = vm.new_table_sized(results.len(), 0);
            let mut any_err = false;
            for (i, r) in results.into_iter().enumerate() {
                match r {
                    Ok(resp) => {
                        let v = response_to_lua(vm, resp);
                        resps.get_mut().set_int(i as i64 + 1, v);
                    }
                    Err(e) => {
                        any_err = true;
                        let v = error_value(vm, e);
                        errs.get_mut().set_int(i as i64 + 1, v);
                    }
                }
            }
            let errs = if any_err {
                Value::Table(errs)
            } else {
                Value::Nil
            };
            Ok(smallvec::smallvec![Value::Table(resps), errs])
        },
    )
}

fn encode_uri(vm: &mut Vm, args: Vals) -> NResult {
    let s = args::check_bytes(vm, &args, 0)?;
    let v = vm.new_str(encode_form(&s));
    rets![v]
}

fn decode_uri(vm: &mut Vm, args: Vals) -> NResult {
    let s = args::check_bytes(vm, &args, 0)?;
    match decode_form(&s) {
        Ok(b) => {
            let v = vm.new_str_owned(b);
            rets![v]
        }
        Err(m) => invalid(vm, m),
    }
}

// ----- JSON -----------------------------------------------------------

/// Lua → JSON text: tables with keys 1..n are arrays, other tables
/// objects (string or number keys), an empty table `{}`.
pub fn json_encode(vm: &mut Vm, v: Value) -> Result<String, String> {
    fn enc(vm: &mut Vm, v: Value, depth: usize) -> Result<serde_json::Value, String> {
        use serde_json::Value as J;
        if depth > 100 {
            return Err("json: nesting too deep (or a cycle)".into());
        }
        Ok(match v {
            Value::Nil => J::Null,
            Value::Bool(b) => J::Bool(b),
            Value::Int(i) => J::from(i),
            Value::Float(f) => match serde_json::Number::from_f64(f) {
                Some(n) => J::Number(n),
                None => return Err(format!("json: cannot encode {f}")),
            },
            Value::Str(s) => J::String(s.get().to_str_lossy().into_owned()),
            Value::Table(t) => {
                let n = t.get().len();
                let mut count = 0i64;
                let mut k = Value::Nil;
                while let Ok(Some((key, _))) = t.get().next(k) {
                    k = key;
                    count += 1;
                }
                if n > 0 && count == n {
                    let mut a = Vec::with_capacity(n as usize);
                    for i in 1..=n {
                        let item = t.get().get_int(i);
                        a.push(enc(vm, item, depth + 1)?);
                    }
                    J::Array(a)
                } else {
                    let mut m = serde_json::Map::new();
                    let mut k = Value::Nil;
                    while let Ok(Some((key, val))) = t.get().next(k) {
                        k = key;
                        let name = match key {
                            Value::Str(s) => s.get().to_str_lossy().into_owned(),
                            Value::Int(i) => i.to_string(),
                            _ => return Err("json: object keys must be strings".into()),
                        };
                        m.insert(name, enc(vm, val, depth + 1)?);
                    }
                    J::Object(m)
                }
            }
            other => {
                return Err(format!(
                    "json: cannot encode a {}",
                    vm.type_name_meta(&other)
                ));
            }
        })
    }
    let j = enc(vm, v, 0)?;
    serde_json::to_string(&j).map_err(|e| e.to_string())
}

/// JSON value → Lua: objects and arrays become tables, null nil.
fn json_to_lua(vm: &mut Vm, j: serde_json::Value) -> Value {
    use serde_json::Value as J;
    match j {
        J::Null => Value::Nil,
        J::Bool(b) => Value::Bool(b),
        J::Number(n) => match n.as_i64() {
            Some(i) => Value::Int(i),
            None => Value::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        J::String(s) => vm.new_str(s),
        J::Array(a) => {
            let t = vm.new_table_sized(a.len(), 0);
            for (i, x) in a.into_iter().enumerate() {
                let v = json_to_lua(vm, x);
                t.get_mut().set_int(i as i64 + 1, v);
            }
            Value::Table(t)
        }
        J::Object(m) => {
            let t = vm.new_table_sized(0, m.len());
            for (k, x) in m {
                let v = json_to_lua(vm, x);
                let k = vm.new_str(k);
                let _ = t.get_mut().set(k, v);
            }
            Value::Table(t)
        }
    }
}

/// `resp:json() -> value, err`: the body parsed as JSON.
fn response_json(vm: &mut Vm, args: Vals) -> NResult {
    let t = args::check_table(vm, &args, 0)?;
    let body = match vm.raw_get_str(t, "body") {
        Value::Str(s) => s.get().as_bytes().to_vec(),
        _ => Vec::new(),
    };
    match serde_json::from_slice::<serde_json::Value>(&body) {
        Ok(j) => {
            let v = json_to_lua(vm, j);
            rets![v]
        }
        Err(e) => invalid(vm, format!("response body is not JSON: {e}")),
    }
}
