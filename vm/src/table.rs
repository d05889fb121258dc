//! Lua tables (ltable.c's role): an array part for keys `1..=n` and a hash
//! part, sized by the reference's rehash rule so that `#` on tables with
//! holes gives the same border as lua5.3 in the common cases.
//!
//! The hash part is an insertion-ordered entry list indexed by a
//! `hashbrown::HashTable`. An entry whose value becomes nil stays in place
//! (a dead key, as in the reference), so `next` keeps working while fields
//! are assigned or cleared during traversal. Its capacity is a power of two;
//! inserting a new key into a full hash part triggers `rehash`, which
//! recounts integer keys and picks the array size (computesizes).

use crate::gc::{Gc, note_alloc};
use crate::value::{Value, float_to_int};
use hashbrown::HashTable;

/// Hash parts with at most this many entries are searched linearly and
/// have no index.
const SMALL: usize = 8;

/// Largest array part (2^26 slots, as MAXASIZE keeps sizes in range).
const MAXABITS: usize = 26;

pub struct Table {
    pub array: Vec<Value>,
    entries: Vec<(Value, Value)>,
    /// Index into `entries` by key hash, built once the hash part outgrows
    /// `SMALL` (boxed: most tables never need it).
    index: Option<Box<HashTable<u32>>>,
    /// Capacity of the hash part (a power of two, or 0).
    hcap: usize,
    pub meta: Option<Gc<Table>>,
    /// Cache of metamethods known absent when this table is a metatable
    /// (bit per `TmKind`); cleared on every raw write to the table.
    pub tm_absent: u32,
    /// Entries still to come from a library template (lazy.rs).
    lazy: Option<Box<crate::lazy::Lazy>>,
}

#[derive(Debug, PartialEq, Eq)]
pub enum KeyError {
    Nil,
    NaN,
}

#[inline]
fn hash_value(v: &Value) -> u64 {
    let x = match *v {
        Value::Nil => 0,
        Value::Bool(b) => b as u64 + 1,
        Value::Int(i) => i as u64,
        Value::Float(f) => f.to_bits(),
        Value::Str(s) => return s.get().hash(),
        other => other.addr() as u64,
    };
    let h = x.wrapping_mul(0x9E3779B97F4A7C15);
    h ^ (h >> 32)
}

/// Equality of normalised keys: same variant and payload (floats with
/// integral values are already integers; NaN is never a key), short strings
/// by pointer thanks to interning.
#[inline(always)]
fn key_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => x == y || (!x.get().is_short() && x.get() == y.get()),
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Float(x), Value::Float(y)) => x == y,
        _ => a.raw_eq(b),
    }
}

/// Normalises a float key with an integral value to an integer key.
#[inline(always)]
fn norm_key(k: Value) -> Value {
    if let Value::Float(f) = k {
        if let Some(i) = float_to_int(f) {
            return Value::Int(i);
        }
    }
    k
}

/// ceil(log2(x)) for x >= 1.
fn ceil_log2(x: usize) -> usize {
    (usize::BITS - (x - 1).leading_zeros()) as usize
}

impl Default for Table {
    fn default() -> Self {
        Self::new(0, 0)
    }
}

impl Table {
    pub fn new(narray: usize, nhash: usize) -> Table {
        let hcap = if nhash == 0 {
            0
        } else {
            nhash.next_power_of_two()
        };
        note_alloc(narray * 16 + hcap * 36);
        Table {
            array: vec![Value::Nil; narray],
            entries: Vec::with_capacity(hcap),
            index: None,
            hcap,
            meta: None,
            tm_absent: 0,
            lazy: None,
        }
    }

