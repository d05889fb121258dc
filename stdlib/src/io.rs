//! The io library (liolib.c of Lua 5.3.6) and the process-wide standard
//! streams.
//!
//! A file handle is a userdata (`LStream`, metatable `FILE*` in the
//! registry, as `luaL_newmetatable` makes it) pointing to a `Stream`: a file
//! descriptor with its own read and write buffers, standing in for a C
//! `FILE`. Streams follow stdio's rules where scripts can see them: full,
//! line or no buffering (`setvbuf`), read-ahead given back before a write
//! or a seek, a sticky end-of-file flag cleared by each `read`, and errors
//! reported with the C library's `strerror` text and errno.
//!
//! The standard streams are process-wide (`STDIN`, `STDOUT`, `STDERR`), so
//! `print` (base.rs, through `stdout_write`) and `io.write` share one
//! buffered stdout in every VM of the process. Stdout is flushed before
//! stdin is read, before stderr is written, and by `flush_all`, which also
//! flushes every open file (C's `fflush(NULL)`): `io.popen` and `os.exit`
//! call it, and the embedding must call it at exit.

use crate::args::{self, arg, check_int, check_option, check_str, opt_int, type_error};
use crate::math::upvalue;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::io::IntoRawFd;
use std::os::unix::process::ExitStatusExt;
use std::sync::{Arc, LazyLock, Mutex, MutexGuard, Weak};
use wlua_vm::gc::Gc;
use wlua_vm::lazy::{TValue, Template};
use wlua_vm::number::fmt_g;
use wlua_vm::value::UserData;
use wlua_vm::{LuaError, NResult, Ret, Vals, Value, Vm, rets};

/// Registry key of the file handle metatable (LUA_FILEHANDLE).
const FILEHANDLE: &str = "FILE*";
const IO_INPUT: &str = "_IO_input";
const IO_OUTPUT: &str = "_IO_output";
/// Default buffer size of a stream (glibc uses the block size, 4096 here).
const BUFSIZ: usize = 4096;
/// `setvbuf`'s default size argument (LUAL_BUFFERSIZE).
const LUAL_BUFFERSIZE: i64 = 8192;
/// Longest numeral `read("n")` accepts (L_MAXLENNUM).
const MAXLENNUM: usize = 200;
/// Most formats `lines` keeps for its iterator (MAXARGLINE).
const MAXARGLINE: usize = 250;

// ----- streams ------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum BufMode {
    No,
    Full,
    Line,
}

/// An open file descriptor with stdio-like buffering (C's `FILE`).
pub(crate) struct Stream {
    /// -1 once closed.
    fd: i32,
    /// Closing the stream closes the descriptor (not for 0, 1 and 2).
    owned: bool,
    readable: bool,
    writable: bool,
    /// Read-ahead: `rbuf[rpos..]` is not consumed yet.
    rbuf: Vec<u8>,
    rpos: usize,
    /// Written but not yet flushed.
    wbuf: Vec<u8>,
    mode: BufMode,
    size: usize,
    /// The error indicator (`ferror`), holding the errno.
    err: Option<i32>,
    /// The end-of-file indicator (sticky until `clearerr`).
    eof: bool,
    /// The command behind an `io.popen` stream.
    child: Option<std::process::Child>,
}

type Shared = Arc<Mutex<Stream>>;

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// The C library's message for `code`, as `strerror` gives it.
pub(crate) fn strerror(code: i32) -> String {
    let mut buf = [0 as libc::c_char; 256];
    // SAFETY: the buffer is valid for its length and strerror_r (XSI)
    // NUL-terminates what it writes.
    let r = unsafe { libc::strerror_r(code, buf.as_mut_ptr(), buf.len()) };
    if r != 0 {
        return format!("Unknown error {}", code);
    }
    // SAFETY: NUL-terminated by strerror_r.
    unsafe { std::ffi::CStr::from_ptr(buf.as_ptr()) }
        .to_string_lossy()
        .into_owned()
}

impl Stream {
    fn new(fd: i32, owned: bool, readable: bool, writable: bool, mode: BufMode) -> Stream {
        Stream {
            fd,
            owned,
            readable,
            writable,
            rbuf: Vec::new(),
            rpos: 0,
            wbuf: Vec::new(),
            mode,
            size: BUFSIZ,
            err: None,
            eof: false,
            child: None,
        }
    }

    /// `clearerr`.
    fn clear_err(&mut self) {
        self.err = None;
        self.eof = false;
    }

    fn write_fd(&mut self, mut data: &[u8]) -> Result<(), i32> {
        while !data.is_empty() {
            // SAFETY: `data` is valid for its length.
            let n = unsafe { libc::write(self.fd, data.as_ptr().cast(), data.len()) };
            if n < 0 {
                let e = errno();
                if e == libc::EINTR {
                    continue;
                }
                self.err = Some(e);
                return Err(e);
            }
            data = &data[n as usize..];
        }
        Ok(())
    }

    /// Writes out the write buffer (`fflush`).
    fn flush(&mut self) -> Result<(), i32> {
        if self.wbuf.is_empty() {
            return Ok(());
        }
        let buf = std::mem::take(&mut self.wbuf);
        let r = self.write_fd(&buf);
        let mut buf = buf;
        buf.clear();
        self.wbuf = buf;
        r
    }

