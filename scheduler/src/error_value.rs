//! The Rust side of an `errors` value (spec/errors.md): what the `errors`
//! module stores in the userdata it creates, and what the message copier
//! recognises so error values can travel between processes (exit results,
//! payloads).
//!
//! An error value is a full userdata whose `data` is an [`ErrorData`], whose
//! metatable is the table stored in the registry under [`ERROR_META_KEY`],
//! and whose user value is either nil or a table with the Lua-valued parts:
//! `details` (any table) and `cause` (the wrapped error value).

/// Registry key of the metatable every error value shares (one per heap).
pub const ERROR_META_KEY: &str = "wlua.error";

/// The kinds `errors` exports; a kind is its own name.
pub const KINDS: [&str; 11] = [
    "UNKNOWN",
    "INVALID",
    "NOT_FOUND",
    "ALREADY_EXISTS",
    "PERMISSION_DENIED",
    "UNAVAILABLE",
    "INTERNAL",
    "CANCELED",
    "CONFLICT",
    "TIMEOUT",
    "RATE_LIMITED",
];

#[derive(Clone, Debug, PartialEq)]
pub struct ErrorData {
    /// The full message (a wrapper's message already includes its cause's).
    pub message: String,
    /// One of [`KINDS`].
    pub kind: String,
    /// `true`, `false`, or unknown.
    pub retryable: Option<bool>,
    /// The Lua traceback where the error was created, when captured.
    pub stack: Option<String>,
}
