//! wlua-compiler: AST → register bytecode (`wlua_vm::proto::Proto`).