    /// Makes read-ahead available; false at end of file or on error.
    fn fill(&mut self) -> bool {
        if self.rpos < self.rbuf.len() {
            return true;
        }
        if self.eof || self.fd < 0 {
            return false;
        }
        if !self.readable {
            self.err = Some(libc::EBADF);
            return false;
        }
        if self.flush().is_err() {
            return false;
        }
        let cap = if self.mode == BufMode::No {
            1
        } else {
            self.size.max(1)
        };
        self.rbuf.clear();
        self.rbuf.resize(cap, 0);
        self.rpos = 0;
        loop {
            // SAFETY: `rbuf` has `cap` writable bytes.
            let n = unsafe { libc::read(self.fd, self.rbuf.as_mut_ptr().cast(), cap) };
            if n < 0 {
                let e = errno();
                if e == libc::EINTR {
                    continue;
                }
                self.err = Some(e);
                self.rbuf.clear();
                return false;
            }
            self.rbuf.truncate(n as usize);
            if n == 0 {
                self.eof = true;
                return false;
            }
            return true;
        }
    }

    /// The next byte without consuming it (`getc` + `ungetc`).
    #[inline]
    fn peek(&mut self) -> Option<u8> {
        if self.fill() {
            Some(self.rbuf[self.rpos])
        } else {
            None
        }
    }

    /// The unread part of the read-ahead (after a successful `fill`).
    fn available(&self) -> &[u8] {
        &self.rbuf[self.rpos..]
    }

    /// Gives unread read-ahead back to the descriptor, so that the file
    /// position is the logical one again.
    fn drop_read_ahead(&mut self) {
        let unread = self.rbuf.len() - self.rpos;
        if unread > 0 {
            // SAFETY: plain system call; failure (pipes) leaves the position.
            unsafe { libc::lseek(self.fd, -(unread as libc::off_t), libc::SEEK_CUR) };
        }
        self.rbuf.clear();
        self.rpos = 0;
    }

    /// `fwrite`: false when the data could not be written.
    fn write(&mut self, data: &[u8]) -> bool {
        if !self.writable || self.fd < 0 {
            self.err = Some(libc::EBADF);
            return false;
        }
        self.drop_read_ahead();
        match self.mode {
            BufMode::No => self.flush().is_ok() && self.write_fd(data).is_ok(),
            BufMode::Full => {
                self.wbuf.extend_from_slice(data);
                self.wbuf.len() < self.size || self.flush().is_ok()
            }
            BufMode::Line => {
                // As glibc: flush through the last newline, buffer the rest.
                let (head, tail) = match data.iter().rposition(|&c| c == b'\n') {
                    Some(i) => data.split_at(i + 1),
                    None => (&data[..0], data),
                };
                let mut ok = true;
                if !head.is_empty() {
                    self.wbuf.extend_from_slice(head);
                    ok = self.flush().is_ok();
                }
                self.wbuf.extend_from_slice(tail);
                if self.wbuf.len() >= self.size {
                    ok = self.flush().is_ok() && ok;
                }
                ok
            }
        }
    }

    /// `fseek` + `ftell`: the new position.
    fn seek(&mut self, whence: i32, offset: i64) -> Result<i64, i32> {
        self.flush()?;
        let unread = (self.rbuf.len() - self.rpos) as i64;
        let off = if whence == libc::SEEK_CUR {
            offset.wrapping_sub(unread)
        } else {
            offset
        };
        // SAFETY: plain system call.
        let r = unsafe { libc::lseek(self.fd, off as libc::off_t, whence) };
        if r < 0 {
            return Err(errno());
        }
        self.rbuf.clear();
        self.rpos = 0;
        self.eof = false;
        Ok(r as i64)
    }

    fn setvbuf(&mut self, mode: BufMode, size: usize) {
        let _ = self.flush();
        self.mode = mode;
        self.size = size.max(1);
    }

    /// `fclose`: flushes and closes the descriptor.
    fn close(&mut self) -> Result<(), i32> {
        let r = self.flush();
        if self.owned && self.fd >= 0 {
            // SAFETY: the descriptor is ours and closed once (fd := -1).
            let c = unsafe { libc::close(self.fd) };
            if c != 0 && r.is_ok() {
                self.fd = -1;
                return Err(errno());
            }
        }
        self.fd = -1;
        r
    }

    /// `pclose`: closes the pipe and waits for the command; the raw wait
    /// status, or -1 with the errno.
    fn pclose(&mut self) -> Result<i32, i32> {
        let _ = self.close();
        match self.child.take() {
            Some(mut c) => match c.wait() {
                Ok(st) => Ok(st.into_raw()),
                Err(e) => Err(e.raw_os_error().unwrap_or(libc::ECHILD)),
            },
            None => Err(libc::ECHILD),
        }
    }
}

impl Drop for Stream {
    fn drop(&mut self) {
        if self.fd >= 0 {
            let _ = self.close();
        }
    }
}

fn lock(s: &Shared) -> MutexGuard<'_, Stream> {
    s.lock().unwrap_or_else(|e| e.into_inner())
}

/// Every stream that may hold buffered output, for `flush_all`.
static OPEN: Mutex<Vec<Weak<Mutex<Stream>>>> = Mutex::new(Vec::new());

