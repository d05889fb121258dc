//! The table library (ltablib.c of Lua 5.3.6): `concat`, `insert`, `move`,
//! `pack`, `unpack`, `remove`, `sort`.
//!
//! As the reference, every element access goes through `lua_geti`/`lua_seti`
//! semantics (`__index`/`__newindex` are honoured) and lengths through
//! `luaL_len` (`__len`); a non-table argument is accepted when its metatable
//! has the metamethods the function needs (`checktab`). Plain tables without
//! a metatable take raw fast paths, which cannot call back into Lua.
//!
//! `sort` is the reference's quicksort (`auxsort`), step for step, so that
//! inconsistent comparators and equal elements give the same results and
//! the same "invalid order function for sorting" errors. Its randomized
//! pivot (`l_randomizePivot`, clock- and time-based in C) uses a constant so
//! runs are deterministic.
//!
//! Values held across calls back into Lua live in stack slots (`Anchor`),
//! where the collector sees them, as the reference keeps them on its stack.

use crate::args::{self, arg, check_int, opt_int, type_error};
use wlua_vm::lazy::{TValue, Template};
use wlua_vm::meta::Tm;
use wlua_vm::number::fmt_float;
use wlua_vm::{LuaError, NResult, Ret, Vals, Value, Vm, rets};

/// The `table` table, built on demand in each process (wlua_vm::lazy).
pub static LIB: Template = Template {
    name: "table",
    entries: &[
        ("concat", TValue::Fn(concat)),
        ("insert", TValue::Fn(insert)),
        ("pack", TValue::Fn(pack)),
        ("unpack", TValue::Fn(unpack)),
        ("remove", TValue::Fn(remove)),
        ("move", TValue::Fn(tmove)),
        ("sort", TValue::Fn(sort)),
    ],
    init: None,
};

// ----- helpers shared with the other libraries of this crate ---------------

/// Stack slots above a native's arguments that keep values reachable while
/// the native calls back into Lua (the collector scans a thread's stack up
/// to `top`; Rust locals are invisible to it).
pub(crate) struct Anchor {
    base: usize,
}

impl Anchor {
    pub(crate) fn new(vm: &Vm, n: usize) -> Anchor {
        let th = vm.cur.get_mut();
        let base = th.top;
        th.ensure(base + n);
        for s in &mut th.stack[base..base + n] {
            *s = Value::Nil;
        }
        th.top = base + n;
        Anchor { base }
    }

    #[inline]
    pub(crate) fn set(&self, vm: &Vm, i: usize, v: Value) {
        vm.cur.get_mut().stack[self.base + i] = v;
    }

    #[inline]
    pub(crate) fn get(&self, vm: &Vm, i: usize) -> Value {
        vm.cur.get().stack[self.base + i]
    }

    /// Gives the slots back (the frame's `top` returns to where it was).
    pub(crate) fn release(self, vm: &Vm) {
        let th = vm.cur.get_mut();
        if th.top > self.base {
            th.top = self.base;
        }
    }
}

/// An error raised by the VM on behalf of a native (comparison, length):
/// the reference raises those with `luaG_runerror` while a C function is
/// running, so they carry no position.
pub(crate) fn unprefixed(vm: &mut Vm, e: LuaError) -> LuaError {
    match e {
        LuaError::Msg(m) => LuaError::Value(vm.new_str(m)),
        other => other,
    }
}

/// `lua_compare(L, a, b, LUA_OPLT)`.
pub(crate) fn lua_lt(vm: &mut Vm, a: Value, b: Value) -> Result<bool, LuaError> {
    if let Some(r) = wlua_vm::interp::raw_lt(&a, &b) {
        return Ok(r);
    }
    vm.less_than(a, b).map_err(|e| unprefixed(vm, e))
}

/// `lua_geti`: `t[i]` with `__index`.
#[inline]
pub(crate) fn geti(vm: &mut Vm, t: Value, i: i64) -> Result<Value, LuaError> {
    if let Value::Table(tab) = t {
        let v = tab.get().get_int(i);
        if !v.is_nil() || tab.get().meta.is_none() {
            return Ok(v);
        }
    }
    vm.index(t, Value::Int(i)).map_err(|e| unprefixed(vm, e))
}

