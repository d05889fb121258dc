//! Binary chunks (ldump.c / lundump.c's role): `string.dump` writes a
//! function's `Proto` tree in wlua's own format, and `load` reads it back,
//! but only chunks that this very build wrote, and only after checking that
//! the bytes are intact and that the decoded code cannot make the VM step
//! outside its registers, constants, upvalues or code.
//!
//! Why so careful: the interpreter (vm/src/interp.rs) trusts the compiler.
//! It reads registers, constants and the next instruction through raw
//! pointers, with no bounds checks. Lua 5.3 has the same trust and the same
//! hole (malformed bytecode can crash the reference); wlua closes it here,
//! so that loading bytes is as safe as loading source.
//!
//! A wlua chunk opens with the reference's header, byte for byte (lundump.c
//! checkHeader), so programs that inspect or corrupt it see what they see on
//! lua5.3; the rest is wlua's. Layout (integers little-endian):
//!
//! ```text
//!  0  "\x1bLua"            LUA_SIGNATURE
//!  4  0x53                 LUAC_VERSION (5.3)
//!  5  0x00                 LUAC_FORMAT (the official format)
//!  6  "\x19\x93\r\n\x1a\n" LUAC_DATA
//! 12  4 8 4 8 8            sizes of int, size_t, Instruction, lua_Integer, lua_Number
//! 17  i64 0x5678           LUAC_INT
//! 25  f64 370.5            LUAC_NUM
//! ---------------------------------------------- the reference's header ends
//! 33  "wlua"               marker; the reference has its upvalue count and
//!                          function here, which wlua refuses ("not written by wlua")
//! 37  u64                  build id: a hash of the crate version and the sources that
//!                          define the format (op.rs, proto.rs, this file)
//! 45  u64                  payload length
//! 53  payload              the proto tree, each proto followed by its children (pre-order)
//!  .  u64                  SipHash-2-4 of bytes 0..53+len, keyed per build
//! ```
//!
//! Bytes after the checksum are ignored, as lundump.c stops reading once the
//! main function is complete.
//!
//! A proto in the payload (`uv` = unsigned LEB128; strings are `uv` length + bytes):
//!
//! ```text
//! source     u8 0 = the parent's, 1 = string follows (always 1 for the root)
//! line_defined, last_line_defined   uv
//! num_params, is_vararg (0/1), max_stack   u8 each
//! code       uv n, n × u32
//! constants  uv n, n × (u8 tag: 0 nil, 1 false, 2 true, 3 int i64, 4 float bits u64, 5 string)
//! upvalues   uv n, n × (u8 in_stack 0/1, u8 index, name)
//! protos     uv n (the children follow this proto's record)
//! lineinfo   uv n (n == 0 or #code), n × uv
//! locvars    uv n, n × (name, uv start_pc, uv end_pc)
//! ```
//!
//! The checksum is not a signature: its key is a constant of the build, so
//! anyone with the binary can forge it. It catches corruption and chunks of
//! other builds; `verify` is what keeps a forged chunk harmless.
//!
//! Rejections of the reference's header are lundump.c's, word for word and
//! in its order: each field is read whole (`truncated` if the bytes run
//! out) and then compared (`not a`, `version mismatch in`, `format mismatch
//! in`, `corrupted`, `int size mismatch in`, ..., `endianness mismatch in`,
//! `float format mismatch in`), as `name: <why> precompiled chunk`. wlua's
//! part keeps that rule, so every proper prefix of a chunk is `truncated
//! precompiled chunk`; what only wlua checks reads `name: bad binary format
//! (<what>)`.

use std::ffi::c_int;
use std::mem::size_of;
use std::sync::Arc;
use wlua_vm::op::{Instr, LFIELDS_PER_FLUSH, MAXARG_BX, OpCode, index_k, is_k};
use wlua_vm::proto::{Constant, LocVar, Proto, UpvalDesc};

/// The first bytes of every binary chunk (LUA_SIGNATURE).
pub const SIGNATURE: &[u8; 4] = b"\x1bLua";
/// LUAC_VERSION: 5.3.
pub const VERSION: u8 = 0x53;
/// LUAC_FORMAT: the official format, as the reference writes and requires.
pub const FORMAT: u8 = 0;
/// LUAC_DATA: catches conversions of line ends and 8-bit bytes.
const LUAC_DATA: &[u8; 6] = b"\x19\x93\r\n\x1a\n";
/// The sizes checkHeader compares, under the names its messages use. They
/// are also what `string.packsize` gives for `i`, `T`, and `j`/`n`.
const SIZES: [(usize, &str); 5] = [
    (size_of::<c_int>(), "int"),
    (size_of::<usize>(), "size_t"),
    (size_of::<Instr>(), "Instruction"),
    (size_of::<i64>(), "lua_Integer"),
    (size_of::<f64>(), "lua_Number"),
];
/// LUAC_INT and LUAC_NUM: an integer and a float that show byte order and
/// float format.
const LUAC_INT: i64 = 0x5678;
const LUAC_NUM: f64 = 370.5;
/// What follows the reference's header in a wlua chunk.
pub const MARKER: &[u8; 4] = b"wlua";
/// Where the payload length sits, and where the payload starts.
const LEN_AT: usize = 45;
const HEADER_LEN: usize = 53;
const CHECKSUM_LEN: usize = 8;

/// Largest `max_stack`: the compiler refuses a function that needs MAXREGS
/// (255) registers (lcode.c luaK_checkstack).
pub const MAX_STACK_SIZE: u8 = 254;
/// Deepest nesting of functions in a chunk. The parser's limit of 200
/// nested levels costs at least two per function, so real chunks stay far
/// below; the bound keeps decoding and verifying cheap on hostile input.
pub const MAX_DEPTH: usize = 200;
/// Most upvalues a function may have (lparser.c MAXUPVAL).
const MAX_UPVALUES: usize = 255;

// ----- build fingerprint ------------------------------------------------

/// The inputs of the build id. A change to the instruction set, the proto
/// layout or this encoder gives a new id, so chunks never outlive the code
/// that can read them.
const FINGERPRINT: [&[u8]; 4] = [
    env!("CARGO_PKG_VERSION").as_bytes(),
    include_bytes!("../../vm/src/op.rs"),
    include_bytes!("../../vm/src/proto.rs"),
    include_bytes!("dump.rs"),
];

/// FNV-1a (64-bit) over all of `parts`, from offset basis `seed`.
const fn fnv1a(seed: u64, parts: &[&[u8]]) -> u64 {
    let mut h = seed;
    let mut p = 0;
    while p < parts.len() {
        let bytes = parts[p];
        let mut i = 0;
        while i < bytes.len() {
            h ^= bytes[i] as u64;
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
            i += 1;
        }
        p += 1;
    }
    h
}

/// This build's id (bytes 37..45).
pub const BUILD_ID: u64 = fnv1a(0xcbf2_9ce4_8422_2325, &FINGERPRINT);
/// The checksum key: derived from the same inputs with other seeds.
const KEY: (u64, u64) = (
    fnv1a(0x6a09_e667_f3bc_c908, &FINGERPRINT),
    fnv1a(0xbb67_ae85_84ca_a73b, &FINGERPRINT),
);

// ----- SipHash-2-4 --------------------------------------------------------