fn register(s: Stream) -> Shared {
    let s = Arc::new(Mutex::new(s));
    let mut open = OPEN.lock().unwrap_or_else(|e| e.into_inner());
    open.retain(|w| w.strong_count() > 0);
    open.push(Arc::downgrade(&s));
    s
}

fn isatty(fd: i32) -> bool {
    // SAFETY: plain library call.
    unsafe { libc::isatty(fd) == 1 }
}

static STDIN: LazyLock<Shared> =
    LazyLock::new(|| register(Stream::new(0, false, true, false, BufMode::Full)));
static STDOUT: LazyLock<Shared> = LazyLock::new(|| {
    let mode = if isatty(1) {
        BufMode::Line
    } else {
        BufMode::Full
    };
    register(Stream::new(1, false, false, true, mode))
});
static STDERR: LazyLock<Shared> =
    LazyLock::new(|| register(Stream::new(2, false, false, true, BufMode::No)));

/// Writes to the process's buffered stdout (shared by `print`, `io.write`
/// and `io.stdout`).
pub fn stdout_write(bytes: &[u8]) {
    lock(&STDOUT).write(bytes);
}

/// Flushes the process's stdout buffer. `print` calls this after each
/// line: the reference's `lua_writeline` is `fwrite("\n")` + `fflush(stdout)`.
pub fn stdout_flush() {
    let _ = lock(&STDOUT).flush();
}

/// Flushes stdout, then writes to stderr (unbuffered).
pub fn stderr_write(bytes: &[u8]) {
    let _ = lock(&STDOUT).flush();
    lock(&STDERR).write(bytes);
}

/// Flushes every stream with buffered output, stdout included
/// (`fflush(NULL)`). Call at exit.
pub fn flush_all() {
    let streams: Vec<Shared> = {
        let open = OPEN.lock().unwrap_or_else(|e| e.into_inner());
        open.iter().filter_map(|w| w.upgrade()).collect()
    };
    let _ = lock(&STDOUT).flush();
    for s in streams {
        let _ = lock(&s).flush();
    }
}

/// Opens `path` as `fopen` does with a mode already checked by
/// `check_mode`; the errno on failure.
fn fopen(path: &[u8], mode: &[u8]) -> Result<Stream, i32> {
    let plus = mode.get(1) == Some(&b'+');
    let (mut flags, readable, writable) = match (mode[0], plus) {
        (b'r', false) => (libc::O_RDONLY, true, false),
        (b'r', true) => (libc::O_RDWR, true, true),
        (b'w', false) => (libc::O_WRONLY | libc::O_CREAT | libc::O_TRUNC, false, true),
        (b'w', true) => (libc::O_RDWR | libc::O_CREAT | libc::O_TRUNC, true, true),
        (_, false) => (libc::O_WRONLY | libc::O_CREAT | libc::O_APPEND, false, true),
        (_, true) => (libc::O_RDWR | libc::O_CREAT | libc::O_APPEND, true, true),
    };
    flags |= libc::O_CLOEXEC;
    let c = c_string(path);
    // SAFETY: `c` is NUL-terminated.
    let fd = unsafe { libc::open(c.as_ptr(), flags, 0o666 as libc::c_uint) };
    if fd < 0 {
        return Err(errno());
    }
    if mode[0] == b'a' && !plus {
        // glibc's fopen starts a write-only "a" stream at the end (so `seek("cur")`
        // reports the size at once); "a+" starts at 0.
        // SAFETY: `fd` is a descriptor just opened above.
        unsafe { libc::lseek(fd, 0, libc::SEEK_END) };
    }
    Ok(Stream::new(fd, true, readable, writable, BufMode::Full))
}

/// A C string of `b` up to its first NUL (what C functions see).
pub(crate) fn c_string(b: &[u8]) -> std::ffi::CString {
    let end = b.iter().position(|&c| c == 0).unwrap_or(b.len());
    std::ffi::CString::new(&b[..end]).unwrap_or_default()
}

/// `l_checkmode`: `[rwa]%+?b*`.
fn check_mode(mode: &[u8]) -> bool {
    match mode.split_first() {
        Some((c, rest)) if b"rwa".contains(c) => {
            let rest = rest.strip_prefix(b"+").unwrap_or(rest);
            rest.iter().all(|&c| c == b'b')
        }
        _ => false,
    }
}

// ----- results shared with os ----------------------------------------------------

/// `luaL_fileresult`: true, or nil, message (prefixed with `fname`), errno.
pub(crate) fn file_result(vm: &mut Vm, r: Result<(), i32>, fname: Option<&[u8]>) -> NResult {
    match r {
        Ok(()) => rets![Value::Bool(true)],
        Err(en) => fail_result(vm, en, fname),
    }
}

pub(crate) fn fail_result(vm: &mut Vm, en: i32, fname: Option<&[u8]>) -> NResult {
    let mut msg = Vec::new();
    if let Some(f) = fname {
        msg.extend_from_slice(c_string(f).as_bytes()); // printed with '%s'
        msg.extend_from_slice(b": ");
    }
    msg.extend_from_slice(strerror(en).as_bytes());
    rets![Value::Nil, vm.new_str_owned(msg), Value::Int(en as i64)]
}