/// `lua_seti`: `t[i] = v` with `__newindex`.
#[inline]
pub(crate) fn seti(vm: &mut Vm, t: Value, i: i64, v: Value) -> Result<(), LuaError> {
    if let Value::Table(tab) = t
        && tab.get().meta.is_none()
    {
        tab.get_mut().set_int(i, v);
        return Ok(());
    }
    vm.set_index(t, Value::Int(i), v)
        .map_err(|e| unprefixed(vm, e))
}

/// `luaL_len`: `#v` with `__len`, which must give an integer.
pub(crate) fn len_int(vm: &mut Vm, v: Value) -> Result<i64, LuaError> {
    let n = match v {
        Value::Table(t) if t.get().meta.is_none() => return Ok(t.get().len()),
        Value::Str(s) => return Ok(s.get().len() as i64),
        _ => {
            if let Some(h) = vm.get_tm(&v, Tm::Len) {
                vm.call(h, &[v])?.first().copied().unwrap_or(Value::Nil)
            } else if let Value::Table(t) = v {
                return Ok(t.get().len());
            } else {
                let msg = format!("attempt to get length of a {} value", vm.type_name_meta(&v));
                return Err(LuaError::Value(vm.new_str(msg)));
            }
        }
    };
    match n {
        Value::Int(i) => Ok(i),
        other => other
            .to_integer()
            .ok_or_else(|| LuaError::msg("object length is not an integer")),
    }
}

/// Runs `f` on the array part of `t` when `t` is a table without a
/// metatable whose array part holds the keys `1..=upto`: raw writes there
/// cannot call metamethods, move entries between parts or grow the table.
fn with_raw_array<R>(t: Value, upto: i64, f: impl FnOnce(&mut [Value]) -> R) -> Option<R> {
    let Value::Table(tab) = t else { return None };
    let tab = tab.get_mut();
    if tab.meta.is_some() || upto < 1 || upto as u64 > tab.array.len() as u64 {
        return None;
    }
    tab.tm_absent = 0;
    Some(f(&mut tab.array[..upto as usize]))
}

const TAB_R: u8 = 1;
const TAB_W: u8 = 2;
const TAB_L: u8 = 4;

/// `checktab`: a table, or a value whose metatable has the metamethods
/// for the operations in `what`.
fn check_tab(vm: &mut Vm, args: &Vals, i: usize, what: u8) -> Result<Value, LuaError> {
    let v = arg(args, i);
    if matches!(v, Value::Table(_)) {
        return Ok(v);
    }
    if args.len() > i
        && let Some(mt) = vm.get_metatable(&v)
    {
        let has = |vm: &mut Vm, name: &str| !vm.raw_get_str(mt, name).is_nil();
        if (what & TAB_R == 0 || has(vm, "__index"))
            && (what & TAB_W == 0 || has(vm, "__newindex"))
            && (what & TAB_L == 0 || has(vm, "__len"))
        {
            return Ok(v);
        }
    }
    Err(type_error(vm, args, i, "table"))
}

/// `aux_getn`: checks the table argument and returns it with its length.
fn aux_getn(vm: &mut Vm, args: &Vals, i: usize, what: u8) -> Result<(Value, i64), LuaError> {
    let t = check_tab(vm, args, i, what | TAB_L)?;
    let n = len_int(vm, t)?;
    Ok((t, n))
}

fn is_none_or_nil(args: &Vals, i: usize) -> bool {
    arg(args, i).is_nil()
}

// ----- the library ----------------------------------------------------------

