//! wlua-typecheck: the gradual type checker behind `wlua check`.
//!
//! A skeleton for now: the checker proper arrives with the typed-dialect
//! issue. It already walks nothing and reports nothing, so `wlua check`
//! on any file that parses is clean.