/// `luaL_execresult` for a raw wait status (or an errno when it failed).
pub(crate) fn exec_result(vm: &mut Vm, stat: Result<i32, i32>) -> NResult {
    let stat = match stat {
        Ok(s) => s,
        Err(en) => return fail_result(vm, en, None),
    };
    let (what, code) = if libc::WIFEXITED(stat) {
        ("exit", libc::WEXITSTATUS(stat))
    } else if libc::WIFSIGNALED(stat) {
        ("signal", libc::WTERMSIG(stat))
    } else {
        ("exit", stat)
    };
    let ok = if what == "exit" && code == 0 {
        Value::Bool(true)
    } else {
        Value::Nil
    };
    rets![ok, vm.new_str(what), Value::Int(code as i64)]
}

// ----- file handles -----------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// stdin, stdout, stderr: `close` refuses (io_noclose).
    Std,
    File,
    /// From `io.popen`: `close` waits for the command.
    Pipe,
}

/// The userdata behind a Lua file handle (luaL_Stream).
pub struct LStream {
    /// None once closed.
    stream: Option<Shared>,
    kind: Kind,
}

fn file_meta(vm: &mut Vm) -> Option<Gc<wlua_vm::Table>> {
    let reg = vm.registry;
    match vm.raw_get_str(reg, FILEHANDLE) {
        Value::Table(t) => Some(t),
        _ => None,
    }
}

fn new_file(vm: &mut Vm, s: Shared, kind: Kind) -> Value {
    let mt = file_meta(vm);
    let ud = vm.new_userdata(
        Box::new(LStream {
            stream: Some(s),
            kind,
        }),
        None,
    );
    vm.set_metatable(&ud, mt);
    ud
}

fn lstream(u: &Gc<UserData>) -> Option<&mut LStream> {
    u.get_mut().data.downcast_mut::<LStream>()
}

/// `luaL_testudata(L, i, "FILE*")`.
fn test_file(vm: &mut Vm, v: Value) -> Option<Gc<UserData>> {
    match v {
        Value::UserData(u) if u.get().meta.is_some() && u.get().meta == file_meta(vm) => {
            lstream(&u).map(|_| u)
        }
        _ => None,
    }
}

/// `luaL_checkudata(L, i, "FILE*")`.
fn check_file(vm: &mut Vm, args: &Vals, i: usize) -> Result<Gc<UserData>, LuaError> {
    match test_file(vm, arg(args, i)) {
        Some(u) if args.len() > i => Ok(u),
        _ => Err(type_error(vm, args, i, FILEHANDLE)),
    }
}

/// `tofile`: an open file handle's stream.
fn to_file(vm: &mut Vm, args: &Vals, i: usize) -> Result<Shared, LuaError> {
    let u = check_file(vm, args, i)?;
    match lstream(&u).and_then(|l| l.stream.clone()) {
        Some(s) => Ok(s),
        None => Err(LuaError::msg("attempt to use a closed file")),
    }
}

/// `aux_close`: closes the handle as its kind requires.
fn aux_close(vm: &mut Vm, u: Gc<UserData>) -> NResult {
    crate::process::before_blocking(vm);
    let Some(l) = lstream(&u) else { return rets![] };
    match l.kind {
        Kind::Std => {
            let msg = vm.new_str("cannot close standard file");
            rets![Value::Nil, msg]
        }
        Kind::File => match l.stream.take() {
            Some(s) => {
                let r = lock(&s).close();
                file_result(vm, r, None)
            }
            None => rets![],
        },
        Kind::Pipe => match l.stream.take() {
            Some(s) => {
                let r = lock(&s).pclose();
                exec_result(vm, r)
            }
            None => rets![],
        },
    }
}

/// The default input or output file and its stream (`getiofile`).
fn get_io_file(vm: &mut Vm, key: &str) -> Result<(Value, Shared), LuaError> {
    let reg = vm.registry;
    let f = vm.raw_get_str(reg, key);
    let s = match f {
        Value::UserData(u) => lstream(&u).and_then(|l| l.stream.clone()),
        _ => None,
    };
    match s {
        Some(s) => Ok((f, s)),
        None => Err(LuaError::msg(format!(
            "standard {} file is closed",
            &key[4..]
        ))),
    }
}

/// `opencheck`: opens a file or raises `cannot open file`.
fn open_check(vm: &mut Vm, name: &[u8], mode: &[u8]) -> Result<Value, LuaError> {
    match fopen(name, mode) {
        Ok(s) => {
            let s = register(s);
            Ok(new_file(vm, s, Kind::File))
        }
        Err(en) => Err(LuaError::msg(format!(
            "cannot open file '{}' ({})",
            String::from_utf8_lossy(c_string(name).as_bytes()),
            strerror(en)
        ))),
    }
}