/// SipHash-2-4 of `data` under key (k0, k1) (Aumasson & Bernstein, 2012).
fn siphash24(k0: u64, k1: u64, data: &[u8]) -> u64 {
    let mut v0 = k0 ^ 0x736f_6d65_7073_6575;
    let mut v1 = k1 ^ 0x646f_7261_6e64_6f6d;
    let mut v2 = k0 ^ 0x6c79_6765_6e65_7261;
    let mut v3 = k1 ^ 0x7465_6462_7974_6573;
    macro_rules! round {
        () => {
            v0 = v0.wrapping_add(v1);
            v1 = v1.rotate_left(13);
            v1 ^= v0;
            v0 = v0.rotate_left(32);
            v2 = v2.wrapping_add(v3);
            v3 = v3.rotate_left(16);
            v3 ^= v2;
            v0 = v0.wrapping_add(v3);
            v3 = v3.rotate_left(21);
            v3 ^= v0;
            v2 = v2.wrapping_add(v1);
            v1 = v1.rotate_left(17);
            v1 ^= v2;
            v2 = v2.rotate_left(32);
        };
    }
    let mut chunks = data.chunks_exact(8);
    for c in &mut chunks {
        let m = u64::from_le_bytes(c.try_into().expect("8 bytes"));
        v3 ^= m;
        round!();
        round!();
        v0 ^= m;
    }
    let rest = chunks.remainder();
    let mut last = [0u8; 8];
    last[..rest.len()].copy_from_slice(rest);
    let m = u64::from_le_bytes(last) | ((data.len() as u64 & 0xff) << 56);
    v3 ^= m;
    round!();
    round!();
    v0 ^= m;
    v2 ^= 0xff;
    round!();
    round!();
    round!();
    round!();
    v0 ^ v1 ^ v2 ^ v3
}

fn checksum(data: &[u8]) -> u64 {
    siphash24(KEY.0, KEY.1, data)
}

// ----- writing ------------------------------------------------------------

fn put_uv(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

fn put_bytes(out: &mut Vec<u8>, b: &[u8]) {
    put_uv(out, b.len() as u64);
    out.extend_from_slice(b);
}

/// One proto's record (without its children).
fn put_proto(out: &mut Vec<u8>, p: &Proto, parent_source: Option<&Arc<str>>, strip: bool) {
    let inherit = match parent_source {
        Some(ps) => strip || Arc::ptr_eq(ps, &p.source) || **ps == *p.source,
        None => false,
    };
    if inherit {
        out.push(0);
    } else {
        out.push(1);
        put_bytes(out, if strip { b"=?" } else { p.source.as_bytes() });
    }
    put_uv(out, p.line_defined as u64);
    put_uv(out, p.last_line_defined as u64);
    out.push(p.num_params);
    out.push(p.is_vararg as u8);
    out.push(p.max_stack);
    put_uv(out, p.code.len() as u64);
    for i in &p.code {
        out.extend_from_slice(&i.0.to_le_bytes());
    }
    put_uv(out, p.constants.len() as u64);
    for k in &p.constants {
        match k {
            Constant::Nil => out.push(0),
            Constant::Bool(false) => out.push(1),
            Constant::Bool(true) => out.push(2),
            Constant::Int(n) => {
                out.push(3);
                out.extend_from_slice(&n.to_le_bytes());
            }
            Constant::Float(f) => {
                out.push(4);
                out.extend_from_slice(&f.to_bits().to_le_bytes());
            }
            Constant::Str(s) => {
                out.push(5);
                put_bytes(out, s);
            }
        }
    }
    put_uv(out, p.upvalues.len() as u64);
    for u in &p.upvalues {
        out.push(u.in_stack as u8);
        out.push(u.index);
        put_bytes(out, if strip { b"" } else { u.name.as_bytes() });
    }
    put_uv(out, p.protos.len() as u64);
    if strip {
        put_uv(out, 0);
        put_uv(out, 0);
    } else {
        put_uv(out, p.lineinfo.len() as u64);
        for l in &p.lineinfo {
            put_uv(out, *l as u64);
        }
        put_uv(out, p.locvars.len() as u64);
        for lv in &p.locvars {
            put_bytes(out, lv.name.as_bytes());
            put_uv(out, lv.start_pc as u64);
            put_uv(out, lv.end_pc as u64);
        }
    }
}

/// Serialises `p` and its nested functions (lua_dump). With `strip`, debug
/// information goes: line info, local names, upvalue names, and the source
/// (which reads back as `=?`), as luaU_dump does.
///
/// Writes whatever `p` holds, checked or not: `undump` does the checking.
pub fn dump(p: &Proto, strip: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 + p.code.len() * 6);
    out.extend_from_slice(SIGNATURE);
    out.push(VERSION);
    out.push(FORMAT);
    out.extend_from_slice(LUAC_DATA);
    for (size, _) in SIZES {
        out.push(size as u8);
    }
    out.extend_from_slice(&LUAC_INT.to_le_bytes());
    out.extend_from_slice(&LUAC_NUM.to_le_bytes());
    out.extend_from_slice(MARKER);
    out.extend_from_slice(&BUILD_ID.to_le_bytes());
    out.extend_from_slice(&[0; 8]); // payload length, patched below
    debug_assert_eq!(out.len(), HEADER_LEN);
    // Pre-order without recursion: a proto, then each child's subtree.
    let mut stack: Vec<(&Proto, Option<&Arc<str>>)> = vec![(p, None)];
    while let Some((p, parent_source)) = stack.pop() {
        put_proto(&mut out, p, parent_source, strip);
        for c in p.protos.iter().rev() {
            stack.push((c, Some(&p.source)));
        }
    }
    let len = (out.len() - HEADER_LEN) as u64;
    out[LEN_AT..HEADER_LEN].copy_from_slice(&len.to_le_bytes());
    let sum = checksum(&out);
    out.extend_from_slice(&sum.to_le_bytes());
    out
}

/// Rewrites the payload length and checksum of a chunk whose payload (the
/// bytes between the header and the last 8) was edited, as anyone holding
/// this build can: the checksum catches accidents, not intent. Tests use it
/// to show that `verify` is what keeps an edited chunk harmless. Bytes too
/// short to hold a header and a checksum come back unchanged.
pub fn reseal(mut chunk: Vec<u8>) -> Vec<u8> {
    if chunk.len() < HEADER_LEN + CHECKSUM_LEN {
        return chunk;
    }
    chunk.truncate(chunk.len() - CHECKSUM_LEN);
    let len = (chunk.len() - HEADER_LEN) as u64;
    chunk[LEN_AT..HEADER_LEN].copy_from_slice(&len.to_le_bytes());
    let sum = checksum(&chunk);
    chunk.extend_from_slice(&sum.to_le_bytes());
    chunk
}

// ----- reading ------------------------------------------------------------

/// The name lundump.c puts in its messages: the chunk name without its
/// `@`/`=` prefix, or "binary string" when the name is the chunk itself.
fn message_name(chunkname: &str) -> &str {
    match chunkname.as_bytes().first() {
        Some(b'@') | Some(b'=') => &chunkname[1..],
        Some(0x1b) => "binary string",
        _ => chunkname,
    }
}

