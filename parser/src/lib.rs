//! wlua-parser: the LALR grammar (lalrpop) for Lua 5.3 and the typed dialect.
pub mod ast;