// ----- reading ------------------------------------------------------------------------

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// `read_number`: reads the longest prefix that can start a numeral (at
/// most 200 characters), then converts it as `lua_stringtonumber`.
fn read_number(s: &mut Stream) -> Option<Value> {
    struct Rn<'a> {
        s: &'a mut Stream,
        buf: Vec<u8>,
        overflow: bool,
    }
    impl Rn<'_> {
        /// Accepts the current character (`nextc`).
        fn next(&mut self) -> bool {
            if self.buf.len() >= MAXLENNUM {
                self.overflow = true;
                return false;
            }
            match self.s.peek() {
                Some(c) => {
                    self.buf.push(c);
                    self.s.rpos += 1;
                    true
                }
                None => false,
            }
        }
        /// Accepts the current character if it is in `set` (`test2`).
        fn test2(&mut self, set: &[u8; 2]) -> bool {
            match self.s.peek() {
                Some(c) if c == set[0] || c == set[1] => self.next(),
                _ => false,
            }
        }
        fn digits(&mut self, hex: bool) -> usize {
            let mut count = 0;
            while let Some(c) = self.s.peek() {
                let ok = if hex {
                    c.is_ascii_hexdigit()
                } else {
                    c.is_ascii_digit()
                };
                if !ok || !self.next() {
                    break;
                }
                count += 1;
            }
            count
        }
    }
    while let Some(c) = s.peek() {
        if !is_space(c) {
            break;
        }
        s.rpos += 1;
    }
    let mut rn = Rn {
        s,
        buf: Vec::new(),
        overflow: false,
    };
    let mut count = 0;
    let mut hex = false;
    rn.test2(b"-+"); // optional sign
    if rn.test2(b"00") {
        if rn.test2(b"xX") {
            hex = true;
        } else {
            count = 1; // the initial '0' is a digit
        }
    }
    count += rn.digits(hex); // integral part
    if rn.test2(b"..") {
        count += rn.digits(hex); // fractional part
    }
    if count > 0 && rn.test2(if hex { b"pP" } else { b"eE" }) {
        rn.test2(b"-+"); // exponent sign
        rn.digits(false);
    }
    if rn.overflow {
        return None;
    }
    wlua_vm::value::str_to_number(&rn.buf)
}

/// `read_line`: a line without (`chop`) or with its newline; false when
/// nothing at all could be read.
fn read_line(s: &mut Stream, chop: bool, out: &mut Vec<u8>) -> bool {
    let mut newline = false;
    while s.fill() {
        let avail = s.available();
        match avail.iter().position(|&c| c == b'\n') {
            Some(i) => {
                out.extend_from_slice(&avail[..i]);
                s.rpos += i + 1;
                newline = true;
                break;
            }
            None => {
                out.extend_from_slice(avail);
                s.rpos = s.rbuf.len();
            }
        }
    }
    if newline && !chop {
        out.push(b'\n');
    }
    newline || !out.is_empty()
}

fn read_all(s: &mut Stream, out: &mut Vec<u8>) {
    while s.fill() {
        out.extend_from_slice(s.available());
        s.rpos = s.rbuf.len();
    }
}

/// `read_chars`: up to `n` bytes; false when none could be read.
fn read_chars(s: &mut Stream, n: u64, out: &mut Vec<u8>) -> bool {
    let mut left = n;
    while left > 0 && s.fill() {
        let avail = s.available();
        let k = (avail.len() as u64).min(left) as usize;
        out.extend_from_slice(&avail[..k]);
        s.rpos += k;
        left -= k as u64;
    }
    left < n
}

/// `g_read`: reads with the formats `args[first..]` (argument numbers in
/// messages are their indices + 1).
fn g_read(vm: &mut Vm, sh: &Shared, args: &Vals, first: usize) -> NResult {
    crate::process::before_blocking(vm);
    if Arc::ptr_eq(sh, &STDIN) {
        let _ = lock(&STDOUT).flush();
    }
    let mut s = lock(sh);
    s.clear_err();
    let mut out = Vals::new();
    let mut success;
    if args.len() <= first {
        let mut line = Vec::new();
        success = read_line(&mut s, true, &mut line);
        out.push(vm.new_str_owned(line));
    } else {
        success = true;
        let mut n = first;
        while n < args.len() && success {
            let mut buf = Vec::new();
            if let Value::Int(_) | Value::Float(_) = args[n] {
                let l = check_int(vm, args, n)?;
                if l == 0 {
                    success = s.peek().is_some(); // test_eof
                } else {
                    if l < 0 {
                        // a size_t too large to allocate
                        return Err(LuaError::msg("not enough memory for buffer allocation"));
                    }
                    success = read_chars(&mut s, l as u64, &mut buf);
                }
                out.push(vm.new_str_owned(buf));
            } else {
                let p = check_str(vm, args, n)?;
                let p = p.get().as_bytes();
                let p = p.strip_prefix(b"*").unwrap_or(p);
                match p.first() {
                    Some(b'n') => {
                        let v = read_number(&mut s);
                        success = v.is_some();
                        out.push(v.unwrap_or(Value::Nil));
                    }
                    Some(b'l') => {
                        success = read_line(&mut s, true, &mut buf);
                        out.push(vm.new_str_owned(buf));
                    }
                    Some(b'L') => {
                        success = read_line(&mut s, false, &mut buf);
                        out.push(vm.new_str_owned(buf));
                    }
                    Some(b'a') => {
                        read_all(&mut s, &mut buf);
                        success = true;
                        out.push(vm.new_str_owned(buf));
                    }
                    _ => return Err(LuaError::arg(n + 1, "invalid format")),
                }
            }
            n += 1;
        }
    }
    if let Some(en) = s.err {
        drop(s);
        return fail_result(vm, en, None);
    }
    if !success {
        out.pop();
        out.push(Value::Nil);
    }
    Ok(Ret::Vals(out))
}

