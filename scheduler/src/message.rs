//! Messages between heaps (spec/processes.md §4, wlua-decisions.md
//! "Copying tables"): [`encode`] copies a list of Lua values out of one
//! process heap into a [`Message`] that owns plain Rust data and can cross
//! threads; [`decode`] builds fresh values from it in another heap. Payloads,
//! spawn arguments and exit results all travel this way. Mailboxes, workers
//! and the `process` natives that wrap these calls live elsewhere.
//!
//! What travels: nil, booleans, integers and floats (subtype kept), strings,
//! tables of those (keys and values, read raw; metatables stay behind), and
//! error values (a userdata holding an [`ErrorData`], with its user value).
//! A table or error value reachable twice arrives as one object reachable
//! twice, and cycles arrive as cycles.
//!
//! Layout: a message is a flat list of 16-byte nodes. The first `top` nodes
//! are the values themselves; each table is then a run of key/value node
//! pairs, found by its id in `tables`; strings of up to 14 bytes sit in their
//! node and longer ones in one shared byte buffer. Sending a string and an
//! integer therefore allocates once (the node list), and objects are
//! numbered through a pointer map only when a message holds more than a few.
//!
//! Neither side recurses on the Rust stack: tables are numbered when first
//! seen and their contents are copied later from a work queue (the table
//! list itself), so a million-deep `t = {t}` is as safe as a flat one.

use crate::error_value::{ERROR_META_KEY, ErrorData};
use hashbrown::HashMap;
use std::fmt::Write;
use wlua_vm::gc::Gc;
use wlua_vm::table::Table;
use wlua_vm::value::UserData;
use wlua_vm::{Vals, Value, Vm};

/// Strings up to this many bytes are stored inside their node.
const INLINE: usize = 14;

/// Objects known before the encoder builds its pointer map; below this a
/// linear scan of the few known objects is cheaper than hashing.
const SMALL: usize = 8;

/// `Link::parent` of a top-level value.
const TOP: u32 = u32::MAX;

#[derive(Clone, Copy, Debug)]
enum Node {
    Nil,
    Bool(bool),
    Int(i64),
    Float(f64),
    /// A string of at most `INLINE` bytes, held in the node.
    Inline {
        len: u8,
        data: [u8; INLINE],
    },
    /// `bytes[start..start + len]`.
    Str {
        start: u32,
        len: u32,
    },
    /// `long[i]`: a string whose offsets do not fit `Str`'s u32s (the
    /// buffer would pass 4 GiB).
    Long(u32),
    /// Table number `i` (`tables[i]`). Ids are u32: a heap cannot hold
    /// 2^32 tables.
    Table(u32),
    /// Error value number `i` (`errors[i]`).
    Error(u32),
}

#[derive(Clone, Debug)]
struct TableDesc {
    /// Index in `nodes` of the table's first key; key/value pairs follow.
    start: usize,
    npairs: usize,
    /// The source's array-part size without trailing nils, so `1..n`
    /// lands in the receiver's array part and `#t` finds the same border.
    narr: usize,
    /// Pairs that the source held outside that array part.
    nhash: usize,
}

#[derive(Clone, Debug)]
struct ErrorDesc {
    data: ErrorData,
    /// The error's user value (nil, or the table with `details`/`cause`).
    user: Node,
}

/// An owned, heap-free copy of a list of Lua values (a message payload,
/// spawn arguments, an exit result).
#[derive(Clone, Debug, Default)]
pub struct Message {
    /// Number of top-level values: `nodes[..top]`.
    top: usize,
    nodes: Vec<Node>,
    bytes: Vec<u8>,
    long: Vec<Box<[u8]>>,
    tables: Vec<TableDesc>,
    errors: Vec<ErrorDesc>,
}

impl Message {
    pub fn empty() -> Message {
        Message::default()
    }

    /// Number of top-level values.
    pub fn len(&self) -> usize {
        self.top
    }

    pub fn is_empty(&self) -> bool {
        self.top == 0
    }

    /// Bytes this message holds (for accounting), approximate.
    pub fn size_bytes(&self) -> usize {
        let errors: usize = self
            .errors
            .iter()
            .map(|e| {
                std::mem::size_of::<ErrorDesc>()
                    + e.data.message.len()
                    + e.data.kind.len()
                    + e.data.stack.as_ref().map_or(0, |s| s.len())
            })
            .sum();
        std::mem::size_of::<Message>()
            + self.nodes.len() * std::mem::size_of::<Node>()
            + self.bytes.len()
            + self.long.iter().map(|s| s.len() + 16).sum::<usize>()
            + self.tables.len() * std::mem::size_of::<TableDesc>()
            + errors
    }

    /// A message of one error value, built without a heap (errors the
    /// runtime makes: kills, failed links, boot failures).
    pub fn error(data: ErrorData) -> Message {
        Message {
            top: 1,
            nodes: vec![Node::Error(0)],
            errors: vec![ErrorDesc {
                data,
                user: Node::Nil,
            }],
            ..Message::default()
        }
    }

