//! wlua-stdlib: the Lua 5.3 standard library as Rust natives.