/// Reads a binary chunk written by `dump` of this build. The error is the
/// message `load` returns.
pub fn undump(data: &[u8], chunkname: &str) -> Result<Arc<Proto>, String> {
    let name = message_name(chunkname);
    let fail = |why: &str| format!("{}: {} precompiled chunk", name, why);
    let bad = |what: &str| format!("{}: bad binary format ({})", name, what);
    // lundump.c's LoadBlock: a field is read whole before it is looked at.
    let mut at = 0;
    let mut take = |n: usize| -> Result<&[u8], String> {
        let b = data.get(at..at + n).ok_or_else(|| fail("truncated"))?;
        at += n;
        Ok(b)
    };
    // checkHeader, in its order. The first byte is what the caller tested
    // to take the chunk as binary (f_parser); it is checked again for
    // callers that did not.
    if take(1)? != &SIGNATURE[..1] || take(3)? != &SIGNATURE[1..] {
        return Err(fail("not a"));
    }
    if take(1)?[0] != VERSION {
        return Err(fail("version mismatch in"));
    }
    if take(1)?[0] != FORMAT {
        return Err(fail("format mismatch in"));
    }
    if take(LUAC_DATA.len())? != LUAC_DATA {
        return Err(fail("corrupted"));
    }
    for (size, tname) in SIZES {
        if take(1)?[0] as usize != size {
            return Err(fail(&format!("{} size mismatch in", tname)));
        }
    }
    let int = i64::from_le_bytes(take(8)?.try_into().expect("8 bytes"));
    if int != LUAC_INT {
        return Err(fail("endianness mismatch in"));
    }
    // Compared as numbers, as the reference does.
    let num = f64::from_le_bytes(take(8)?.try_into().expect("8 bytes"));
    if num != LUAC_NUM {
        return Err(fail("float format mismatch in"));
    }
    // wlua's part. luac's chunks and other implementations' stop here.
    if take(MARKER.len())? != MARKER {
        return Err(bad("not written by wlua"));
    }
    let build = u64::from_le_bytes(take(8)?.try_into().expect("8 bytes"));
    if build != BUILD_ID {
        return Err(bad("written by another build of wlua"));
    }
    let len = u64::from_le_bytes(take(8)?.try_into().expect("8 bytes"));
    debug_assert_eq!(at, HEADER_LEN);
    // What follows the checksum is not read, as lundump.c reads no further
    // than the main function.
    let available = (data.len() - HEADER_LEN) as u64;
    if available < CHECKSUM_LEN as u64 || len > available - CHECKSUM_LEN as u64 {
        return Err(fail("truncated"));
    }
    let end = HEADER_LEN + len as usize;
    let sum = u64::from_le_bytes(data[end..end + CHECKSUM_LEN].try_into().expect("8 bytes"));
    if checksum(&data[..end]) != sum {
        return Err(bad("checksum mismatch"));
    }
    let proto = decode(&data[HEADER_LEN..end]).map_err(|e| bad(&e))?;
    verify(&proto).map_err(|e| bad(&e))?;
    Ok(proto)
}

/// A cursor over the payload; every read fails cleanly at the end.
struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

const ENDS_EARLY: &str = "payload ends early";

impl<'a> Reader<'a> {
    fn left(&self) -> usize {
        self.data.len() - self.pos
    }

    fn u8(&mut self) -> Result<u8, String> {
        let b = *self.data.get(self.pos).ok_or(ENDS_EARLY)?;
        self.pos += 1;
        Ok(b)
    }

    fn flag(&mut self) -> Result<bool, String> {
        match self.u8()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err("bad boolean".into()),
        }
    }

    fn bytes(&mut self, n: usize) -> Result<&'a [u8], String> {
        if n > self.left() {
            return Err(ENDS_EARLY.into());
        }
        let s = &self.data[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    fn u64_le(&mut self) -> Result<u64, String> {
        Ok(u64::from_le_bytes(
            self.bytes(8)?.try_into().expect("8 bytes"),
        ))
    }

    fn uv(&mut self) -> Result<u64, String> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            let bits = (b & 0x7f) as u64;
            if shift == 63 && bits > 1 {
                return Err("integer too large".into());
            }
            v |= bits << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err("integer too large".into())
    }

    fn u32(&mut self) -> Result<u32, String> {
        u32::try_from(self.uv()?).map_err(|_| "integer too large".into())
    }

    /// A count of items that take at least `min_size` bytes each: never
    /// more than the bytes left could hold, so a lying count cannot make
    /// the reader allocate more than the input justifies.
    fn count(&mut self, min_size: usize) -> Result<usize, String> {
        let n = self.uv()?;
        if n > (self.left() / min_size.max(1)) as u64 {
            return Err(ENDS_EARLY.into());
        }
        Ok(n as usize)
    }

    fn string(&mut self) -> Result<&'a [u8], String> {
        let n = self.count(1)?;
        self.bytes(n)
    }

    fn name(&mut self) -> Result<Box<str>, String> {
        let b = self.string()?;
        std::str::from_utf8(b)
            .map(Box::from)
            .map_err(|_| "name is not UTF-8".into())
    }
}

/// Reads one proto record; returns it with its number of children.
fn read_proto(r: &mut Reader, parent_source: Option<&Arc<str>>) -> Result<(Proto, usize), String> {
    let source = match (r.u8()?, parent_source) {
        (0, Some(ps)) => ps.clone(),
        (1, _) => {
            let b = r.string()?;
            Arc::from(std::str::from_utf8(b).map_err(|_| "source is not UTF-8")?)
        }
        _ => return Err("bad source tag".into()),
    };
    let mut p = Proto::new(source);
    p.line_defined = r.u32()?;
    p.last_line_defined = r.u32()?;
    p.num_params = r.u8()?;
    p.is_vararg = r.flag()?;
    p.max_stack = r.u8()?;
    let n = r.count(4)?;
    p.code.reserve_exact(n);
    for _ in 0..n {
        let w = r.bytes(4)?;
        p.code
            .push(Instr(u32::from_le_bytes(w.try_into().expect("4 bytes"))));
    }
    let n = r.count(1)?;
    p.constants.reserve_exact(n);
    for _ in 0..n {
        let k = match r.u8()? {
            0 => Constant::Nil,
            1 => Constant::Bool(false),
            2 => Constant::Bool(true),
            3 => Constant::Int(r.u64_le()? as i64),
            4 => Constant::Float(f64::from_bits(r.u64_le()?)),
            5 => Constant::Str(r.string()?.into()),
            _ => return Err("bad constant tag".into()),
        };
        p.constants.push(k);
    }
    let n = r.count(3)?;
    if n > MAX_UPVALUES {
        return Err("too many upvalues".into());
    }
    p.upvalues.reserve_exact(n);
    for _ in 0..n {
        let in_stack = r.flag()?;
        let index = r.u8()?;
        let name = r.name()?;
        p.upvalues.push(UpvalDesc {
            name,
            in_stack,
            index,
        });
    }
    // A child's record takes at least 12 bytes; Bx of CLOSURE reaches no further.
    let nprotos = r.count(12)?;
    if nprotos > MAXARG_BX as usize + 1 {
        return Err("too many functions".into());
    }
    let n = r.count(1)?;
    p.lineinfo.reserve_exact(n);
    for _ in 0..n {
        p.lineinfo.push(r.u32()?);
    }
    let n = r.count(3)?;
    p.locvars.reserve_exact(n);
    for _ in 0..n {
        let name = r.name()?;
        let start_pc = r.u32()?;
        let end_pc = r.u32()?;
        p.locvars.push(LocVar {
            name,
            start_pc,
            end_pc,
        });
    }
    p.protos.reserve_exact(nprotos);
    Ok((p, nprotos))
}

/// Rebuilds the proto tree from the payload, without recursion: protos
/// whose children are still being read wait on a stack no deeper than
/// MAX_DEPTH.
fn decode(payload: &[u8]) -> Result<Arc<Proto>, String> {
    let mut r = Reader {
        data: payload,
        pos: 0,
    };
    // (proto, children still to read)
    let mut open: Vec<(Proto, usize)> = Vec::new();
    loop {
        let (p, nchildren) = read_proto(&mut r, open.last().map(|(p, _)| &p.source))?;
        if nchildren > 0 {
            if open.len() >= MAX_DEPTH {
                return Err("functions nested too deeply".into());
            }
            open.push((p, nchildren));
            continue;
        }
        let mut done = Arc::new(p);
        loop {
            let Some((parent, left)) = open.last_mut() else {
                if r.left() != 0 {
                    return Err("extra bytes in payload".into());
                }
                return Ok(done);
            };
            parent.protos.push(done);
            *left -= 1;
            if *left > 0 {
                break;
            }
            let (parent, _) = open.pop().expect("parent");
            done = Arc::new(parent);
        }
    }
}