    /// A message of one string value.
    pub fn string(s: &str) -> Message {
        let mut m = Message {
            top: 1,
            ..Message::default()
        };
        let b = s.as_bytes();
        if b.len() <= INLINE {
            let mut data = [0u8; INLINE];
            data[..b.len()].copy_from_slice(b);
            m.nodes.push(Node::Inline {
                len: b.len() as u8,
                data,
            });
        } else if b.len() <= u32::MAX as usize {
            m.bytes.extend_from_slice(b);
            m.nodes.push(Node::Str {
                start: 0,
                len: b.len() as u32,
            });
        } else {
            m.long.push(b.into());
            m.nodes.push(Node::Long(0));
        }
        m
    }

    /// Whether top-level value `i` is an error value.
    pub fn is_error(&self, i: usize) -> bool {
        i < self.top && matches!(self.nodes.get(i), Some(Node::Error(_)))
    }

    /// The Rust side of top-level value `i`, when it is an error value.
    pub fn error_data(&self, i: usize) -> Option<&ErrorData> {
        match self.nodes.get(i) {
            Some(Node::Error(e)) if i < self.top => self.errors.get(*e as usize).map(|d| &d.data),
            _ => None,
        }
    }

    fn str_bytes<'a>(&'a self, n: &'a Node) -> &'a [u8] {
        match n {
            Node::Inline { len, data } => &data[..(*len as usize).min(INLINE)],
            Node::Str { start, len } => {
                let s = *start as usize;
                self.bytes.get(s..s + *len as usize).unwrap_or(&[])
            }
            Node::Long(i) => self.long.get(*i as usize).map_or(&[], |b| b),
            _ => &[],
        }
    }
}

/// Why a value could not be copied: the Lua type name and the path to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CopyError {
    /// `function`, `thread` or `userdata`.
    pub type_name: &'static str,
    /// Where the value was, e.g. `argument #2.items[1].cb`; a bad key is
    /// named by its table's path plus ` (a key)`.
    pub path: String,
}

impl std::fmt::Display for CopyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Only function, thread and userdata fail, all taking "a".
        write!(
            f,
            "cannot send a {} value (at {})",
            self.type_name, self.path
        )
    }
}

impl std::error::Error for CopyError {}

/// How the encoder reached an object: enough to spell its path if
/// something inside it cannot be sent.
#[derive(Clone, Copy)]
struct Link {
    /// Id of the table holding it, or `TOP`.
    parent: u32,
    /// It is a key of `parent` (then `key` is unused).
    in_key: bool,
    /// Index in `nodes` of its key in `parent`; for `TOP`, its position.
    key: usize,
}

struct Encoder<'r> {
    msg: Message,
    root: &'r str,
    /// Tables by id, with how each was reached. Ids at or past
    /// `msg.tables.len()` are still to be copied: this is the work queue.
    tables: Vec<(Gc<Table>, Link)>,
    /// Error values by id; those at or past `errors_done` still need their
    /// user value copied.
    errors: Vec<(Gc<UserData>, Link)>,
    errors_done: usize,
    /// Object address to its node, built once more than `SMALL` objects
    /// are known.
    index: Option<HashMap<usize, Node>>,
}

/// Copies `vals` out of `vm`'s heap. `root` names the values for error
/// paths: value i (0-based) has path `format!("{}{}", root, i + 1)`.
pub fn encode(_vm: &mut Vm, vals: &[Value], root: &str) -> Result<Message, CopyError> {
    if let Some(m) = encode_scalars(vals) {
        return Ok(m);
    }
    // Room for a small table's fields up front, saving a reallocation.
    let extra = if vals.iter().any(|v| matches!(v, Value::Table(_))) {
        16
    } else {
        0
    };
    let mut nodes = Vec::with_capacity(vals.len() + extra);
    nodes.resize(vals.len(), Node::Nil);
    let mut e = Encoder {
        msg: Message {
            top: vals.len(),
            nodes,
            ..Message::default()
        },
        root,
        tables: Vec::new(),
        errors: Vec::new(),
        errors_done: 0,
        index: None,
    };
    for (i, v) in vals.iter().enumerate() {
        let link = Link {
            parent: TOP,
            in_key: false,
            key: i,
        };
        e.msg.nodes[i] = e.value(*v, link)?;
        // Finish each value before the next, so the first bad value
        // reported is in the first argument that has one.
        e.drain()?;
    }
    Ok(e.msg)
}

/// The common payload of numbers, booleans and short strings, copied
/// without the encoder's table and error bookkeeping; `None` when any value
/// needs it.
fn encode_scalars(vals: &[Value]) -> Option<Message> {
    let mut nodes = Vec::with_capacity(vals.len());
    for v in vals {
        nodes.push(match *v {
            Value::Nil => Node::Nil,
            Value::Bool(b) => Node::Bool(b),
            Value::Int(i) => Node::Int(i),
            Value::Float(f) => Node::Float(f),
            Value::Str(s) if s.get().len() <= INLINE => {
                let b = s.get().as_bytes();
                let mut data = [0u8; INLINE];
                data[..b.len()].copy_from_slice(b);
                Node::Inline {
                    len: b.len() as u8,
                    data,
                }
            }
            _ => return None,
        });
    }
    Some(Message {
        top: vals.len(),
        nodes,
        ..Message::default()
    })
}

