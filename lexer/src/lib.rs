//! wlua-lexer: Lua 5.3 tokens (logos), string escapes and numerals.