/// `g_write`: writes `args[first..]`; returns `file` or the failure triple.
fn g_write(vm: &mut Vm, sh: &Shared, args: &Vals, first: usize, file: Value) -> NResult {
    if Arc::ptr_eq(sh, &STDERR) {
        let _ = lock(&STDOUT).flush();
    }
    let mut status = true;
    for i in first..args.len() {
        let ok = match args[i] {
            Value::Int(n) => lock(sh).write(n.to_string().as_bytes()),
            Value::Float(x) => lock(sh).write(fmt_g(x, 14).as_bytes()),
            _ => {
                let s = check_str(vm, args, i)?;
                lock(sh).write(s.get().as_bytes())
            }
        };
        status = status && ok;
    }
    if status {
        return rets![file];
    }
    let en = lock(sh).err.unwrap_or(libc::EIO);
    fail_result(vm, en, None)
}

// ----- the library ------------------------------------------------------------------

/// The `io` table, built on demand in each process (wlua_vm::lazy); the
/// file metatable and the standard files are made with it.
pub static LIB: Template = Template {
    name: "io",
    entries: &[
        ("close", TValue::Fn(io_close)),
        ("flush", TValue::Fn(io_flush)),
        ("input", TValue::Fn(io_input)),
        ("lines", TValue::Fn(io_lines)),
        ("open", TValue::Fn(io_open)),
        ("output", TValue::Fn(io_output)),
        ("popen", TValue::Fn(io_popen)),
        ("read", TValue::Fn(io_read)),
        ("tmpfile", TValue::Fn(io_tmpfile)),
        ("type", TValue::Fn(io_type)),
        ("write", TValue::Fn(io_write)),
    ],
    init: Some(init),
};

fn init(vm: &mut Vm, t: Gc<wlua_vm::Table>) {
    let mt = vm.new_table();
    args::register(
        vm,
        mt,
        &[
            ("close", f_close),
            ("flush", f_flush),
            ("lines", f_lines),
            ("read", f_read),
            ("seek", f_seek),
            ("setvbuf", f_setvbuf),
            ("write", f_write),
            ("__gc", f_gc),
            ("__tostring", f_tostring),
        ],
    );
    vm.raw_set_str(mt, "__index", Value::Table(mt));
    let name = vm.new_str(FILEHANDLE);
    vm.raw_set_str(mt, "__name", name);
    let reg = vm.registry;
    vm.raw_set_str(reg, FILEHANDLE, Value::Table(mt));
    for (s, key, field) in [
        (&STDIN, Some(IO_INPUT), "stdin"),
        (&STDOUT, Some(IO_OUTPUT), "stdout"),
        (&STDERR, None, "stderr"),
    ] {
        let f = new_file(vm, Arc::clone(s), Kind::Std);
        if let Some(k) = key {
            vm.raw_set_str(reg, k, f);
        }
        vm.raw_set_str(t, field, f);
    }
}

fn io_type(vm: &mut Vm, args: Vals) -> NResult {
    args::check_any(&args, 0)?;
    let name = match test_file(vm, args[0]) {
        None => return rets![Value::Nil],
        Some(u) => match lstream(&u).map(|l| l.stream.is_some()) {
            Some(true) => "file",
            _ => "closed file",
        },
    };
    rets![vm.new_str(name)]
}

fn f_tostring(vm: &mut Vm, args: Vals) -> NResult {
    let u = check_file(vm, &args, 0)?;
    let s = match lstream(&u).and_then(|l| l.stream.as_ref()) {
        None => "file (closed)".to_string(),
        Some(s) => format!("file ({:p})", Arc::as_ptr(s)),
    };
    rets![vm.new_str(s)]
}

fn f_close(vm: &mut Vm, args: Vals) -> NResult {
    to_file(vm, &args, 0)?;
    let u = check_file(vm, &args, 0)?;
    aux_close(vm, u)
}

fn io_close(vm: &mut Vm, args: Vals) -> NResult {
    if args.is_empty() {
        let reg = vm.registry;
        let out = vm.raw_get_str(reg, IO_OUTPUT);
        return f_close(vm, smallvec::smallvec![out]);
    }
    f_close(vm, args)
}

fn f_gc(vm: &mut Vm, args: Vals) -> NResult {
    let u = check_file(vm, &args, 0)?;
    if lstream(&u).is_some_and(|l| l.stream.is_some()) {
        let _ = aux_close(vm, u);
    }
    rets![]
}

fn io_open(vm: &mut Vm, args: Vals) -> NResult {
    let name = args::check_bytes(vm, &args, 0)?;
    let mode = match arg(&args, 1) {
        Value::Nil => b"r".to_vec(),
        _ => args::check_bytes(vm, &args, 1)?,
    };
    if !check_mode(&mode) {
        return Err(LuaError::arg(2, "invalid mode"));
    }
    match fopen(&name, &mode) {
        Ok(s) => {
            let s = register(s);
            rets![new_file(vm, s, Kind::File)]
        }
        Err(en) => fail_result(vm, en, Some(&name)),
    }
}