fn insert(vm: &mut Vm, args: Vals) -> NResult {
    let (t, n) = aux_getn(vm, &args, 0, TAB_R | TAB_W)?;
    let e = n.wrapping_add(1); // first empty element
    let pos = match args.len() {
        2 => e,
        3 => {
            let pos = check_int(vm, &args, 1)?;
            // 1 <= pos <= e, signed as in 5.3.6's ltablib.c (e wraps when
            // __len gives maxinteger; 5.4's unsigned test differs for negative e)
            if !(1..=e).contains(&pos) {
                return Err(LuaError::arg(2, "position out of bounds"));
            }
            let v = args[2];
            let shifted = with_raw_array(t, e, |arr| {
                arr.copy_within(pos as usize - 1..e as usize - 1, pos as usize);
                arr[pos as usize - 1] = v;
            });
            if shifted.is_some() {
                return rets![];
            }
            let mut i = e;
            while i > pos {
                let v = geti(vm, t, i - 1)?;
                seti(vm, t, i, v)?;
                i -= 1;
            }
            pos
        }
        _ => return Err(LuaError::msg("wrong number of arguments to 'insert'")),
    };
    seti(vm, t, pos, args[args.len() - 1])?;
    rets![]
}

fn remove(vm: &mut Vm, args: Vals) -> NResult {
    let (t, size) = aux_getn(vm, &args, 0, TAB_R | TAB_W)?;
    let mut pos = opt_int(vm, &args, 1, size)?;
    // validate 'pos' if given: 1 <= pos <= size + 1, signed as in 5.3.6
    // (size + 1 wraps when __len gives maxinteger)
    if pos != size && !(1..=size.wrapping_add(1)).contains(&pos) {
        return Err(LuaError::arg(1, "position out of bounds"));
    }
    if pos >= 1 && pos <= size {
        let removed = with_raw_array(t, size, |arr| {
            let result = arr[pos as usize - 1];
            arr.copy_within(pos as usize..size as usize, pos as usize - 1);
            arr[size as usize - 1] = Value::Nil;
            result
        });
        if let Some(result) = removed {
            return rets![result];
        }
    }
    let anchor = Anchor::new(vm, 1);
    let result = geti(vm, t, pos)?;
    anchor.set(vm, 0, result);
    while pos < size {
        let v = geti(vm, t, pos + 1)?;
        seti(vm, t, pos, v)?;
        pos += 1;
    }
    seti(vm, t, pos, Value::Nil)?;
    let result = anchor.get(vm, 0);
    anchor.release(vm);
    rets![result]
}

/// Copies `a1[f..=e]` to `tt[t..]`, in increasing order when the ranges
/// allow it (better for rehashing), as the reference does.
fn tmove(vm: &mut Vm, args: Vals) -> NResult {
    let f = check_int(vm, &args, 1)?;
    let e = check_int(vm, &args, 2)?;
    let t = check_int(vm, &args, 3)?;
    let tt_idx = if !is_none_or_nil(&args, 4) { 4 } else { 0 };
    let a1 = check_tab(vm, &args, 0, TAB_R)?;
    let tt = check_tab(vm, &args, tt_idx, TAB_W)?;
    if e >= f {
        if !(f > 0 || e < i64::MAX + f) {
            return Err(LuaError::arg(3, "too many elements to move"));
        }
        let n = e - f + 1; // number of elements to move
        if t > i64::MAX - n + 1 {
            return Err(LuaError::arg(4, "destination wrap around"));
        }
        let forward = t > e
            || t <= f
            || (tt_idx != 0 && !vm.equals(a1, tt).map_err(|e| unprefixed(vm, e))?);
        if forward {
            for i in 0..n {
                let v = geti(vm, a1, f + i)?;
                seti(vm, tt, t + i, v)?;
            }
        } else {
            for i in (0..n).rev() {
                let v = geti(vm, a1, f + i)?;
                seti(vm, tt, t + i, v)?;
            }
        }
    }
    rets![tt]
}

/// Appends the string form of `t[i]` (a string or a number) to `buf`.
fn add_field(vm: &mut Vm, buf: &mut Vec<u8>, t: Value, i: i64) -> Result<(), LuaError> {
    match geti(vm, t, i)? {
        Value::Str(s) => buf.extend_from_slice(s.get().as_bytes()),
        Value::Int(n) => buf.extend_from_slice(n.to_string().as_bytes()),
        Value::Float(x) => buf.extend_from_slice(fmt_float(x).as_bytes()),
        other => {
            // The reference formats the index with '%d', which reads an int.
            return Err(LuaError::msg(format!(
                "invalid value ({}) at index {} in table for 'concat'",
                other.type_name(),
                i as i32
            )));
        }
    }
    Ok(())
}