// ----- verifying ----------------------------------------------------------

/// Checks every proto of the tree the way the interpreter relies on the
/// compiler: it may then run without reading or writing outside the
/// frame's registers, the constants, the upvalues, the children or the
/// code. Errors name what is wrong and where.
pub fn verify(root: &Proto) -> Result<(), String> {
    // (proto, its parent, depth)
    let mut todo: Vec<(&Proto, Option<&Proto>, usize)> = vec![(root, None, 0)];
    while let Some((p, parent, depth)) = todo.pop() {
        if depth > MAX_DEPTH {
            return Err("functions nested too deeply".into());
        }
        verify_one(p, parent)
            .map_err(|e| format!("{} in function at line {}", e, p.line_defined))?;
        for c in &p.protos {
            todo.push((c, Some(p), depth + 1));
        }
    }
    Ok(())
}

/// Where each instruction may go next, for the checks that depend on how
/// control reaches an instruction.
fn is_branch_target(p: &Proto) -> Vec<bool> {
    let n = p.code.len();
    let mut target = vec![false; n];
    for (pc, i) in p.code.iter().enumerate() {
        let dest = match i.op() {
            OpCode::Jmp | OpCode::ForLoop | OpCode::ForPrep | OpCode::TForLoop => {
                Some(pc as i64 + 1 + i.sbx() as i64)
            }
            OpCode::LoadBool if i.c() != 0 => Some(pc as i64 + 2),
            _ => None,
        };
        if let Some(d) = dest.filter(|&d| d >= 0 && (d as usize) < n) {
            target[d as usize] = true;
        }
    }
    target
}

fn verify_one(p: &Proto, parent: Option<&Proto>) -> Result<(), String> {
    let ms = p.max_stack as usize;
    let nk = p.constants.len();
    let nup = p.upvalues.len();
    let n = p.code.len();
    if p.max_stack > MAX_STACK_SIZE {
        return Err("max_stack too large".into());
    }
    // The compiler's floor (lfunc.c luaF_newproto; see `Proto::max_stack`).
    if p.max_stack < 2 {
        return Err("max_stack too small".into());
    }
    if p.num_params > p.max_stack {
        return Err("more parameters than registers".into());
    }
    if nup > MAX_UPVALUES {
        return Err("too many upvalues".into());
    }
    if n == 0 {
        return Err("empty code".into());
    }
    if p.code[n - 1].opcode_raw() != OpCode::Return as u8 {
        return Err("code does not end in RETURN".into());
    }
    if !p.lineinfo.is_empty() && p.lineinfo.len() != n {
        return Err("line info does not match code".into());
    }
    if p.protos.len() > MAXARG_BX as usize + 1 {
        return Err("too many functions".into());
    }
    // Where a closure of `p` finds its upvalues: the creating frame's
    // registers or the creating closure's upvalues.
    if let Some(parent) = parent {
        for u in &p.upvalues {
            let limit = if u.in_stack {
                parent.max_stack as usize
            } else {
                parent.upvalues.len()
            };
            if u.index as usize >= limit {
                return Err("upvalue descriptor out of range".into());
            }
        }
    }
    verify_locvars(p)?;

    let target = is_branch_target(p);
    // Memory a NEWTABLE or SETLIST may ask for stays proportional to the
    // code: the compiler's hints count items and fields, each of which took
    // instructions (at most LFIELDS_PER_FLUSH items per SETLIST).
    let array_hint_max = (n + 8) * 2 * LFIELDS_PER_FLUSH as usize;
    let hash_hint_max = (n + 8) * 2;
    for (pc, &i) in p.code.iter().enumerate() {
        let at = |what: &str| format!("{} at instruction {}", what, pc + 1);
        let Some(op) = OpCode::from_u8(i.opcode_raw()) else {
            return Err(at("invalid opcode"));
        };
        let (a, b, c) = (i.a() as usize, i.b() as usize, i.c() as usize);
        // Registers first..first+count-1 exist.
        let regs = |first: usize, count: usize| -> Result<(), String> {
            if first + count > ms {
                Err(at("register out of range"))
            } else {
                Ok(())
            }
        };
        let reg = |r: usize| regs(r, 1);
        let rk = |x: usize| -> Result<(), String> {
            if is_k(x as u32) {
                if index_k(x as u32) as usize >= nk {
                    return Err(at("constant index out of range"));
                }
                Ok(())
            } else {
                reg(x)
            }
        };
        let upv = |u: usize| {
            if u < nup {
                Ok(())
            } else {
                Err(at("upvalue index out of range"))
            }
        };
        let next = |want: OpCode| -> Result<Instr, String> {
            match p.code.get(pc + 1) {
                Some(ni) if ni.opcode_raw() == want as u8 => Ok(*ni),
                _ => Err(at(&format!(
                    "{} not followed by {}",
                    op.info().name,
                    want.info().name
                ))),
            }
        };
        let jump = || -> Result<(), String> {
            let d = pc as i64 + 1 + i.sbx() as i64;
            if d < 0 || d as usize >= n || p.code[d as usize].opcode_raw() == OpCode::ExtraArg as u8
            {
                return Err(at("jump out of range"));
            }
            Ok(())
        };
        // B == 0 (CALL, TAILCALL, RETURN, SETLIST) takes values up to the
        // stack top, which only the instruction just before can have set:
        // CALL with C == 0, TAILCALL (a native called in place) or VARARG
        // with B == 0. `open_min` is how far above A that instruction must
        // have started so the count cannot go negative.
        let from_top = |open_min: usize| -> Result<(), String> {
            let ok = pc > 0
                && !target[pc]
                && match p.code[pc - 1] {
                    pi if pi.opcode_raw() == OpCode::Call as u8 && pi.c() == 0 => true,
                    pi if pi.opcode_raw() == OpCode::TailCall as u8 => true,
                    pi if pi.opcode_raw() == OpCode::Vararg as u8 && pi.b() == 0 => true,
                    _ => false,
                }
                && p.code[pc - 1].a() as usize >= a + open_min;
            if ok {
                Ok(())
            } else {
                Err(at(
                    "open count without a multiple-result instruction before it",
                ))
            }
        };
        match op {
            OpCode::Move | OpCode::Unm | OpCode::BNot | OpCode::Not | OpCode::Len => {
                reg(a)?;
                reg(b)?;
            }
            OpCode::LoadK => {
                reg(a)?;
                if i.bx() as usize >= nk {
                    return Err(at("constant index out of range"));
                }
            }
            OpCode::LoadKx => {
                reg(a)?;
                if next(OpCode::ExtraArg)?.ax_arg() as usize >= nk {
                    return Err(at("constant index out of range"));
                }
            }
            OpCode::LoadBool => {
                reg(a)?;
                if c != 0 && pc + 2 >= n {
                    return Err(at("jump out of range"));
                }
            }
            OpCode::LoadNil => regs(a, b + 1)?,
            OpCode::GetUpval => {
                reg(a)?;
                upv(b)?;
            }
            OpCode::GetTabUp => {
                reg(a)?;
                upv(b)?;
                rk(c)?;
            }
            OpCode::GetTable => {
                reg(a)?;
                reg(b)?;
                rk(c)?;
            }
            OpCode::SetTabUp => {
                upv(a)?;
                rk(b)?;
                rk(c)?;
            }
            OpCode::SetUpval => {
                reg(a)?;
                upv(b)?;
            }
            OpCode::SetTable => {
                reg(a)?;
                rk(b)?;
                rk(c)?;
            }
            OpCode::NewTable => {
                reg(a)?;
                if fb2int_wide(b as u32) > array_hint_max as u128
                    || fb2int_wide(c as u32) > hash_hint_max as u128
                {
                    return Err(at("table size hint too large"));
                }
            }
            OpCode::SelfOp => {
                regs(a, 2)?;
                reg(b)?;
                rk(c)?;
            }
            OpCode::Add
            | OpCode::Sub
            | OpCode::Mul
            | OpCode::Mod
            | OpCode::Pow
            | OpCode::Div
            | OpCode::IDiv
            | OpCode::BAnd
            | OpCode::BOr
            | OpCode::BXor
            | OpCode::Shl
            | OpCode::Shr => {
                reg(a)?;
                rk(b)?;
                rk(c)?;
            }
            OpCode::Concat => {
                reg(a)?;
                if b >= c {
                    return Err(at("bad CONCAT range"));
                }
                reg(c)?;
            }
            OpCode::Jmp => {
                if a > ms {
                    return Err(at("register out of range"));
                }
                jump()?;
            }
            OpCode::Eq | OpCode::Lt | OpCode::Le => {
                rk(b)?;
                rk(c)?;
                next(OpCode::Jmp)?;
            }
            OpCode::Test => {
                reg(a)?;
                next(OpCode::Jmp)?;
            }
            OpCode::TestSet => {
                reg(a)?;
                reg(b)?;
                next(OpCode::Jmp)?;
            }
            OpCode::Call | OpCode::TailCall => {
                reg(a)?;
                if b == 0 {
                    from_top(1)?;
                } else {
                    regs(a, b)?;
                }
                if op == OpCode::Call && c >= 2 {
                    regs(a, c - 1)?;
                }
            }
            OpCode::Return => {
                reg(a)?;
                if b == 0 {
                    from_top(0)?;
                } else if b >= 2 {
                    regs(a, b - 1)?;
                }
            }
            OpCode::ForLoop | OpCode::ForPrep => {
                regs(a, 4)?;
                jump()?;
            }
            OpCode::TForCall => {
                // The call is set up in A+3..A+5; results land in A+3..A+2+C.
                regs(a, 6)?;
                regs(a + 3, c)?;
            }
            OpCode::TForLoop => {
                regs(a, 2)?;
                jump()?;
            }
            OpCode::SetList => {
                reg(a)?;
                if b == 0 {
                    from_top(1)?;
                } else {
                    regs(a, b + 1)?;
                }
                let batch = if c == 0 {
                    next(OpCode::ExtraArg)?.ax_arg() as usize
                } else {
                    c
                };
                // Batch k follows k-1 earlier SETLISTs of the same constructor.
                if batch == 0 || batch - 1 > pc {
                    return Err(at("bad SETLIST batch"));
                }
            }
            OpCode::Closure => {
                reg(a)?;
                if i.bx() as usize >= p.protos.len() {
                    return Err(at("function index out of range"));
                }
            }
            OpCode::Vararg => {
                if !p.is_vararg {
                    return Err(at("VARARG in a function without '...'"));
                }
                reg(a)?;
                if b >= 2 {
                    regs(a, b - 1)?;
                }
            }
            OpCode::ExtraArg => {
                let prev = if pc > 0 { Some(p.code[pc - 1]) } else { None };
                let ok = prev.is_some_and(|pi| {
                    pi.opcode_raw() == OpCode::LoadKx as u8
                        || (pi.opcode_raw() == OpCode::SetList as u8 && pi.c() == 0)
                });
                if !ok {
                    return Err(at("stray EXTRAARG"));
                }
            }
        }
    }
    Ok(())
}