impl Encoder<'_> {
    #[inline]
    fn value(&mut self, v: Value, link: Link) -> Result<Node, CopyError> {
        Ok(match v {
            Value::Nil => Node::Nil,
            Value::Bool(b) => Node::Bool(b),
            Value::Int(i) => Node::Int(i),
            Value::Float(f) => Node::Float(f),
            Value::Str(s) => self.string(s.get().as_bytes()),
            Value::Table(t) => {
                if let Some(n) = self.known(t.addr()) {
                    return Ok(n);
                }
                let n = Node::Table(self.tables.len() as u32);
                self.tables.push((t, link));
                self.remember(t.addr(), n);
                n
            }
            Value::UserData(u) if u.get().data.is::<ErrorData>() => {
                if let Some(n) = self.known(u.addr()) {
                    return Ok(n);
                }
                let n = Node::Error(self.errors.len() as u32);
                self.errors.push((u, link));
                if let Some(data) = u.get().data.downcast_ref::<ErrorData>() {
                    self.msg.errors.push(ErrorDesc {
                        data: data.clone(),
                        user: Node::Nil,
                    });
                }
                self.remember(u.addr(), n);
                n
            }
            other => return Err(self.bad(&other, link)),
        })
    }

    #[inline]
    fn string(&mut self, b: &[u8]) -> Node {
        if b.len() <= INLINE {
            let mut data = [0u8; INLINE];
            data[..b.len()].copy_from_slice(b);
            return Node::Inline {
                len: b.len() as u8,
                data,
            };
        }
        let start = self.msg.bytes.len();
        if start + b.len() <= u32::MAX as usize {
            self.msg.bytes.extend_from_slice(b);
            return Node::Str {
                start: start as u32,
                len: b.len() as u32,
            };
        }
        self.msg.long.push(b.into());
        Node::Long(self.msg.long.len() as u32 - 1)
    }

    #[inline]
    fn known(&self, addr: usize) -> Option<Node> {
        if let Some(index) = &self.index {
            return index.get(&addr).copied();
        }
        if let Some(i) = self.tables.iter().position(|(g, _)| g.addr() == addr) {
            return Some(Node::Table(i as u32));
        }
        self.errors
            .iter()
            .position(|(g, _)| g.addr() == addr)
            .map(|i| Node::Error(i as u32))
    }

    /// Records a new object (already pushed to `tables` or `errors`).
    fn remember(&mut self, addr: usize, n: Node) {
        if let Some(index) = &mut self.index {
            index.insert(addr, n);
        } else if self.tables.len() + self.errors.len() > SMALL {
            let mut index = HashMap::with_capacity(4 * SMALL);
            for (i, (g, _)) in self.tables.iter().enumerate() {
                index.insert(g.addr(), Node::Table(i as u32));
            }
            for (i, (g, _)) in self.errors.iter().enumerate() {
                index.insert(g.addr(), Node::Error(i as u32));
            }
            self.index = Some(index);
        }
    }

    /// Copies the contents of every object found so far, and of those
    /// they lead to.
    fn drain(&mut self) -> Result<(), CopyError> {
        loop {
            if self.errors_done < self.errors.len() {
                let (u, link) = self.errors[self.errors_done];
                // The user value is reached through the error: it shares
                // its path, so `details` reads as `<error>.details`.
                let user = self.value(u.get().user_value, link)?;
                if let Some(e) = self.msg.errors.get_mut(self.errors_done) {
                    e.user = user;
                }
                self.errors_done += 1;
            } else if self.msg.tables.len() < self.tables.len() {
                self.table(self.msg.tables.len())?;
            } else {
                return Ok(());
            }
        }
    }

    fn table(&mut self, id: usize) -> Result<(), CopyError> {
        let g = self.tables[id].0;
        let t = g.get();
        let narr = t
            .array
            .iter()
            .rposition(|v| !v.is_nil())
            .map_or(0, |i| i + 1);
        // Room for the array part and a few fields: saves the growth
        // steps of small tables, the common payload.
        self.msg.nodes.reserve(2 * t.array.len() + 8);
        let start = self.msg.nodes.len();
        let mut npairs = 0;
        let mut in_array = 0;
        let key_link = Link {
            parent: id as u32,
            in_key: true,
            key: 0,
        };
        t.materialize_all();
        for (k, v) in t.iter_all() {
            if let Value::Int(i) = k
                && (i as u64).wrapping_sub(1) < narr as u64
            {
                in_array += 1;
            }
            let kn = self.value(k, key_link)?;
            let key = self.msg.nodes.len();
            self.msg.nodes.push(kn);
            let link = Link {
                parent: id as u32,
                in_key: false,
                key,
            };
            let vn = self.value(v, link)?;
            self.msg.nodes.push(vn);
            npairs += 1;
        }
        self.msg.tables.push(TableDesc {
            start,
            npairs,
            narr,
            nhash: npairs - in_array,
        });
        Ok(())
    }

    #[cold]
    fn bad(&self, v: &Value, link: Link) -> CopyError {
        // Name the runtime's own userdata by what they are.
        let type_name = match v {
            Value::UserData(u) if u.get().data.is::<crate::channel::Chan>() => "channel",
            Value::Thread(_) => "coroutine",
            _ => v.type_name(),
        };
        CopyError {
            type_name,
            path: self.path(link),
        }
    }

    /// Spells the path of the value reached through `link`, walking up
    /// the parent links (no recursion).
    fn path(&self, mut link: Link) -> String {
        // Segments from the value up; a key resets them, since what lies
        // inside a key is named by the key's table alone.
        let mut segments: Vec<String> = Vec::new();
        let mut suffix = "";
        loop {
            if link.parent == TOP {
                let mut s = format!("{}{}", self.root, link.key + 1);
                for seg in segments.iter().rev() {
                    s.push_str(seg);
                }
                s.push_str(suffix);
                return s;
            }
            if link.in_key {
                segments.clear();
                suffix = " (a key)";
            } else {
                let mut seg = String::new();
                match self.msg.nodes.get(link.key) {
                    Some(n) => self.key_segment(n, &mut seg),
                    None => seg.push_str("[?]"),
                }
                segments.push(seg);
            }
            match self.tables.get(link.parent as usize) {
                Some((_, up)) => link = *up,
                None => return format!("{}?", self.root),
            }
        }
    }

    fn key_segment(&self, n: &Node, out: &mut String) {
        match n {
            Node::Inline { .. } | Node::Str { .. } | Node::Long(_) => {
                let b = self.msg.str_bytes(n);
                match std::str::from_utf8(b) {
                    Ok(name) if is_identifier(name) => {
                        out.push('.');
                        out.push_str(name);
                    }
                    _ => {
                        out.push('[');
                        quote(b, out);
                        out.push(']');
                    }
                }
            }
            Node::Int(i) => {
                let _ = write!(out, "[{i}]");
            }
            Node::Float(f) => {
                let _ = write!(out, "[{}]", wlua_vm::number::fmt_float(*f));
            }
            Node::Bool(b) => {
                let _ = write!(out, "[{b}]");
            }
            Node::Table(_) => out.push_str("[table]"),
            Node::Error(_) => out.push_str("[userdata]"),
            Node::Nil => out.push_str("[nil]"),
        }
    }
}

