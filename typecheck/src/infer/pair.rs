//! The `value, err` idiom: functions whose first two results are a value
//! and an error of which exactly one is nil, and what testing either
//! result of such a call says about the other.
//!
//! Which functions (spec/types.md 4.4 leaves it "Proposed"):
//! - a native whose signature returns `(T?, E?, ...)` with `E` an error
//!   (`string`, `error`, `errors.Error`) and `T` no boolean: the runtime's
//!   contract for expected failures (builtins.rs: `nil, err`), as
//!   `io.open`, `sql`'s methods and `time.parse` follow it. A native whose
//!   value is a boolean may fail with `false, err` (`json.validate`) or
//!   succeed with a status (`os.execute`: `true, "exit", 0`): not linked;
//! - a function with a body whose every `return` gives a non-nil value
//!   and nil (`return v` / `return v, nil`), or nil and a non-nil error
//!   (`return nil, err`), or forwards such a call (`return f(x)`), and
//!   which cannot reach its end. The checker sees each `return`, so the
//!   link is proved, whatever the annotation says (an annotated
//!   `(T?, string?)` whose body returns `nil, nil` somewhere gets none).
//!
//! A function type written in an annotation (`f: () -> (T?, string?)`)
//! has no body to prove it by, so its calls are not linked. Neither is a
//! tested value's falsiness where `T` may be `false`.
//!
//! After `local v, err = f()`: `err` truthy (or `~= nil`) means `v` is
//! nil; `err` nil or falsy means `v` is its non-nil part; `v` non-nil (or
//! truthy) means `err` is nil; `v == nil` (or falsy, when `false` is no
//! value of `T`) means `err` is its non-nil part. Assigning either local
//! ends the link, as for `T:is` (narrow.rs).

use super::*;

/// Does a native's result list follow the `nil, err` contract? Not
/// when the value may be a boolean: such natives may fail with `false,
/// err` (`json.validate`), or give a status besides success (`os.execute`
/// and a pipe's `close` return `true, "exit", 0`).
pub(super) fn native_pair(rets: &[Ty]) -> bool {
    let [v, e, ..] = rets else { return false };
    let value = v.non_nil();
    let value_optional = v.has_nil()
        && !value.is_never()
        && !v.is_any()
        && value.falsy().is_never()
        && !value
            .members()
            .iter()
            .any(|m| matches!(m, Ty::Boolean | Ty::LitBool(_)));
    let error = |m: &Ty| match m {
        Ty::Nil | Ty::String | Ty::LitStr(_) | Ty::Error => true,
        Ty::Object(o) => &*o.name == "errors.Error",
        _ => false,
    };
    value_optional && e.has_nil() && e.members().iter().all(error)
}

/// What the checker knows about one `return` of a function, for the
/// link between its first two results.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum PairReturn {
    /// `return v, nil` with `v` never nil, or `return nil, err` with
    /// `err` never nil, or a forwarded linked call.
    Linked,
    Unlinked,
}

impl Checker {
    /// Classifies a `return` given its first two values' types (`None`
    /// past the end: nil), or a forwarded call of a linked function.
    pub(super) fn pair_return(&self, v: Option<&Ty>, e: Option<&Ty>, forwards: bool) -> PairReturn {
        if forwards {
            return PairReturn::Linked;
        }
        let nil = Ty::Nil;
        let v = self.expand(v.unwrap_or(&nil));
        let e = self.expand(e.unwrap_or(&nil));
        let never_nil =
            |t: &Ty| !t.has_nil() && !t.is_any() && !matches!(t, Ty::Unknown) || t.is_never();
        // An error must be truthy for `if err then` to see it.
        let truthy_error = |t: &Ty| never_nil(t) && t.falsy().is_never();
        if (never_nil(&v) && e == Ty::Nil) || (v == Ty::Nil && truthy_error(&e)) {
            PairReturn::Linked
        } else {
            PairReturn::Unlinked
        }
    }

    /// Records that `local v, err = <call>` linked its two new locals:
    /// `v_ty` and `e_ty` are their types as assigned.
    pub(super) fn pair_facts(&mut self, v: VarId, e: VarId, v_ty: &Ty, e_ty: &Ty) {
        let vt = self.expand(v_ty);
        let et = self.expand(e_ty);
        if vt.is_any() || et.is_any() {
            return;
        }
        let local = |id: VarId| -> Key { (id, Rc::from([])) };
        let value = vt.non_nil();
        let error = et.non_nil();
        if value.is_never() || error.is_never() {
            return;
        }
        let deps = vec![v, e];
        // `err` is a truthy error or nil: a nil test and a truthiness
        // test say the same.
        let set = vec![(local(v), Ty::Nil), (local(e), error.clone())];
        let unset = vec![(local(v), value.clone()), (local(e), Ty::Nil)];
        self.flow.facts.insert(
            e,
            Rc::new(Fact {
                truthy: set.clone(),
                falsy: unset.clone(),
                nonnil: set.clone(),
                isnil: unset.clone(),
                deps: deps.clone(),
            }),
        );
        // `v`: truthy means present; falsy means absent only when no value
        // of its type is `false`.
        let falsy = if value.falsy().is_never() {
            set.clone()
        } else {
            vec![]
        };
        self.flow.facts.insert(
            v,
            Rc::new(Fact {
                truthy: vec![(local(e), Ty::Nil)],
                falsy,
                nonnil: vec![(local(e), Ty::Nil)],
                isnil: set,
                deps,
            }),
        );
    }
}
