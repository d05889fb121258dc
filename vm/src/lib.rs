//! wlua-vm: values, the per-process heap and collector, tables, and the
//! register bytecode interpreter.
pub mod op;
pub mod proto;
