//! Errors raised in the VM (lua_error and friends).
//!
//! A Lua error carries any value. Natives usually raise through the two
//! message variants, which the VM turns into values with the reference's
//! wording and position prefix at the point where it knows the call site
//! (luaL_error adds `where(1)`; luaL_argerror adds the function name).

use crate::value::Value;

#[derive(Debug)]
pub enum LuaError {
    /// An error value, final as it is (`error(v)`, rethrows).
    Value(Value),
    /// A message to prefix with the position of the calling Lua code, as
    /// `luaL_error` does.
    Msg(String),
    /// `bad argument #arg to 'fname' (msg)`, as `luaL_argerror`; the VM
    /// fills in the function name from the call site.
    Arg { arg: usize, msg: String },
    /// A runtime error raised by the interpreter itself, already prefixed.
    Runtime(Value),
}

impl LuaError {
    #[cold]
    pub fn msg(s: impl Into<String>) -> LuaError {
        LuaError::Msg(s.into())
    }

    #[cold]
    pub fn arg(arg: usize, msg: impl Into<String>) -> LuaError {
        LuaError::Arg {
            arg,
            msg: msg.into(),
        }
    }

    /// `bad argument #n to 'f' (T expected, got U)`.
    #[cold]
    pub fn type_arg(arg: usize, expected: &str, got: &Value) -> LuaError {
        LuaError::arg(
            arg,
            format!("{} expected, got {}", expected, typename_for_arg(got)),
        )
    }
}

/// luaL_typeerror uses "no value" for absent arguments; callers pass `None`
/// as `Value::Nil` with `absent` tracked separately when it matters.
pub fn typename_for_arg(v: &Value) -> &'static str {
    v.type_name()
}

/// The result of running the VM until it stops.
#[derive(Debug)]
pub enum Exit {
    /// The entry function returned.
    Done,
    /// The reduction budget ran out; call `resume_run` again later.
    Preempted,
    /// A native returned `Ret::Block`: the task waits for the embedder to
    /// finish that call (`resume_blocked` / `resume_blocked_error`).
    Blocked,
}