fn concat(vm: &mut Vm, args: Vals) -> NResult {
    let (t, n) = aux_getn(vm, &args, 0, TAB_R)?;
    let sep = match arg(&args, 1) {
        Value::Nil => Vec::new(),
        _ => args::check_bytes(vm, &args, 1)?,
    };
    let mut i = opt_int(vm, &args, 2, 1)?;
    let last = opt_int(vm, &args, 3, n)?;
    let mut buf = Vec::new();
    while i < last {
        add_field(vm, &mut buf, t, i)?;
        buf.extend_from_slice(&sep);
        i += 1;
    }
    if i == last {
        add_field(vm, &mut buf, t, i)?;
    }
    rets![vm.new_str_owned(buf)]
}

fn pack(vm: &mut Vm, args: Vals) -> NResult {
    let n = args.len();
    let t = vm.new_table_sized(n, 1);
    {
        let tab = t.get_mut();
        for (i, v) in args.iter().enumerate() {
            tab.set_int(i as i64 + 1, *v);
        }
    }
    vm.raw_set_str(t, "n", Value::Int(n as i64));
    rets![Value::Table(t)]
}

/// Slots a thread may hold (LUAI_MAXSTACK), for `lua_checkstack`.
const MAX_STACK: u64 = wlua_vm::vm::MAX_STACK as u64;

fn unpack(vm: &mut Vm, args: Vals) -> NResult {
    let t = arg(&args, 0);
    let i = opt_int(vm, &args, 1, 1)?;
    let e = if is_none_or_nil(&args, 2) {
        len_int(vm, t)?
    } else {
        check_int(vm, &args, 2)?
    };
    if i > e {
        return rets![];
    }
    let n = (e as u64).wrapping_sub(i as u64); // number of elements minus 1
    let in_use = vm.cur.get().top as u64 + 5; // + EXTRA_STACK
    if n >= i32::MAX as u64 || in_use + n + 1 > MAX_STACK {
        return Err(LuaError::msg("too many results to unpack"));
    }
    let n = n as usize + 1;
    let mut out = Vals::with_capacity(n);
    match t {
        Value::Table(tab) if tab.get().meta.is_none() => {
            let tab = tab.get();
            for k in 0..n {
                out.push(tab.get_int(i.wrapping_add(k as i64)));
            }
        }
        _ => {
            // `__index` may run: keep the values fetched so far on the stack.
            let anchor = Anchor::new(vm, n);
            for k in 0..n {
                let v = geti(vm, t, i.wrapping_add(k as i64))?;
                anchor.set(vm, k, v);
            }
            for k in 0..n {
                out.push(anchor.get(vm, k));
            }
            anchor.release(vm);
        }
    }
    Ok(Ret::Vals(out))
}

// ----- sort -------------------------------------------------------------------

/// Arrays larger than this may use randomized pivots.
const RANLIMIT: u32 = 100;

/// Stands in for `l_randomizePivot` (clock() + time() in the reference).
const RANDOM_PIVOT: u32 = 0x2545_F491;

/// The state of one `table.sort` call: the table, the order function (nil
/// for `<`), and anchor slots for the pivot and the two values in flight
/// (slot 0: pivot, 1 and 2: elements being compared or swapped).
struct Sorter {
    t: Value,
    f: Value,
    slots: Anchor,
}

impl Sorter {
    /// `sort_comp`: is `a` less than `b` in the sort's order?
    fn less(&self, vm: &mut Vm, a: Value, b: Value) -> Result<bool, LuaError> {
        if self.f.is_nil() {
            lua_lt(vm, a, b)
        } else {
            Ok(vm
                .call(self.f, &[a, b])?
                .first()
                .is_some_and(|v| v.truthy()))
        }
    }

    fn get(&self, vm: &mut Vm, i: u32, slot: usize) -> Result<Value, LuaError> {
        let v = geti(vm, self.t, i as i64)?;
        self.slots.set(vm, slot, v);
        Ok(v)
    }