fn io_popen(vm: &mut Vm, args: Vals) -> NResult {
    crate::process::before_blocking(vm);
    let cmd = args::check_bytes(vm, &args, 0)?;
    let mode = match arg(&args, 1) {
        Value::Nil => b"r".to_vec(),
        _ => args::check_bytes(vm, &args, 1)?,
    };
    if mode != b"r" && mode != b"w" {
        return Err(LuaError::arg(2, "invalid mode"));
    }
    flush_all();
    let line = c_string(&cmd);
    let mut c = std::process::Command::new("/bin/sh");
    c.arg("-c")
        .arg(std::ffi::OsStr::from_bytes(line.as_bytes()));
    let reading = mode == b"r";
    if reading {
        c.stdout(std::process::Stdio::piped());
    } else {
        c.stdin(std::process::Stdio::piped());
    }
    let mut child = match c.spawn() {
        Ok(ch) => ch,
        Err(e) => return fail_result(vm, e.raw_os_error().unwrap_or(libc::EINVAL), Some(&cmd)),
    };
    let fd = if reading {
        child.stdout.take().map(|p| p.into_raw_fd())
    } else {
        child.stdin.take().map(|p| p.into_raw_fd())
    };
    let Some(fd) = fd else {
        return fail_result(vm, libc::EINVAL, Some(&cmd));
    };
    let mut s = Stream::new(fd, true, reading, !reading, BufMode::Full);
    s.child = Some(child);
    let s = register(s);
    rets![new_file(vm, s, Kind::Pipe)]
}

fn io_tmpfile(vm: &mut Vm, _args: Vals) -> NResult {
    let mut template = *b"/tmp/tmpfXXXXXX\0";
    // SAFETY: the template is a writable NUL-terminated buffer.
    let fd = unsafe { libc::mkostemp(template.as_mut_ptr().cast(), libc::O_CLOEXEC) };
    if fd < 0 {
        return fail_result(vm, errno(), None);
    }
    // SAFETY: the name was just created by mkostemp.
    unsafe { libc::unlink(template.as_ptr().cast()) };
    let s = register(Stream::new(fd, true, true, true, BufMode::Full));
    rets![new_file(vm, s, Kind::File)]
}

/// `g_iofile`: sets (from a file name or handle) and returns the default
/// input or output file.
fn g_iofile(vm: &mut Vm, args: &Vals, key: &str, mode: &[u8]) -> NResult {
    let a = arg(args, 0);
    if !a.is_nil() {
        let f = match a {
            Value::Str(_) | Value::Int(_) | Value::Float(_) => {
                let name = args::check_bytes(vm, args, 0)?;
                open_check(vm, &name, mode)?
            }
            _ => {
                to_file(vm, args, 0)?;
                a
            }
        };
        let reg = vm.registry;
        vm.raw_set_str(reg, key, f);
    }
    let reg = vm.registry;
    rets![vm.raw_get_str(reg, key)]
}

fn io_input(vm: &mut Vm, args: Vals) -> NResult {
    g_iofile(vm, &args, IO_INPUT, b"r")
}

fn io_output(vm: &mut Vm, args: Vals) -> NResult {
    g_iofile(vm, &args, IO_OUTPUT, b"w")
}

/// `aux_lines`: the iterator over `args[0]` (a file) with the formats
/// `args[1..]`, closing the file at the end when `toclose`.
fn aux_lines(vm: &mut Vm, args: &Vals, toclose: bool) -> NResult {
    let n = args.len() - 1;
    if n > MAXARGLINE {
        return Err(LuaError::arg(MAXARGLINE + 2, "too many arguments"));
    }
    let mut up = vec![args[0], Value::Int(n as i64), Value::Bool(toclose)];
    up.extend_from_slice(&args[1..]);
    rets![vm.new_native(io_readline, up)]
}

fn f_lines(vm: &mut Vm, args: Vals) -> NResult {
    to_file(vm, &args, 0)?;
    aux_lines(vm, &args, false)
}

fn io_lines(vm: &mut Vm, mut args: Vals) -> NResult {
    if args.is_empty() {
        args.push(Value::Nil);
    }
    let toclose = if args[0].is_nil() {
        let reg = vm.registry;
        args[0] = vm.raw_get_str(reg, IO_INPUT);
        to_file(vm, &args, 0)?;
        false
    } else {
        let name = args::check_bytes(vm, &args, 0)?;
        args[0] = open_check(vm, &name, b"r")?;
        true
    };
    aux_lines(vm, &args, toclose)
}

/// The iterator made by `lines`: upvalues are the file, the number of
/// formats, whether to close the file at the end, and the formats.
fn io_readline(vm: &mut Vm, _args: Vals) -> NResult {
    crate::process::before_blocking(vm);
    let file = upvalue(vm, 0);
    let n = match upvalue(vm, 1) {
        Value::Int(n) => n as usize,
        _ => 0,
    };
    let stream = match file {
        Value::UserData(u) => lstream(&u).and_then(|l| l.stream.clone()),
        _ => None,
    };
    let Some(stream) = stream else {
        return Err(LuaError::msg("file is already closed"));
    };
    // As the reference's stack: the file at 1, the formats from 2 on.
    let mut fmts = Vals::with_capacity(n + 1);
    fmts.push(file);
    for i in 0..n {
        fmts.push(upvalue(vm, 3 + i));
    }
    let Ret::Vals(r) = g_read(vm, &stream, &fmts, 1)? else {
        return rets![];
    };
    if r.first().is_some_and(|v| v.truthy()) {
        return Ok(Ret::Vals(r));
    }
    if r.len() > 1 {
        // error information: the message
        let msg = match r[1] {
            Value::Str(s) => s.get().to_str_lossy().into_owned(),
            _ => String::new(),
        };
        return Err(LuaError::msg(msg));
    }
    if upvalue(vm, 2).truthy() {
        if let Value::UserData(u) = file {
            aux_close(vm, u)?;
        }
    }
    rets![]
}