/// `op::fb2int` without overflow: B and C of NEWTABLE come from the input.
fn fb2int_wide(x: u32) -> u128 {
    if x < 8 {
        x as u128
    } else {
        (((x & 7) + 8) as u128) << ((x >> 3) - 1)
    }
}

/// Local variables: their pc ranges lie within the code, and no more of
/// them are live at once than the function has registers (debug.getlocal
/// and setlocal map the n-th live local to register n-1).
fn verify_locvars(p: &Proto) -> Result<(), String> {
    let n = p.code.len() as u32;
    let mut events: Vec<(u32, i32)> = Vec::with_capacity(p.locvars.len() * 2);
    for lv in &p.locvars {
        if lv.start_pc > lv.end_pc || lv.end_pc > n {
            return Err("local variable range out of code".into());
        }
        events.push((lv.start_pc, 1));
        events.push((lv.end_pc, -1));
    }
    // Ends sort before starts at the same pc: [s, e) ranges.
    events.sort_unstable();
    let mut live = 0i32;
    for (_, d) in events {
        live += d;
        if live > p.max_stack as i32 {
            return Err("more live locals than registers".into());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use wlua_vm::op::{BITRK, MAXARG_SBX, rk_as_k};

    fn compile(src: &str) -> Arc<Proto> {
        crate::load::compile(src.as_bytes(), "=test").expect("test source compiles")
    }

    /// Structural equality, floats by bits (NaN constants compare equal).
    fn assert_same(a: &Proto, b: &Proto, strip: bool) {
        assert_eq!(a.code, b.code);
        assert_eq!(a.constants.len(), b.constants.len());
        for (x, y) in a.constants.iter().zip(&b.constants) {
            match (x, y) {
                (Constant::Float(x), Constant::Float(y)) => assert_eq!(x.to_bits(), y.to_bits()),
                _ => assert_eq!(x, y),
            }
        }
        assert_eq!(
            (
                a.num_params,
                a.is_vararg,
                a.max_stack,
                a.line_defined,
                a.last_line_defined
            ),
            (
                b.num_params,
                b.is_vararg,
                b.max_stack,
                b.line_defined,
                b.last_line_defined
            )
        );
        assert_eq!(a.upvalues.len(), b.upvalues.len());
        for (x, y) in a.upvalues.iter().zip(&b.upvalues) {
            assert_eq!((x.in_stack, x.index), (y.in_stack, y.index));
            assert_eq!(if strip { "" } else { &*x.name }, &*y.name);
        }
        if strip {
            assert!(b.lineinfo.is_empty() && b.locvars.is_empty());
            assert_eq!(&*b.source, "=?");
        } else {
            assert_eq!(a.lineinfo, b.lineinfo);
            assert_eq!(a.locvars, b.locvars);
            assert_eq!(a.source, b.source);
        }
        assert_eq!(a.protos.len(), b.protos.len());
        for (x, y) in a.protos.iter().zip(&b.protos) {
            assert_same(x, y, strip);
        }
    }

    const SAMPLE: &str = r#"
        local up, n = {}, 0
        local function counter(step, ...)
            n = n + (step or 1)
            local t = {...}
            for i = 1, #t do up[i] = t[i] end
            for k, v in pairs(up) do n = n + k end
            local nargs = select('#', ...)
            return function() return n, nargs, up end
        end
        local s = "a" .. "b" .. tostring(counter(2, 3, 4))
        local x = 2^53 + 0.5 // 3 % 7 - -1 ~ 5 << 2 >> 1 & 255 | 3
        while n < 100 and x ~= nil do n = n + 1; if n == 50 then break end end
        repeat n = n - 1 until n < 10 or not x
        goto done
        ::done::
        return counter, s, x, 1e308 * 10, -0.0, math.huge, "\0\255"
    "#;

    /// A source whose compiled code uses LOADKX and SETLIST with EXTRAARG.
    fn big_source() -> String {
        let mut s = String::from("local t = {");
        for i in 0..(MAXARG_BX + 100) {
            s.push_str(&format!("{}.5,", i));
        }
        s.push_str("} local h = {");
        for i in 0..300 {
            s.push_str(&format!("k{} = {},", i, i));
        }
        s.push_str("} return t, h");
        s
    }

    #[test]
    fn big_source_needs_extra_args() {
        let p = compile(&big_source());
        assert!(p.code.iter().any(|i| i.op() == OpCode::LoadKx));
        assert!(
            p.code
                .iter()
                .any(|i| i.op() == OpCode::SetList && i.c() == 0)
        );
    }

    #[test]
    fn siphash_matches_the_reference_vector() {
        // The paper's appendix A: key 00..0f, message 00..0e.
        let k0 = u64::from_le_bytes([0, 1, 2, 3, 4, 5, 6, 7]);
        let k1 = u64::from_le_bytes([8, 9, 10, 11, 12, 13, 14, 15]);
        let msg: Vec<u8> = (0..15).collect();
        assert_eq!(siphash24(k0, k1, &msg), 0xa129_ca61_49be_45e5);
        // And the first entry of the reference test vectors (empty input).
        assert_eq!(siphash24(k0, k1, &[]), 0x726f_db47_dd0e_0e31);
    }

    #[test]
    fn chunks_start_like_the_reference_and_round_trip() {
        for src in [SAMPLE.to_string(), big_source(), "return".to_string()] {
            let p = compile(&src);
            for strip in [false, true] {
                let bin = dump(&p, strip);
                assert_eq!(&bin[..33], REFERENCE_HEADER);
                let q = undump(&bin, "=x").expect("own dump loads");
                assert_same(&p, &q, strip);
                // Dumping what was loaded gives the same bytes.
                assert_eq!(dump(&q, strip), bin);
            }
            assert!(dump(&p, true).len() < dump(&p, false).len());
        }
    }

    #[test]
    fn stripped_children_share_the_placeholder_source() {
        let q = undump(&dump(&compile(SAMPLE), true), "=x").unwrap();
        assert!(Arc::ptr_eq(&q.source, &q.protos[0].source));
    }

    /// Every script of the test and benchmark suites compiles to code the
    /// verifier accepts: it must never refuse what the compiler emits.
    #[test]
    fn verifier_accepts_everything_the_compiler_emits() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut files = Vec::new();
        let mut dirs = vec![
            root.join("tests/lua"),
            root.join("benches/lua"),
            root.join("examples"),
        ];
        while let Some(d) = dirs.pop() {
            let Ok(rd) = std::fs::read_dir(&d) else {
                continue;
            };
            for e in rd.flatten() {
                let path = e.path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|x| x == "lua") {
                    files.push(path);
                }
            }
        }
        assert!(files.len() > 100, "found only {} scripts", files.len());
        let mut compiled = 0;
        for f in &files {
            let Ok((src, name)) = crate::load::read_source(f.to_str()) else {
                continue;
            };
            // A deep-nesting test may need more stack than a test thread has.
            let r = std::thread::Builder::new()
                .stack_size(64 << 20)
                .spawn(move || crate::load::compile(&src, &name).ok())
                .unwrap()
                .join()
                .unwrap();
            let Some(p) = r else { continue };
            compiled += 1;
            if let Err(e) = verify(&p) {
                panic!("{}: {}", f.display(), e);
            }
            for strip in [false, true] {
                let q = undump(&dump(&p, strip), "=x")
                    .unwrap_or_else(|e| panic!("{}: {}", f.display(), e));
                assert_same(&p, &q, strip);
            }
        }
        assert!(compiled > 100);
    }

    /// Shapes of code the test suites may not reach: many registers and
    /// upvalues, deep closures, open calls into every consumer, long
    /// constructors, loops that close upvalues.
    #[test]
    fn verifier_accepts_stress_shapes() {
        let mut sources: Vec<String> = Vec::new();
        let locals: Vec<String> = (0..190).map(|i| format!("l{}", i)).collect();
        let args: Vec<String> = (0..60).map(|i| i.to_string()).collect();
        sources.push(format!(
            "local {} = 1 return {}, print({})",
            locals.join(", "),
            locals.join(" + "),
            args.join(", ")
        ));
        let mut deep = String::from("return 1");
        for i in 0..60 {
            deep = format!("local u{i} = {i} return function(...) local x = u{i} {deep} end");
        }
        sources.push(deep);
        let ups: Vec<String> = (0..100).map(|i| format!("v{}", i)).collect();
        sources.push(format!(
            "local {} = 1 return function() return function() return {} end end",
            ups.join(", "),
            ups.join(" + ")
        ));
        let items: Vec<String> = (0..120).map(|i| i.to_string()).collect();
        sources.push(format!(
            r#"local f, o = ... return {{{items}, x = 1, [3] = 4, f()}}, {{...}}, {{f()}}, {{{items}, ...}},
                f(f()), o:m(...), o:m(f()), select('#', ...), (f()), {{o:m(...)}}, f(...), ..."#,
            items = items.join(", ")
        ));
        sources.push(
            r#"local t, s = {}, 0
            for a, b, c, d, e in pairs(t) do s = s + a end
            for i = 1, 10 do for j = i, 1, -1 do s = s + i * j end end
            for i = 1.0, 2, 0.5 do s = s + i end
            for i = 1, 3 do
                local x = i
                t[i] = function() return x end
                if i == 2 then goto continue end
                s = s + x
                ::continue::
            end
            while s > 0 do local y = s t[#t + 1] = function() return y end s = s - 100 end
            repeat local z = s t[#t + 1] = function() return z end until z < 0
            local a, b, c = s < 1, not (s == 2) or t, s <= 3 and s >= 4 and s ~= 5
            local str = "a" .. s .. "b" .. tostring(a) .. (b and "c" or "d")
            return str:upper():lower(), a, b, c, s // 2, s % 3, -s, ~1, #t, s ^ 2"#
                .to_string(),
        );
        sources.push(
            "return function(...) return ... end, function(a, ...) return a, ... end".to_string(),
        );
        for (n, src) in sources.iter().enumerate() {
            let p = compile(src);
            if n == 0 {
                assert!(p.max_stack >= 250, "{}", p.max_stack);
            }
            verify(&p).unwrap_or_else(|e| panic!("source {}: {}", n, e));
            let q =
                undump(&dump(&p, false), "=x").unwrap_or_else(|e| panic!("source {}: {}", n, e));
            assert_same(&p, &q, false);
        }
    }

    #[test]
    fn every_flipped_byte_is_rejected() {
        let bin = dump(&compile(SAMPLE), false);
        for pos in 0..bin.len() {
            for mask in [0x01u8, 0x80, 0xff] {
                let mut b = bin.clone();
                b[pos] ^= mask;
                let e = undump(&b, "=x").expect_err("modified chunk loads");
                assert!(e.starts_with("x: "), "{}", e);
            }
        }
    }

    #[test]
    fn every_truncation_is_rejected_and_extensions_are_ignored() {
        let bin = dump(&compile(SAMPLE), true);
        for len in 0..bin.len() {
            let e = undump(&bin[..len], "=x").expect_err("truncated chunk loads");
            assert_eq!(e, "x: truncated precompiled chunk", "at {}", len);
        }
        // lundump.c reads no further than the main function.
        let mut longer = bin.clone();
        longer.extend_from_slice(b"\0trailing");
        assert!(undump(&longer, "=x").is_ok());
    }

    /// The header `string.pack("c4BBc6BBBBBjn", ...)` gives on lua5.3 (and
    /// the official suite's calls.lua compares).
    const REFERENCE_HEADER: &[u8; 33] = b"\x1bLua\x53\x00\x19\x93\r\n\x1a\n\x04\x08\x04\x08\x08\
          \x78\x56\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x28\x77\x40";

    #[test]
    fn header_errors_read_like_the_reference() {
        let bin = dump(&compile("return 1"), false);
        assert_eq!(&bin[..33], REFERENCE_HEADER);
        let err = |b: &[u8], name: &str| undump(b, name).unwrap_err();
        assert_eq!(err(b"\x1bLu", "=x"), "x: truncated precompiled chunk");
        assert_eq!(err(b"\x1bLuQ", "@f.lua"), "f.lua: not a precompiled chunk");
        assert_eq!(
            err(b"\x1bLua garbage", "\x1bLua garbage"),
            "binary string: version mismatch in precompiled chunk"
        );
        assert_eq!(
            err(b"\x1bLua\x53W", "chunk"),
            "chunk: format mismatch in precompiled chunk"
        );
        // Each header byte plus one, with lua5.3's message for it.
        let whys = [
            "not a",
            "not a",
            "not a",
            "not a",
            "version mismatch in",
            "format mismatch in",
            "corrupted",
            "corrupted",
            "corrupted",
            "corrupted",
            "corrupted",
            "corrupted",
            "int size mismatch in",
            "size_t size mismatch in",
            "Instruction size mismatch in",
            "lua_Integer size mismatch in",
            "lua_Number size mismatch in",
        ];
        for at in 0..33 {
            let mut b = bin.clone();
            b[at] = b[at].wrapping_add(1);
            let why = match at {
                0..17 => whys[at],
                17..25 => "endianness mismatch in",
                _ => "float format mismatch in",
            };
            assert_eq!(
                err(&b, "=x"),
                format!("x: {} precompiled chunk", why),
                "at {}",
                at
            );
            // Cut just after the changed byte: the field is still whole.
            assert_eq!(
                err(&b[..at + 1], "=x").contains("truncated"),
                !matches!(at, 0 | 3 | 4 | 5 | 11 | 12..=16 | 24 | 32),
                "cut at {}",
                at
            );
        }
        let mut other = bin.clone();
        other[37] ^= 1;
        assert_eq!(
            err(&other, "=x"),
            "x: bad binary format (written by another build of wlua)"
        );
    }

    /// `luac5.3 -s` of `return 1` (Lua 5.3.6, x86-64): the reference's
    /// header, then its own function, which wlua does not read.
    const LUAC_CHUNK: &[u8] = b"\x1b\x4c\x75\x61\x53\x00\x19\x93\x0d\x0a\x1a\x0a\x04\x08\x04\x08\
        \x08\x78\x56\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x28\x77\
        \x40\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01\x02\x03\x00\
        \x00\x00\x01\x00\x00\x00\x26\x00\x00\x01\x26\x00\x80\x00\x01\x00\
        \x00\x00\x13\x01\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x01\
        \x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\
        \x00";

    #[test]
    fn chunks_of_the_reference_are_refused() {
        assert_eq!(&LUAC_CHUNK[..33], REFERENCE_HEADER);
        assert_eq!(
            undump(LUAC_CHUNK, "=luac.out").unwrap_err(),
            "luac.out: bad binary format (not written by wlua)"
        );
    }

    #[test]
    fn forged_random_payloads_never_panic() {
        // xorshift64*: deterministic, no dependency.
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut rnd = move || {
            seed ^= seed >> 12;
            seed ^= seed << 25;
            seed ^= seed >> 27;
            seed.wrapping_mul(0x2545_f491_4f6c_dd1d)
        };
        let base = dump(&compile(SAMPLE), false);
        let payload = HEADER_LEN..base.len() - CHECKSUM_LEN;
        let mut accepted = 0;
        for _ in 0..20_000 {
            let mut b = base.clone();
            for _ in 0..1 + rnd() % 4 {
                let pos = payload.start + (rnd() as usize) % payload.len();
                match rnd() % 4 {
                    0 => b[pos] ^= 1 << (rnd() % 8),
                    1 => b[pos] = rnd() as u8,
                    2 => {
                        b.remove(pos);
                    }
                    _ => b.insert(pos, rnd() as u8),
                }
            }
            let b = reseal(b);
            if let Ok(p) = undump(&b, "=x") {
                accepted += 1;
                verify(&p).expect("undump returns verified protos");
            }
        }
        // Most single flips in code land on operands that stay in range;
        // the point is only that nothing panicked on the others.
        assert!(accepted < 20_000);
    }

    /// Runs through most opcodes, every nested function included (shared
    /// with tests/robustness.rs).
    const MUTANT_BASE: &str = include_str!("../../tests/data/mutation_base.lua");

    /// Flips one operand bit somewhere in the tree (never the opcode).
    fn mutate(p: &Proto, rnd: &mut impl FnMut() -> u64) -> Proto {
        let mut q = p.clone();
        let depth = rnd() % 3;
        let mut target = &mut q;
        for _ in 0..depth {
            if target.protos.is_empty() {
                break;
            }
            let k = (rnd() as usize) % target.protos.len();
            target = Arc::make_mut(&mut target.protos[k]);
        }
        let pc = (rnd() as usize) % target.code.len();
        let bit = 6 + rnd() % 26;
        target.code[pc].0 ^= 1 << bit;
        q
    }

    /// Whatever passes the verifier runs without panicking or leaving the
    /// VM's bounds (under the reduction budget, so loops end): mutants of
    /// real code, one operand bit flipped, then verified and run.
    ///
    /// Register reads are raw pointers, so an overrun shows only under a
    /// sanitizer: `RUSTFLAGS=-Zsanitizer=address CARGO_TARGET_DIR=/tmp/asan
    /// cargo +nightly test -p wlua-stdlib --lib --target x86_64-unknown-linux-gnu
    /// dump::tests` (with the register checks or the open-count rule switched
    /// off, this test reports a heap-buffer-overflow or a usize underflow).
    #[test]
    fn verified_mutants_run_safely() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut rnd = move || {
            seed ^= seed >> 12;
            seed ^= seed << 25;
            seed ^= seed >> 27;
            seed.wrapping_mul(0x9e37_79b9_7f4a_7c15)
        };
        let base = compile(MUTANT_BASE);
        let run = |p: Arc<Proto>| {
            let mut vm = wlua_vm::Vm::new();
            crate::open_libs(&mut vm);
            // Only what cannot touch the outside world or allocate without bound.
            for g in [
                "os", "io", "package", "require", "dofile", "loadfile", "load", "debug", "print",
                "string",
            ] {
                vm.set_global(g, wlua_vm::Value::Nil);
            }
            vm.preemptible = true;
            vm.budget = 20_000;
            let f = vm.load_proto(p, None);
            vm.run_main(f, &[wlua_vm::Value::Int(3)])
                .map(|e| (e, vm.main_results().len()))
        };
        // The unmutated program runs to its end.
        let r = run(base.clone());
        assert!(
            matches!(r, Ok((wlua_vm::Exit::Done, 12))),
            "{:?}",
            r.map_err(|e| format!("{:?}", e)).map(|(_, n)| n)
        );
        let (mut ran, mut refused) = (0, 0);
        for _ in 0..20_000 {
            let m = mutate(&base, &mut rnd);
            let Ok(p) = undump(&dump(&m, false), "=mutant") else {
                refused += 1;
                continue;
            };
            let listing = p.disassemble();
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(p)));
            if r.is_err() {
                panic!("a verified mutant panicked:\n{}", listing);
            }
            ran += 1;
        }
        eprintln!("ran {} refused {}", ran, refused);
        assert!(
            ran > 100 && refused > 100,
            "ran {} refused {}",
            ran,
            refused
        );
    }

    /// A forged chunk: a bad proto dumped by the real encoder, so the
    /// header and checksum are right and only the verifier stands between
    /// it and the interpreter.
    fn forged(p: &Proto) -> String {
        undump(&dump(p, false), "=evil")
            .map(|_| ())
            .expect_err("forged proto accepted")
    }

    fn sample() -> Proto {
        (*compile(SAMPLE)).clone()
    }

    #[test]
    fn forged_protos_are_rejected() {
        type Tamper = fn(&mut Proto);
        let ret = Instr::abc(OpCode::Return, 0, 1, 0);
        let cases: Vec<(&str, Tamper)> = vec![
            ("empty code", |p| p.code.clear()),
            ("does not end in RETURN", |p| {
                *p.code.last_mut().unwrap() = Instr::abc(OpCode::Move, 0, 0, 0)
            }),
            ("invalid opcode", |p| p.code[0] = Instr(63)),
            ("register out of range", |p| {
                p.code
                    .insert(0, Instr::abc(OpCode::Move, p.max_stack as u32, 0, 0))
            }),
            ("register out of range", |p| {
                p.code.insert(0, Instr::abc(OpCode::Move, 0, 300, 0))
            }),
            ("register out of range", |p| {
                p.code
                    .insert(0, Instr::abc(OpCode::LoadNil, 0, p.max_stack as u32, 0))
            }),
            ("constant index out of range", |p| {
                p.code.insert(
                    0,
                    Instr::abc(OpCode::Add, 0, rk_as_k(p.constants.len() as u32), 0),
                )
            }),
            ("constant index out of range", |p| {
                p.code.insert(0, Instr::abx(OpCode::LoadK, 0, MAXARG_BX))
            }),
            ("LOADKX not followed by EXTRAARG", |p| {
                p.code.insert(0, Instr::abx(OpCode::LoadKx, 0, 0))
            }),
            ("constant index out of range", |p| {
                p.code.insert(0, Instr::ax(OpCode::ExtraArg, 1 << 20));
                p.code.insert(0, Instr::abx(OpCode::LoadKx, 0, 0));
            }),
            ("jump out of range", |p| {
                p.code.insert(0, Instr::asbx(OpCode::Jmp, 0, 100_000))
            }),
            ("jump out of range", |p| {
                p.code.insert(0, Instr::asbx(OpCode::Jmp, 0, -2))
            }),
            ("jump out of range", |p| {
                p.code
                    .insert(0, Instr::asbx(OpCode::ForPrep, 0, -MAXARG_SBX))
            }),
            ("function index out of range", |p| {
                p.code
                    .insert(0, Instr::abx(OpCode::Closure, 0, p.protos.len() as u32))
            }),
            ("upvalue index out of range", |p| {
                p.code.insert(0, Instr::abc(OpCode::GetUpval, 0, 1, 0))
            }),
            ("upvalue index out of range", |p| {
                p.code
                    .insert(0, Instr::abc(OpCode::SetTabUp, 7, BITRK, BITRK))
            }),
            ("EQ not followed by JMP", |p| {
                p.code.insert(0, Instr::abc(OpCode::Eq, 0, 0, 0))
            }),
            ("open count", |p| {
                p.code.insert(0, Instr::abc(OpCode::Call, 0, 0, 1))
            }),
            ("open count", |p| {
                // The open call sits below the consumer: the count would be negative.
                p.code.insert(0, Instr::abc(OpCode::Return, 1, 0, 0));
                p.code.insert(0, Instr::abc(OpCode::Call, 0, 1, 0));
            }),
            ("bad SETLIST batch", |p| {
                p.code.insert(0, Instr::ax(OpCode::ExtraArg, 0));
                p.code.insert(0, Instr::abc(OpCode::SetList, 0, 1, 0));
            }),
            ("bad SETLIST batch", |p| {
                p.code.insert(0, Instr::abc(OpCode::SetList, 0, 1, 400))
            }),
            ("table size hint too large", |p| {
                p.code.insert(0, Instr::abc(OpCode::NewTable, 0, 511, 0))
            }),
            ("stray EXTRAARG", |p| {
                p.code.insert(0, Instr::ax(OpCode::ExtraArg, 0))
            }),
            ("bad CONCAT range", |p| {
                p.code.insert(0, Instr::abc(OpCode::Concat, 0, 1, 1))
            }),
            ("register out of range", |p| {
                p.code.insert(
                    0,
                    Instr::abc(OpCode::TForCall, p.max_stack as u32 - 5, 0, 1),
                )
            }),
            ("line info does not match code", |p| {
                p.lineinfo.pop();
            }),
            ("max_stack too large", |p| p.max_stack = 255),
            ("max_stack too small", |p| p.max_stack = 1),
            ("more parameters than registers", |p| {
                p.num_params = p.max_stack + 1
            }),
            ("local variable range out of code", |p| {
                p.locvars.push(LocVar {
                    name: "x".into(),
                    start_pc: 0,
                    end_pc: 1 << 30,
                })
            }),
            ("more live locals than registers", |p| {
                let end = p.code.len() as u32;
                for _ in 0..=p.max_stack {
                    p.locvars.push(LocVar {
                        name: "x".into(),
                        start_pc: 0,
                        end_pc: end,
                    });
                }
            }),
            ("upvalue descriptor out of range", |p| {
                let mut c = (*p.protos[0]).clone();
                c.upvalues[0].index = 200;
                c.upvalues[0].in_stack = true;
                p.protos[0] = Arc::new(c);
            }),
            ("upvalue descriptor out of range", |p| {
                let mut c = (*p.protos[0]).clone();
                c.upvalues[0].in_stack = false;
                c.upvalues[0].index = p.upvalues.len() as u8;
                p.protos[0] = Arc::new(c);
            }),
            ("VARARG in a function without '...'", |p| {
                let mut c = (*p.protos[0]).clone();
                c.is_vararg = false;
                p.protos[0] = Arc::new(c);
            }),
        ];
        for (want, tamper) in cases {
            let mut p = sample();
            if p.code.last() != Some(&ret) {
                p.code.push(ret);
                p.lineinfo.push(0);
            }
            tamper(&mut p);
            // Keep the line table in step with inserted instructions unless
            // that is what the case breaks.
            if want != "line info does not match code" {
                p.lineinfo.resize(p.code.len(), 0);
            }
            let e = forged(&p);
            assert!(
                e.starts_with("evil: bad binary format ("),
                "{}: {}",
                want,
                e
            );
            assert!(e.contains(want), "wanted {:?}, got {}", want, e);
        }
    }

    fn nest(depth: usize) -> Proto {
        let leaf = |src: &str| {
            let mut p = Proto::new(Arc::from(src));
            p.code.push(Instr::abc(OpCode::Return, 0, 1, 0));
            p
        };
        let mut p = leaf("=deep");
        for _ in 0..depth {
            let mut q = leaf("=deep");
            q.protos.push(Arc::new(p));
            p = q;
        }
        p
    }

    #[test]
    fn nesting_is_bounded() {
        assert!(undump(&dump(&nest(MAX_DEPTH), false), "=x").is_ok());
        let e = undump(&dump(&nest(MAX_DEPTH + 1), false), "=x").unwrap_err();
        assert_eq!(e, "x: bad binary format (functions nested too deeply)");
        assert!(verify(&nest(MAX_DEPTH + 1)).is_err());
    }

    #[test]
    fn lying_counts_do_not_allocate() {
        // A payload claiming 2^60 instructions is refused before any allocation.
        let mut b = dump(&compile("return"), false);
        // tag, length, source, the two lines, params/vararg/max_stack
        let code_count_at = HEADER_LEN + 2 + "=test".len() + 2 + 3;
        assert_eq!(b[code_count_at], 2); // RETURN, and the closing RETURN
        let huge = [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x10];
        b.splice(code_count_at..code_count_at + 1, huge);
        let e = undump(&reseal(b), "=x").unwrap_err();
        assert_eq!(e, "x: bad binary format (payload ends early)");
    }
}