    fn set(&self, vm: &mut Vm, i: u32, v: Value) -> Result<(), LuaError> {
        seti(vm, self.t, i as i64, v)
    }

    /// `partition`: the pivot P is in slot 0 and equals a[up - 1];
    /// precondition a[lo] <= P == a[up - 1] <= a[up]. Returns the final
    /// position of the pivot.
    fn partition(&self, vm: &mut Vm, lo: u32, up: u32) -> Result<u32, LuaError> {
        let mut i = lo; // will be incremented before first use
        let mut j = up - 1; // will be decremented before first use
        let p = self.slots.get(vm, 0);
        // loop invariant: a[lo .. i] <= P <= a[j .. up]
        loop {
            // repeat ++i while a[i] < P
            let mut ai;
            loop {
                i = i.wrapping_add(1);
                ai = self.get(vm, i, 1)?;
                if !self.less(vm, ai, p)? {
                    break;
                }
                if i == up - 1 {
                    // a[i] < P but a[up - 1] == P ??
                    return Err(LuaError::msg("invalid order function for sorting"));
                }
            }
            // after the loop, a[i] >= P and a[lo .. i - 1] < P
            // repeat --j while P < a[j]
            let mut aj;
            loop {
                j = j.wrapping_sub(1);
                aj = self.get(vm, j, 2)?;
                if !self.less(vm, p, aj)? {
                    break;
                }
                if j < i {
                    // j < i but a[j] > P ??
                    return Err(LuaError::msg("invalid order function for sorting"));
                }
            }
            // after the loop, a[j] <= P and a[j + 1 .. up] >= P
            if j < i {
                // no elements out of place: swap pivot (a[up - 1]) with a[i]
                self.set(vm, up - 1, ai)?;
                self.set(vm, i, p)?;
                return Ok(i);
            }
            // otherwise swap a[i] - a[j] to restore the invariant and repeat
            self.set(vm, i, aj)?;
            self.set(vm, j, ai)?;
        }
    }

    /// `auxsort`: quicksort of a[lo..=up], recursing on the smaller half
    /// and looping on the larger one.
    fn auxsort(&self, vm: &mut Vm, mut lo: u32, mut up: u32, mut rnd: u32) -> Result<(), LuaError> {
        while lo < up {
            // sort elements 'lo', 'p', and 'up'
            let alo = self.get(vm, lo, 1)?;
            let aup = self.get(vm, up, 2)?;
            if self.less(vm, aup, alo)? {
                // a[up] < a[lo]: swap
                self.set(vm, lo, aup)?;
                self.set(vm, up, alo)?;
            }
            if up - lo == 1 {
                break; // only 2 elements, already sorted
            }
            let mut p = if up - lo < RANLIMIT || rnd == 0 {
                (lo + up) / 2 // middle element is a good pivot
            } else {
                choose_pivot(lo, up, rnd)
            };
            let ap = self.get(vm, p, 1)?;
            let alo = self.get(vm, lo, 2)?;
            if self.less(vm, ap, alo)? {
                // a[p] < a[lo]: swap
                self.set(vm, p, alo)?;
                self.set(vm, lo, ap)?;
            } else {
                let aup = self.get(vm, up, 2)?;
                if self.less(vm, aup, ap)? {
                    // a[up] < a[p]: swap
                    self.set(vm, p, aup)?;
                    self.set(vm, up, ap)?;
                }
            }
            if up - lo == 2 {
                break; // only 3 elements, already sorted
            }
            let pivot = self.get(vm, p, 0)?;
            let aup1 = self.get(vm, up - 1, 1)?;
            // swap Pivot (a[p]) with a[up - 1]
            self.set(vm, p, aup1)?;
            self.set(vm, up - 1, pivot)?;
            p = self.partition(vm, lo, up)?;
            let n;
            // a[lo .. p - 1] <= a[p] == P <= a[p + 1 .. up]
            if p - lo < up - p {
                // lower interval is smaller
                self.auxsort(vm, lo, p.wrapping_sub(1), rnd)?;
                n = p - lo;
                lo = p + 1;
            } else {
                self.auxsort(vm, p + 1, up, rnd)?;
                n = up - p;
                up = p.wrapping_sub(1);
            }
            if up.wrapping_sub(lo) / 128 > n {
                // partition too imbalanced: try a new randomization
                rnd = RANDOM_PIVOT;
            }
        }
        Ok(())
    }
}