fn io_read(vm: &mut Vm, args: Vals) -> NResult {
    let (_, s) = get_io_file(vm, IO_INPUT)?;
    g_read(vm, &s, &args, 0)
}

fn f_read(vm: &mut Vm, args: Vals) -> NResult {
    let s = to_file(vm, &args, 0)?;
    g_read(vm, &s, &args, 1)
}

fn io_write(vm: &mut Vm, args: Vals) -> NResult {
    let (f, s) = get_io_file(vm, IO_OUTPUT)?;
    g_write(vm, &s, &args, 0, f)
}

fn f_write(vm: &mut Vm, args: Vals) -> NResult {
    let s = to_file(vm, &args, 0)?;
    g_write(vm, &s, &args, 1, args[0])
}

fn f_seek(vm: &mut Vm, args: Vals) -> NResult {
    let s = to_file(vm, &args, 0)?;
    let op = check_option(vm, &args, 1, Some("cur"), &["set", "cur", "end"])?;
    let offset = opt_int(vm, &args, 2, 0)?;
    let whence = [libc::SEEK_SET, libc::SEEK_CUR, libc::SEEK_END][op];
    let r = lock(&s).seek(whence, offset);
    match r {
        Ok(pos) => rets![Value::Int(pos)],
        Err(en) => fail_result(vm, en, None),
    }
}

fn f_setvbuf(vm: &mut Vm, args: Vals) -> NResult {
    let s = to_file(vm, &args, 0)?;
    let op = check_option(vm, &args, 1, None, &["no", "full", "line"])?;
    let size = opt_int(vm, &args, 2, LUAL_BUFFERSIZE)?;
    let mode = [BufMode::No, BufMode::Full, BufMode::Line][op];
    lock(&s).setvbuf(mode, size.clamp(1, 1 << 30) as usize);
    rets![Value::Bool(true)]
}

fn io_flush(vm: &mut Vm, _args: Vals) -> NResult {
    let (_, s) = get_io_file(vm, IO_OUTPUT)?;
    let r = lock(&s).flush();
    file_result(vm, r, None)
}

fn f_flush(vm: &mut Vm, args: Vals) -> NResult {
    let s = to_file(vm, &args, 0)?;
    let r = lock(&s).flush();
    file_result(vm, r, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_stream(content: &[u8]) -> Stream {
        let mut template = *b"/tmp/wlua_io_testXXXXXX\0";
        // SAFETY: writable NUL-terminated template.
        let fd = unsafe { libc::mkstemp(template.as_mut_ptr().cast()) };
        assert!(fd >= 0);
        // SAFETY: created just above.
        unsafe { libc::unlink(template.as_ptr().cast()) };
        let mut s = Stream::new(fd, true, true, true, BufMode::Full);
        assert!(s.write(content));
        s.seek(libc::SEEK_SET, 0).unwrap();
        s
    }

    #[test]
    fn modes_follow_l_checkmode() {
        for ok in ["r", "w", "a", "r+", "w+b", "rb", "a+bb"] {
            assert!(check_mode(ok.as_bytes()), "{ok}");
        }
        for bad in ["", "rw", "x", "br", "r+x", "++"] {
            assert!(!check_mode(bad.as_bytes()), "{bad}");
        }
    }

    #[test]
    fn numerals_are_read_like_the_reference() {
        let mut s = temp_stream(b"  0x1F  -3.5e2 .5 1e 12abc 0x 00012");
        let mut got = Vec::new();
        for _ in 0..4 {
            got.push(format!("{:?}", read_number(&mut s)));
        }
        assert_eq!(got, ["Some(31)", "Some(-350.0)", "Some(0.5)", "None"]);
        let mut rest = Vec::new();
        read_line(&mut s, true, &mut rest);
        assert_eq!(rest, b" 12abc 0x 00012");
    }

    #[test]
    fn long_numerals_fail_after_two_hundred_characters() {
        let digits = vec![b'1'; 250];
        let mut s = temp_stream(&digits);
        assert!(read_number(&mut s).is_none());
        let mut rest = Vec::new();
        read_all(&mut s, &mut rest);
        assert_eq!(rest.len(), 50);
    }

    #[test]
    fn writes_after_reads_land_at_the_logical_position() {
        let mut s = temp_stream(b"hello world");
        let mut buf = Vec::new();
        assert!(read_chars(&mut s, 6, &mut buf));
        assert!(s.write(b"W"));
        assert_eq!(s.seek(libc::SEEK_CUR, 0), Ok(7));
        s.seek(libc::SEEK_SET, 0).unwrap();
        buf.clear();
        read_all(&mut s, &mut buf);
        assert_eq!(buf, b"hello World");
    }

    #[test]
    fn errors_use_the_c_library_text() {
        assert_eq!(strerror(libc::ENOENT), "No such file or directory");
        assert_eq!(strerror(libc::EBADF), "Bad file descriptor");
    }
}
