//! Lua strings: immutable byte strings with a cached hash (lstring.c's
//! role). Equality is by content; identical pointers short-circuit.

/// Strings up to this length are interned per heap, so equal short
/// strings are the same object and compare by pointer (LUAI_MAXSHORTLEN).
pub const MAX_SHORT: usize = 40;

pub struct LuaStr {
    hash: u64,
    data: Box<[u8]>,
}

impl LuaStr {
    pub fn new(data: Box<[u8]>) -> LuaStr {
        let hash = hash_bytes(&data);
        LuaStr { hash, data }
    }

    #[inline(always)]
    pub fn as_bytes(&self) -> &[u8] {
        &self.data
    }

    #[inline(always)]
    pub fn len(&self) -> usize {
        self.data.len()
    }

    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    #[inline(always)]
    pub fn hash(&self) -> u64 {
        self.hash
    }

    #[inline(always)]
    pub fn is_short(&self) -> bool {
        self.data.len() <= MAX_SHORT
    }

    /// Lossy UTF-8 view, for messages.
    pub fn to_str_lossy(&self) -> std::borrow::Cow<'_, str> {
        String::from_utf8_lossy(&self.data)
    }
}

impl PartialEq for LuaStr {
    #[inline]
    fn eq(&self, other: &Self) -> bool {
        self.hash == other.hash && self.data == other.data
    }
}

/// FNV-1a style hash, sampling long strings as the reference does
/// (luaS_hash steps through at most ~32 bytes of a long string).
pub fn hash_bytes(b: &[u8]) -> u64 {
    let len = b.len();
    let mut h: u64 = 0xcbf29ce484222325 ^ (len as u64);
    if len <= 64 {
        for &c in b {
            h = (h ^ c as u64).wrapping_mul(0x100000001b3);
        }
    } else {
        let step = (len >> 5) + 1;
        let mut i = len;
        while i >= step {
            h = (h ^ b[i - 1] as u64).wrapping_mul(0x100000001b3);
            i -= step;
        }
        for &c in &b[..16] {
            h = (h ^ c as u64).wrapping_mul(0x100000001b3);
        }
    }
    h ^ (h >> 29)
}