/// A Lua name (`[A-Za-z_][A-Za-z0-9_]*`, not a reserved word), which a
/// path may write as `.name`.
fn is_identifier(s: &str) -> bool {
    const RESERVED: [&str; 22] = [
        "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if",
        "in", "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while",
    ];
    let mut chars = s.bytes();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == b'_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == b'_')
        && !RESERVED.contains(&s)
}

/// Writes `b` as a Lua string literal: printable text as is, escapes for
/// quotes, backslashes, control characters and bytes that are not UTF-8.
fn quote(b: &[u8], out: &mut String) {
    out.push('"');
    for chunk in b.utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                // Three digits, so a following digit is not read into it.
                c if c.is_ascii_control() => {
                    let _ = write!(out, "\\{:03}", c as u32);
                }
                c if c.is_control() => {
                    let _ = write!(out, "\\u{{{:X}}}", c as u32);
                }
                c => out.push(c),
            }
        }
        for byte in chunk.invalid() {
            let _ = write!(out, "\\{byte:03}");
        }
    }
    out.push('"');
}

/// Materialises the values into `vm`'s heap (fresh tables and strings
/// there). The new objects are reachable only from the returned values;
/// no collection runs inside `decode`, and the caller must root the values
/// (put them on a Lua stack) before the next safe point.
pub fn decode(vm: &mut Vm, m: &Message) -> Vals {
    let tables: Vec<Gc<Table>> = m
        .tables
        .iter()
        .map(|d| vm.new_table_sized(d.narr, d.nhash))
        .collect();
    let mut errors: Vec<Value> = Vec::with_capacity(m.errors.len());
    if !m.errors.is_empty() {
        let registry = vm.registry;
        let meta = match vm.raw_get_str(registry, ERROR_META_KEY) {
            Value::Table(t) => Some(t),
            _ => None,
        };
        for e in m.errors.iter() {
            let u = vm.new_userdata(Box::new(e.data.clone()), None);
            if meta.is_some() {
                // Through set_metatable, so a `__gc` there is registered.
                vm.set_metatable(&u, meta);
            }
            errors.push(u);
        }
    }
    let value = |vm: &mut Vm, n: &Node| -> Value {
        match *n {
            Node::Nil => Value::Nil,
            Node::Bool(b) => Value::Bool(b),
            Node::Int(i) => Value::Int(i),
            Node::Float(f) => Value::Float(f),
            Node::Inline { .. } | Node::Str { .. } | Node::Long(_) => vm.new_str(m.str_bytes(n)),
            Node::Table(i) => tables
                .get(i as usize)
                .map_or(Value::Nil, |t| Value::Table(*t)),
            Node::Error(i) => errors.get(i as usize).copied().unwrap_or(Value::Nil),
        }
    };
    for (d, t) in m.tables.iter().zip(tables.iter()) {
        let pairs = m.nodes.get(d.start..d.start + 2 * d.npairs).unwrap_or(&[]);
        for pair in pairs.chunks_exact(2) {
            let k = value(vm, &pair[0]);
            let v = value(vm, &pair[1]);
            // Keys came from a table: never nil or NaN.
            let _ = t.get_mut().set(k, v);
        }
    }
    for (e, u) in m.errors.iter().zip(errors.iter()) {
        let user = value(vm, &e.user);
        if let Value::UserData(g) = u {
            g.get_mut().user_value = user;
        }
    }
    m.nodes[..m.top.min(m.nodes.len())]
        .iter()
        .map(|n| value(vm, n))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use wlua_vm::{NResult, Ret};

    fn native(_: &mut Vm, _: Vals) -> NResult {
        Ok(Ret::Vals(Vals::new()))
    }

    /// Two heaps: the sender's and the receiver's.
    fn two() -> (Vm, Vm) {
        (Vm::new(), Vm::new())
    }

    fn copy(from: &mut Vm, to: &mut Vm, vals: &[Value]) -> Vals {
        from.heap.enter();
        let m = encode(from, vals, "argument #").expect("copyable");
        assert_eq!(m.len(), vals.len());
        to.heap.enter();
        let out = decode(to, &m);
        assert_eq!(out.len(), vals.len());
        out
    }

    fn fails(vm: &mut Vm, vals: &[Value]) -> CopyError {
        encode(vm, vals, "argument #").expect_err("not copyable")
    }

    fn table(v: Value) -> Gc<Table> {
        match v {
            Value::Table(t) => t,
            other => panic!("expected a table, got {other:?}"),
        }
    }

    fn field(vm: &mut Vm, t: Value, name: &str) -> Value {
        vm.raw_get_str(table(t), name)
    }

    fn bytes(v: Value) -> Vec<u8> {
        match v {
            Value::Str(s) => s.get().as_bytes().to_vec(),
            other => panic!("expected a string, got {other:?}"),
        }
    }

    /// `{ v1, v2, ... }` in `vm`.
    fn list(vm: &mut Vm, vals: &[Value]) -> Value {
        let t = vm.new_table();
        for (i, v) in vals.iter().enumerate() {
            t.get_mut().set_int(i as i64 + 1, *v);
        }
        Value::Table(t)
    }

    /// `{ k1 = v1, ... }` in `vm`.
    fn record(vm: &mut Vm, fields: &[(&str, Value)]) -> Value {
        let t = vm.new_table();
        for (k, v) in fields {
            vm.raw_set_str(t, k, *v);
        }
        Value::Table(t)
    }

    #[test]
    fn nodes_are_sixteen_bytes_and_messages_are_send() {
        fn send<T: Send + 'static>() {}
        send::<Message>();
        send::<CopyError>();
        assert_eq!(std::mem::size_of::<Node>(), 16);
    }

    #[test]
    fn empty_message_has_no_values() {
        let (mut a, mut b) = two();
        let m = encode(&mut a, &[], "argument #").unwrap();
        assert!(m.is_empty());
        assert_eq!(m.len(), 0);
        assert!(decode(&mut b, &m).is_empty());
        assert!(decode(&mut b, &Message::empty()).is_empty());
    }

    #[test]
    fn scalars_keep_their_subtype() {
        let (mut a, mut b) = two();
        let vals = [
            Value::Nil,
            Value::Bool(true),
            Value::Bool(false),
            Value::Int(3),
            Value::Float(3.0),
            Value::Int(i64::MIN),
            Value::Int(i64::MAX),
            Value::Float(-0.0),
            Value::Float(f64::NAN),
            Value::Float(f64::INFINITY),
            Value::Float(f64::NEG_INFINITY),
            Value::Float(1e-300),
        ];
        let out = copy(&mut a, &mut b, &vals);
        assert!(matches!(out[0], Value::Nil));
        assert!(matches!(out[1], Value::Bool(true)));
        assert!(matches!(out[2], Value::Bool(false)));
        assert!(matches!(out[3], Value::Int(3)));
        assert!(matches!(out[4], Value::Float(f) if f == 3.0));
        assert!(matches!(out[5], Value::Int(i64::MIN)));
        assert!(matches!(out[6], Value::Int(i64::MAX)));
        assert!(matches!(out[7], Value::Float(f) if f == 0.0 && f.is_sign_negative()));
        assert!(matches!(out[8], Value::Float(f) if f.is_nan()));
        assert!(matches!(out[9], Value::Float(f) if f == f64::INFINITY));
        assert!(matches!(out[10], Value::Float(f) if f == f64::NEG_INFINITY));
        assert!(matches!(out[11], Value::Float(f) if f == 1e-300));
    }

    #[test]
    fn strings_keep_every_byte_and_short_ones_are_interned() {
        let (mut a, mut b) = two();
        let samples: Vec<Vec<u8>> = vec![
            b"".to_vec(),
            b"a\0b".to_vec(),
            b"fourteen bytes".to_vec(),
            b"fifteen bytes.."
                .iter()
                .copied()
                .chain([0, 255, 0x80])
                .collect(),
            vec![0; 40],
            (0..=255u8).cycle().take(1000).collect(),
        ];
        let vals: Vec<Value> = samples.iter().map(|s| a.new_str(s)).collect();
        let out = copy(&mut a, &mut b, &vals);
        for (s, v) in samples.iter().zip(out.iter()) {
            assert_eq!(&bytes(*v), s);
        }
        // Short strings land in the receiver's intern table.
        let again = b.new_str(b"a\0b");
        assert!(matches!((out[1], again), (Value::Str(x), Value::Str(y)) if x == y));
        let forty = b.new_str([0u8; 40]);
        assert!(matches!((out[4], forty), (Value::Str(x), Value::Str(y)) if x == y));
    }

    #[test]
    fn nested_tables_arrive_as_fresh_tables_with_an_array_part() {
        let (mut a, mut b) = two();
        let deep = a.new_str("deep");
        let z = record(&mut a, &[("z", deep)]);
        let y = record(&mut a, &[("y", z)]);
        let src = list(&mut a, &[Value::Int(1), Value::Int(2), Value::Int(3)]);
        a.raw_set_str(table(src), "x", y);
        let k = a.new_str("a key that is longer than forty bytes, stored in the buffer");
        let _ = table(src).get_mut().set(k, Value::Float(0.5));
        let _ = table(src)
            .get_mut()
            .set(Value::Float(1.5), Value::Bool(true));
        let out = copy(&mut a, &mut b, &[src]);
        let t = table(out[0]);
        assert!(t != table(src));
        assert_eq!(t.get().len(), 3);
        assert_eq!(t.get().array.len(), 3);
        assert!(matches!(t.get().get_int(2), Value::Int(2)));
        let x = field(&mut b, out[0], "x");
        let y = field(&mut b, x, "y");
        assert_eq!(bytes(field(&mut b, y, "z")), b"deep");
        let k = b.new_str("a key that is longer than forty bytes, stored in the buffer");
        assert!(matches!(t.get().get(k), Value::Float(f) if f == 0.5));
        assert!(matches!(t.get().get(Value::Float(1.5)), Value::Bool(true)));
        assert_eq!(t.get().iter_all().count(), 6);
    }

    #[test]
    fn holes_in_the_array_part_keep_the_border() {
        let (mut a, mut b) = two();
        let src = list(&mut a, &[Value::Int(1), Value::Nil, Value::Int(3)]);
        table(src).get_mut().resize(3, 0);
        let before = table(src).get().len();
        let out = copy(&mut a, &mut b, &[src]);
        assert_eq!(table(out[0]).get().len(), before);
        assert!(table(out[0]).get().get_int(2).is_nil());
    }

    #[test]
    fn metatables_stay_behind() {
        let (mut a, mut b) = two();
        let mt = a.new_table();
        let fallback = record(&mut a, &[("hidden", Value::Int(1))]);
        a.raw_set_str(mt, "__index", fallback);
        let src = record(&mut a, &[("shown", Value::Int(2))]);
        a.set_metatable(&src, Some(mt));
        let out = copy(&mut a, &mut b, &[src]);
        assert!(table(out[0]).get().meta.is_none());
        assert!(field(&mut b, out[0], "hidden").is_nil());
        assert!(matches!(field(&mut b, out[0], "shown"), Value::Int(2)));
    }

    #[test]
    fn a_shared_subtable_arrives_as_one_table() {
        let (mut a, mut b) = two();
        let shared = record(&mut a, &[("n", Value::Int(7))]);
        let src = list(&mut a, &[shared, shared]);
        a.raw_set_str(table(src), "k", shared);
        let out = copy(&mut a, &mut b, &[src]);
        let t = table(out[0]);
        let t = t.get();
        let (one, two) = (table(t.get_int(1)), table(t.get_int(2)));
        let k = table(field(&mut b, out[0], "k"));
        assert!(one == two && two == k);
        assert!(one != table(shared));
        assert!(matches!(
            field(&mut b, Value::Table(one), "n"),
            Value::Int(7)
        ));
    }

    #[test]
    fn cycles_arrive_as_cycles() {
        let (mut a, mut b) = two();
        let src = record(&mut a, &[]);
        a.raw_set_str(table(src), "self", src);
        let inner = list(&mut a, &[src]);
        a.raw_set_str(table(src), "inner", inner);
        let out = copy(&mut a, &mut b, &[src]);
        let t = table(out[0]);
        assert!(table(field(&mut b, out[0], "self")) == t);
        let inner = field(&mut b, out[0], "inner");
        assert!(table(table(inner).get().get_int(1)) == t);
    }

    #[test]
    fn top_level_values_share_tables_too() {
        let (mut a, mut b) = two();
        let t = list(&mut a, &[Value::Int(1)]);
        let other = list(&mut a, &[t]);
        let out = copy(&mut a, &mut b, &[t, Value::Int(5), t, other]);
        assert!(table(out[0]) == table(out[2]));
        assert!(table(table(out[3]).get().get_int(1)) == table(out[0]));
    }

    #[test]
    fn many_tables_keep_identity_past_the_small_scan() {
        let (mut a, mut b) = two();
        let subs: Vec<Value> = (0..100).map(|i| list(&mut a, &[Value::Int(i)])).collect();
        let mut items = subs.clone();
        items.extend(subs.iter().rev());
        let src = list(&mut a, &items);
        let out = copy(&mut a, &mut b, &[src]);
        let t = table(out[0]);
        let t = t.get();
        for i in 0..100i64 {
            let x = table(t.get_int(i + 1));
            assert!(x == table(t.get_int(200 - i)));
            assert!(matches!(x.get().get_int(1), Value::Int(n) if n == i));
        }
    }

    #[test]
    fn a_million_deep_nesting_copies_without_recursion() {
        const DEPTH: usize = 1_000_000;
        let (mut a, mut b) = two();
        let mut t = list(&mut a, &[]);
        let bottom = t;
        for _ in 1..DEPTH {
            t = list(&mut a, &[t]);
        }
        a.raw_set_str(table(bottom), "end", Value::Bool(true));
        let out = copy(&mut a, &mut b, &[t]);
        let mut cur = table(out[0]);
        let mut depth = 1;
        while let Value::Table(next) = cur.get().get_int(1) {
            cur = next;
            depth += 1;
        }
        assert_eq!(depth, DEPTH);
        assert!(matches!(
            field(&mut b, Value::Table(cur), "end"),
            Value::Bool(true)
        ));
        // A bad value at the bottom is reported with its whole path.
        a.heap.enter();
        a.raw_set_str(table(bottom), "f", Value::LightFn(native));
        let e = fails(&mut a, &[t]);
        assert_eq!(
            e.path.len(),
            "argument #1".len() + 3 * (DEPTH - 1) + ".f".len()
        );
        assert!(e.path.ends_with("[1][1].f"));
    }

    #[test]
    fn a_function_deep_inside_is_named_by_its_path() {
        let mut a = Vm::new();
        let cb = record(&mut a, &[("cb", Value::LightFn(native))]);
        let items = list(&mut a, &[cb]);
        let arg = record(&mut a, &[("items", items)]);
        let e = fails(&mut a, &[Value::Int(1), arg]);
        assert_eq!(
            e,
            CopyError {
                type_name: "function",
                path: "argument #2.items[1].cb".into()
            }
        );
        assert_eq!(
            e.to_string(),
            "cannot send a function value (at argument #2.items[1].cb)"
        );
        let e = encode(&mut a, &[arg], "result ").unwrap_err();
        assert_eq!(e.path, "result 1.items[1].cb");
    }

    #[test]
    fn paths_quote_keys_that_are_not_names() {
        let mut a = Vm::new();
        let f = a.new_native(native, vec![]);
        let cases: [(Value, &str); 7] = [
            (a.new_str("some key"), "argument #1[\"some key\"]"),
            (a.new_str("end"), "argument #1[\"end\"]"),
            (a.new_str("_ok1"), "argument #1._ok1"),
            (
                a.new_str(b"q\"\\\n\x01\xff"),
                "argument #1[\"q\\\"\\\\\\n\\001\\255\"]",
            ),
            (Value::Float(1.5), "argument #1[1.5]"),
            (Value::Bool(true), "argument #1[true]"),
            (Value::Int(-3), "argument #1[-3]"),
        ];
        for (k, path) in cases {
            let t = a.new_table();
            let _ = t.get_mut().set(k, f);
            let e = fails(&mut a, &[Value::Table(t)]);
            assert_eq!((e.type_name, e.path.as_str()), ("function", path));
        }
        // A value under a table key.
        let t = a.new_table();
        let key = list(&mut a, &[]);
        let _ = t.get_mut().set(key, f);
        assert_eq!(fails(&mut a, &[Value::Table(t)]).path, "argument #1[table]");
    }

    #[test]
    fn a_bad_key_is_named_by_its_table() {
        let mut a = Vm::new();
        let inner = a.new_table();
        let _ = inner.get_mut().set(Value::LightFn(native), Value::Int(1));
        let arg = record(&mut a, &[("inner", Value::Table(inner))]);
        let e = fails(&mut a, &[arg]);
        assert_eq!(
            (e.type_name, e.path.as_str()),
            ("function", "argument #1.inner (a key)")
        );
        // Inside a table used as a key: still the table holding the key.
        let key = record(&mut a, &[("f", Value::LightFn(native))]);
        let t = a.new_table();
        let _ = t.get_mut().set(key, Value::Int(1));
        let arg = record(&mut a, &[("t", Value::Table(t))]);
        assert_eq!(fails(&mut a, &[arg]).path, "argument #1.t (a key)");
    }

    #[test]
    fn threads_userdata_and_functions_are_refused() {
        let mut a = Vm::new();
        let co = Value::Thread(a.new_thread(Value::LightFn(native)));
        let chan = a.new_userdata(Box::new(42u32), None);
        let native_closure = a.new_native(native, vec![Value::Int(1)]);
        let cases = [
            (co, "coroutine"),
            (chan, "userdata"),
            (Value::LightUserData(0x10), "userdata"),
            (Value::LightFn(native), "function"),
            (native_closure, "function"),
        ];
        for (v, type_name) in cases {
            let e = fails(&mut a, &[Value::Nil, Value::Nil, v]);
            assert_eq!(
                e,
                CopyError {
                    type_name,
                    path: "argument #3".into()
                }
            );
        }
        let e = fails(&mut a, &[co]);
        assert_eq!(
            e.to_string(),
            "cannot send a coroutine value (at argument #1)"
        );
        let e = fails(&mut a, &[chan]);
        assert_eq!(
            e.to_string(),
            "cannot send a userdata value (at argument #1)"
        );
    }

    #[test]
    fn the_first_bad_argument_is_reported_first() {
        let mut a = Vm::new();
        let deep = record(&mut a, &[("f", Value::LightFn(native))]);
        let e = fails(&mut a, &[deep, Value::LightFn(native)]);
        assert_eq!(e.path, "argument #1.f");
    }

    fn error_value(vm: &mut Vm, message: &str, user: Value) -> Value {
        let registry = vm.registry;
        let meta = match vm.raw_get_str(registry, ERROR_META_KEY) {
            Value::Table(t) => Some(t),
            _ => None,
        };
        let data = ErrorData {
            message: message.into(),
            kind: "NOT_FOUND".into(),
            retryable: Some(false),
            stack: Some("stack traceback:\n\t[C]: in ?".into()),
        };
        let u = vm.new_userdata(Box::new(data), meta);
        if let Value::UserData(g) = u {
            g.get_mut().user_value = user;
        }
        u
    }

    fn install_error_meta(vm: &mut Vm) -> Gc<Table> {
        let mt = vm.new_table();
        let registry = vm.registry;
        vm.raw_set_str(registry, ERROR_META_KEY, Value::Table(mt));
        mt
    }

    fn userdata(v: Value) -> Gc<UserData> {
        match v {
            Value::UserData(u) => u,
            other => panic!("expected a userdata, got {other:?}"),
        }
    }

    #[test]
    fn error_values_round_trip_with_details_and_cause() {
        let (mut a, mut b) = two();
        install_error_meta(&mut a);
        let cause = error_value(&mut a, "disk gone", Value::Nil);
        let code = a.new_str("E42");
        let details = record(&mut a, &[("code", code), ("n", Value::Int(42))]);
        let user = record(&mut a, &[("details", details), ("cause", cause)]);
        let err = error_value(&mut a, "lookup failed: disk gone", user);
        b.heap.enter();
        let meta_b = install_error_meta(&mut b);

        let out = copy(&mut a, &mut b, &[err, cause]);
        let e = userdata(out[0]);
        assert!(e != userdata(err));
        assert!(e.get().meta == Some(meta_b));
        let data = e.get().data.downcast_ref::<ErrorData>().unwrap();
        assert_eq!(
            data,
            userdata(err)
                .get()
                .data
                .downcast_ref::<ErrorData>()
                .unwrap()
        );
        let uv = e.get().user_value;
        let details = field(&mut b, uv, "details");
        assert_eq!(bytes(field(&mut b, details, "code")), b"E42");
        assert!(matches!(field(&mut b, details, "n"), Value::Int(42)));
        // The cause is the same error value as the second top-level value.
        let c = userdata(field(&mut b, uv, "cause"));
        assert!(c == userdata(out[1]));
        assert_eq!(
            c.get().data.downcast_ref::<ErrorData>().unwrap().message,
            "disk gone"
        );
        assert!(c.get().user_value.is_nil());
    }

    #[test]
    fn error_values_without_a_registered_metatable_get_none() {
        let (mut a, mut b) = two();
        let err = error_value(&mut a, "boom", Value::Nil);
        let out = copy(&mut a, &mut b, &[err]);
        assert!(userdata(out[0]).get().meta.is_none());
        assert!(userdata(out[0]).get().data.is::<ErrorData>());
    }

    #[test]
    fn a_function_in_error_details_is_named_through_the_error() {
        let mut a = Vm::new();
        let details = record(&mut a, &[("f", Value::LightFn(native))]);
        let user = record(&mut a, &[("details", details)]);
        let err = error_value(&mut a, "boom", user);
        let arg = record(&mut a, &[("err", err)]);
        assert_eq!(fails(&mut a, &[arg]).path, "argument #1.err.details.f");
    }

    #[test]
    fn decoded_values_survive_a_collection_once_rooted() {
        let (mut a, mut b) = two();
        let s = a.new_str("a string longer than the inline limit");
        let inner = list(&mut a, &[s]);
        let src = list(&mut a, &[inner, inner]);
        let out = copy(&mut a, &mut b, &[src]);
        b.set_global("got", out[0]);
        b.full_gc().unwrap();
        let got = b.get_global("got");
        let inner = table(got).get().get_int(1);
        assert_eq!(
            bytes(table(inner).get().get_int(1)),
            b"a string longer than the inline limit"
        );
    }

    #[test]
    fn size_grows_with_content() {
        let mut a = Vm::new();
        let small = encode(&mut a, &[Value::Int(1)], "argument #").unwrap();
        let s = a.new_str(vec![7u8; 10_000]);
        let big = encode(&mut a, &[s], "argument #").unwrap();
        assert!(big.size_bytes() >= 10_000);
        assert!(small.size_bytes() < big.size_bytes());
    }
}