/// `choosePivot`: an element in the middle half of [lo, up], picked by `rnd`.
fn choose_pivot(lo: u32, up: u32, rnd: u32) -> u32 {
    let r4 = (up - lo) / 4; // range/4
    rnd % (r4 * 2) + (lo + r4)
}

fn sort(vm: &mut Vm, args: Vals) -> NResult {
    let (t, n) = aux_getn(vm, &args, 0, TAB_R | TAB_W)?;
    if n > 1 {
        if n >= i32::MAX as i64 {
            return Err(LuaError::arg(1, "array too big"));
        }
        let f = arg(&args, 1);
        if !f.is_nil() && !f.is_function() {
            return Err(type_error(vm, &args, 1, "function"));
        }
        let sorter = Sorter {
            t,
            f,
            slots: Anchor::new(vm, 3),
        };
        sorter.auxsort(vm, 1, n as u32, 0)?;
        sorter.slots.release(vm);
    }
    rets![]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(vm: &mut Vm, f: wlua_vm::NativeFn, a: &[Value]) -> Result<Vals, LuaError> {
        vm.call(Value::LightFn(f), a)
    }

    fn seq(vm: &mut Vm, items: &[i64]) -> Value {
        let t = vm.new_table();
        for (i, x) in items.iter().enumerate() {
            t.get_mut().set_int(i as i64 + 1, Value::Int(*x));
        }
        Value::Table(t)
    }

    fn ints(t: Value) -> Vec<i64> {
        let Value::Table(t) = t else {
            panic!("not a table")
        };
        let n = t.get().len();
        (1..=n)
            .map(|i| match t.get().get_int(i) {
                Value::Int(x) => x,
                _ => panic!("not an int"),
            })
            .collect()
    }

    #[test]
    fn sort_orders_integers_like_the_reference() {
        let mut vm = Vm::new();
        let data: Vec<i64> = (0..500).map(|i| (i * 7919) % 503 - 250).collect();
        let t = seq(&mut vm, &data);
        call(&mut vm, sort, &[t]).unwrap();
        let mut expect = data.clone();
        expect.sort();
        assert_eq!(ints(t), expect);
    }

    #[test]
    fn insert_and_remove_shift_elements() {
        let mut vm = Vm::new();
        let t = seq(&mut vm, &[1, 2, 3]);
        call(&mut vm, insert, &[t, Value::Int(1), Value::Int(0)]).unwrap();
        assert_eq!(ints(t), vec![0, 1, 2, 3]);
        let r = call(&mut vm, remove, &[t, Value::Int(2)]).unwrap();
        assert!(matches!(r[0], Value::Int(1)));
        assert_eq!(ints(t), vec![0, 2, 3]);
    }

    #[test]
    fn concat_formats_numbers() {
        let mut vm = Vm::new();
        let t = vm.new_table();
        t.get_mut().set_int(1, Value::Float(1.0));
        t.get_mut().set_int(2, Value::Int(2));
        let sep = vm.new_str(", ");
        let r = call(&mut vm, concat, &[Value::Table(t), sep]).unwrap();
        let Value::Str(s) = r[0] else { panic!() };
        assert_eq!(s.get().as_bytes(), b"1.0, 2");
    }

    #[test]
    fn pivot_stays_in_the_middle_half() {
        for (lo, up) in [(1u32, 200u32), (5, 1000), (100, 229)] {
            for rnd in [1u32, 77, RANDOM_PIVOT, u32::MAX] {
                let p = choose_pivot(lo, up, rnd);
                let r4 = (up - lo) / 4;
                assert!(lo + r4 <= p && p <= up - r4);
            }
        }
    }
}