    /// The template this table still fills itself from, if any.
    pub fn template(&self) -> Option<&'static crate::lazy::Template> {
        self.lazy.as_ref().map(|l| l.tpl)
    }

    /// A string entry the template still holds for `key` (not yet
    /// materialised nor overridden); for readers that must not allocate.
    pub fn template_str(&self, key: &str) -> Option<&'static str> {
        let l = self.lazy.as_ref()?;
        let i = crate::lazy::find_entry(l.tpl, key.as_bytes())?;
        if l.taken & (1 << i) != 0 {
            return None;
        }
        match l.tpl.entries[i].1 {
            crate::lazy::TValue::Str(s) => Some(s),
            _ => None,
        }
    }

    /// Makes this table fill itself from `tpl` on demand.
    pub fn make_lazy(&mut self, tpl: &'static crate::lazy::Template, heap_id: u64) {
        self.lazy = Some(Box::new(crate::lazy::Lazy {
            tpl,
            taken: 0,
            heap_id,
        }));
    }

    /// A string key missing from the table: bring it from the template
    /// when it is there and was never taken.
    #[cold]
    #[inline(never)]
    fn lazy_get(&self, key: &Value) -> Value {
        let Some(l) = &self.lazy else {
            return Value::Nil;
        };
        let Value::Str(s) = key else {
            return Value::Nil;
        };
        let Some(i) = crate::lazy::find_entry(l.tpl, s.get().as_bytes()) else {
            return Value::Nil;
        };
        if l.taken & (1 << i) != 0 {
            return Value::Nil;
        }
        let (tpl, heap_id) = (l.tpl, l.heap_id);
        let me = self as *const Table;
        crate::lazy::with_vm(heap_id, |vm| {
            let Some(g) = vm.lib_of(me) else {
                return Value::Nil;
            };
            // Taken first: building the value may look the key up again.
            if let Some(l) = &mut g.get_mut().lazy {
                l.taken |= 1 << i;
            }
            // The key is the heap's (and, for a library name, the
            // runtime's shared) string for this name: no need to intern it.
            let (k, v) = crate::lazy::materialize(vm, tpl, i, Some(*key));
            let t = g.get_mut();
            let present = t.get_str(k);
            if !present.is_nil() {
                return present;
            }
            // Marked taken above: skip set_hash's template lookup.
            t.insert_missing(k, v);
            v
        })
        .unwrap_or(Value::Nil)
    }

    /// Brings in every template entry not yet taken (before a traversal
    /// or a copy); the table is an ordinary table afterwards.
    pub fn materialize_all(&self) {
        let Some(l) = &self.lazy else {
            return;
        };
        let (tpl, heap_id) = (l.tpl, l.heap_id);
        let me = self as *const Table;
        crate::lazy::with_vm(heap_id, |vm| {
            let Some(g) = vm.lib_of(me) else {
                return;
            };
            for i in 0..tpl.entries.len() {
                let taken = g
                    .get()
                    .lazy
                    .as_ref()
                    .is_none_or(|l| l.taken & (1 << i) != 0);
                if taken {
                    continue;
                }
                if let Some(l) = &mut g.get_mut().lazy {
                    l.taken |= 1 << i;
                }
                let (k, v) = crate::lazy::materialize(vm, tpl, i, None);
                let t = g.get_mut();
                if t.get_str(k).is_nil() {
                    t.set_hash(k, v);
                }
            }
            g.get_mut().lazy = None;
        });
    }

    /// A write of a string key the template has: the template must not
    /// bring it back later.
    #[cold]
    fn lazy_take(&mut self, key: &Value) {
        if let (Some(l), Value::Str(s)) = (&mut self.lazy, key) {
            if let Some(i) = crate::lazy::find_entry(l.tpl, s.get().as_bytes()) {
                l.taken |= 1 << i;
            }
        }
    }

    /// Bytes held outside the object itself.
    pub fn heap_size(&self) -> usize {
        self.array.capacity() * 16
            + self.entries.capacity() * 32
            + self.index.as_ref().map_or(0, |i| i.capacity() * 5 + 32)
    }

    #[inline]
    fn find(&self, key: &Value) -> Option<usize> {
        let n = self.entries.len();
        if n <= SMALL {
            // Small hash parts are scanned: with interned strings a key
            // compare is one pointer compare, cheaper than hashing.
            if let Value::Str(ks) = key {
                if ks.get().is_short() {
                    // Field and method names: equal only if the same object.
                    return self
                        .entries
                        .iter()
                        .position(|(k, _)| matches!(k, Value::Str(x) if x == ks));
                }
            }
            return self.entries.iter().position(|(k, _)| key_eq(k, key));
        }
        let h = hash_value(key);
        self.index
            .as_ref()?
            .find(h, |&i| key_eq(&self.entries[i as usize].0, key))
            .map(|&i| i as usize)
    }

    #[inline]
    pub fn get_int(&self, i: i64) -> Value {
        let u = i.wrapping_sub(1) as u64;
        if u < self.array.len() as u64 {
            // SAFETY: bounds checked just above.
            return unsafe { *self.array.get_unchecked(u as usize) };
        }
        match self.find(&Value::Int(i)) {
            Some(e) => self.entries[e].1,
            None => Value::Nil,
        }
    }

    #[inline]
    pub fn get_str(&self, key: Value) -> Value {
        match self.find(&key) {
            Some(e) => self.entries[e].1,
            None if self.lazy.is_some() => self.lazy_get(&key),
            None => Value::Nil,
        }
    }

    /// Raw get (lua_rawget).
    #[inline]
    pub fn get(&self, key: Value) -> Value {
        match key {
            Value::Int(i) => self.get_int(i),
            Value::Nil => Value::Nil,
            Value::Float(f) => match float_to_int(f) {
                Some(i) => self.get_int(i),
                None => self.get_str(key),
            },
            _ => self.get_str(key),
        }
    }

    /// Raw set (lua_rawset): errors on nil and NaN keys.
    pub fn set(&mut self, key: Value, val: Value) -> Result<(), KeyError> {
        self.tm_absent = 0;
        let key = match key {
            Value::Nil => return Err(KeyError::Nil),
            Value::Float(f) if f.is_nan() => return Err(KeyError::NaN),
            k => norm_key(k),
        };
        if let Value::Int(i) = key {
            self.set_int(i, val);
            return Ok(());
        }
        self.set_hash(key, val);
        Ok(())
    }

    #[inline]
    pub fn set_int(&mut self, i: i64, val: Value) {
        self.tm_absent = 0;
        let u = i.wrapping_sub(1) as u64;
        if u < self.array.len() as u64 {
            self.array[u as usize] = val;
            return;
        }
        self.set_hash(Value::Int(i), val);
    }

    fn set_hash(&mut self, key: Value, val: Value) {
        if let Some(e) = self.find(&key) {
            self.entries[e].1 = val;
            return;
        }
        if self.lazy.is_some() {
            self.lazy_take(&key);
        }
        if val.is_nil() {
            return;
        }
        self.insert_missing(key, val);
    }

    /// Adds a non-nil value under a key known to be absent (and, in a lazy
    /// table, already marked taken).
    fn insert_missing(&mut self, key: Value, val: Value) {
        if self.entries.len() >= self.hcap {
            self.rehash(&key);
            // The key may now belong in the array part.
            if let Value::Int(i) = key {
                let u = i.wrapping_sub(1) as u64;
                if u < self.array.len() as u64 {
                    self.array[u as usize] = val;
                    return;
                }
            }
        }
        self.insert_new(key, val);
    }

    fn insert_new(&mut self, key: Value, val: Value) {
        let idx = self.entries.len() as u32;
        self.entries.push((key, val));
        let entries = &self.entries;
        if entries.len() == SMALL + 1 {
            // Crossing the scan limit: index every entry.
            let mut index = HashTable::with_capacity(self.hcap);
            for (i, (k, _)) in entries.iter().enumerate() {
                index.insert_unique(hash_value(k), i as u32, |&j| {
                    hash_value(&entries[j as usize].0)
                });
            }
            self.index = Some(Box::new(index));
        } else if let Some(index) = self.index.as_mut() {
            index.insert_unique(hash_value(&key), idx, |&i| {
                hash_value(&entries[i as usize].0)
            });
        }
    }

    /// Counts integer keys per power-of-two slice (numusearray/numusehash),
    /// picks the array size, and rebuilds both parts (luaH_resize).
    fn rehash(&mut self, extra: &Value) {
        // A table of named fields only (records, library tables filling
        // in): the reference's sizing gives no array part and a hash part
        // of the next power of two, so grow in place instead of rebuilding.
        if self.array.is_empty()
            && !matches!(extra, Value::Int(_) | Value::Float(_))
            && self
                .entries
                .iter()
                .all(|(k, v)| !v.is_nil() && !matches!(k, Value::Int(_)))
        {
            let before = self.heap_size();
            self.hcap = (self.entries.len() + 1).next_power_of_two();
            self.entries.reserve_exact(self.hcap - self.entries.len());
            let after = self.heap_size();
            if after > before {
                note_alloc(after - before);
            }
            return;
        }
        let mut nums = [0usize; MAXABITS + 1];
        let mut na = 0usize;
        // Array part.
        let mut lim = 1usize;
        let mut i = 1usize;
        for (lg, n) in nums.iter_mut().enumerate() {
            let mut lc = 0;
            let mut lim_hi = lim;
            if lim_hi > self.array.len() {
                lim_hi = self.array.len();
                if i > lim_hi {
                    break;
                }
            }
            while i <= lim_hi {
                if !self.array[i - 1].is_nil() {
                    lc += 1;
                }
                i += 1;
            }
            *n += lc;
            na += lc;
            let _ = lg;
            lim *= 2;
        }
        let mut total = na;
        let count_int = |k: &Value, nums: &mut [usize; MAXABITS + 1]| -> usize {
            if let Value::Int(i) = *k {
                if i >= 1 && (i as u64) <= (1u64 << MAXABITS) {
                    nums[ceil_log2(i as usize)] += 1;
                    return 1;
                }
            }
            0
        };
        for (k, v) in self.entries.iter() {
            if !v.is_nil() {
                na += count_int(k, &mut nums);
                total += 1;
            }
        }
        na += count_int(extra, &mut nums);
        total += 1;
        // computesizes
        let mut a = 0usize;
        let mut nna = 0usize;
        let mut optimal = 0usize;
        let mut twotoi = 1usize;
        let mut idx = 0;
        while idx <= MAXABITS && na > twotoi / 2 {
            if nums[idx] > 0 {
                a += nums[idx];
                if a > twotoi / 2 {
                    optimal = twotoi;
                    nna = a;
                }
            }
            idx += 1;
            twotoi *= 2;
        }
        self.resize(optimal, total - nna);
    }

    /// Resizes to `nasize` array slots and room for `nhsize` hash entries.
    pub fn resize(&mut self, nasize: usize, nhsize: usize) {
        let old_entries = std::mem::take(&mut self.entries);
        let before = self.heap_size();
        let mut spill = Vec::new();
        if nasize < self.array.len() {
            for (j, v) in self.array.drain(nasize..).enumerate() {
                if !v.is_nil() {
                    spill.push((Value::Int((nasize + j + 1) as i64), v));
                }
            }
        } else {
            self.array.resize(nasize, Value::Nil);
        }
        self.hcap = if nhsize == 0 {
            0
        } else {
            nhsize.next_power_of_two()
        };
        self.entries = Vec::with_capacity(self.hcap);
        self.index = None;
        for (k, v) in old_entries.into_iter().chain(spill) {
            if v.is_nil() {
                continue;
            }
            if let Value::Int(i) = k {
                let u = i.wrapping_sub(1) as u64;
                if u < self.array.len() as u64 {
                    self.array[u as usize] = v;
                    continue;
                }
            }
            if self.entries.len() >= self.hcap {
                // Only when sizes were forced too small by the caller.
                self.hcap = (self.hcap * 2).max(1);
            }
            self.insert_new(k, v);
        }
        let after = self.heap_size();
        if after > before {
            note_alloc(after - before);
        }
    }

    /// The border `#t` (luaH_getn).
    pub fn len(&self) -> i64 {
        let mut j = self.array.len();
        if j > 0 && self.array[j - 1].is_nil() {
            let mut i = 0;
            while j - i > 1 {
                let m = (i + j) / 2;
                if self.array[m - 1].is_nil() {
                    j = m;
                } else {
                    i = m;
                }
            }
            return i as i64;
        }
        if self.hcap == 0 {
            return j as i64;
        }
        // unbound_search
        let mut i = j as u64;
        let mut j = i + 1;
        while !self.get_int(j as i64).is_nil() {
            i = j;
            if j > (i64::MAX as u64) / 2 {
                let mut i = 1;
                while !self.get_int(i).is_nil() {
                    i += 1;
                }
                return i - 1;
            }
            j *= 2;
        }
        while j - i > 1 {
            let m = (i + j) / 2;
            if self.get_int(m as i64).is_nil() {
                j = m;
            } else {
                i = m;
            }
        }
        i as i64
    }

    pub fn is_empty(&self) -> bool {
        self.materialize_all();
        self.array.iter().all(|v| v.is_nil()) && self.entries.iter().all(|(_, v)| v.is_nil())
    }

    /// The traversal step of `next`: the entry after `key` (nil: the first).
    /// `Err` when `key` is not in the table.
    pub fn next(&self, key: Value) -> Result<Option<(Value, Value)>, ()> {
        if self.lazy.is_some() {
            self.materialize_all();
        }
        let key = norm_key(key);
        let mut start_arr = 0usize;
        let mut start_hash = 0usize;
        match key {
            Value::Nil => {}
            Value::Int(i) if i >= 1 && (i as u64) <= self.array.len() as u64 => {
                start_arr = i as usize;
            }
            _ => match self.find(&key) {
                Some(e) => {
                    start_arr = self.array.len();
                    start_hash = e + 1;
                }
                None => return Err(()),
            },
        }
        for i in start_arr..self.array.len() {
            if !self.array[i].is_nil() {
                return Ok(Some((Value::Int(i as i64 + 1), self.array[i])));
            }
        }
        for e in start_hash..self.entries.len() {
            let (k, v) = self.entries[e];
            if !v.is_nil() {
                return Ok(Some((k, v)));
            }
        }
        Ok(None)
    }

    /// Every live pair (for the collector and copying).
    pub fn iter_all(&self) -> impl Iterator<Item = (Value, Value)> + '_ {
        self.array
            .iter()
            .enumerate()
            .filter(|(_, v)| !v.is_nil())
            .map(|(i, v)| (Value::Int(i as i64 + 1), *v))
            .chain(self.entries.iter().filter(|(_, v)| !v.is_nil()).copied())
    }

    /// The weakness declared by the metatable's `__mode` (keys, values).
    pub fn weak_mode(&self) -> (bool, bool) {
        let Some(mt) = self.meta else {
            return (false, false);
        };
        let mt = mt.get();
        for (k, v) in mt.entries.iter() {
            if let (Value::Str(ks), Value::Str(vs)) = (k, v) {
                if ks.get().as_bytes() == b"__mode" {
                    let m = vs.get().as_bytes();
                    return (m.contains(&b'k'), m.contains(&b'v'));
                }
            }
        }
        (false, false)
    }

    /// Removes entries whose weak key or value was not marked.
    pub fn clear_weak(&mut self, keys: bool, values: bool) {
        let (wk, wv) = self.weak_mode();
        if wv && values {
            for v in self.array.iter_mut() {
                if !crate::gc::is_alive(*v) {
                    *v = Value::Nil;
                }
            }
        }
        for (k, v) in self.entries.iter_mut() {
            if v.is_nil() {
                continue;
            }
            if (wv && values && !crate::gc::is_alive(*v))
                || (wk && keys && !crate::gc::is_alive(*k))
            {
                *v = Value::Nil;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sequence_goes_to_the_array_part() {
        let mut t = Table::new(0, 0);
        for i in 1..=100 {
            t.set_int(i, Value::Int(i * 2));
        }
        assert_eq!(t.len(), 100);
        assert_eq!(t.array.len(), 128);
        assert!(matches!(t.get_int(50), Value::Int(100)));
    }

    #[test]
    fn float_keys_with_integral_values_are_integers() {
        let mut t = Table::new(0, 0);
        t.set(Value::Float(3.0), Value::Bool(true)).unwrap();
        assert!(t.get(Value::Int(3)).truthy());
        assert_eq!(
            t.set(Value::Float(f64::NAN), Value::Nil),
            Err(KeyError::NaN)
        );
        assert_eq!(t.set(Value::Nil, Value::Nil), Err(KeyError::Nil));
    }

    #[test]
    fn next_survives_clearing_fields() {
        let mut t = Table::new(0, 0);
        for i in 0..10 {
            t.set(Value::Float(i as f64 + 0.5), Value::Int(i)).unwrap();
        }
        let mut k = Value::Nil;
        let mut n = 0;
        while let Ok(Some((nk, _))) = t.next(k) {
            t.set(nk, Value::Nil).unwrap();
            k = nk;
            n += 1;
        }
        assert_eq!(n, 10);
        assert!(t.is_empty());
    }
}
