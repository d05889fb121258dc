//! wlua-vm: values, the per-process heap and collector, tables, and the
//! register bytecode interpreter. See src/README.md for a map of the files.
pub mod call;
pub mod debuginfo;
pub mod error;
pub mod func;
pub mod gc;
pub mod interp;
pub mod lazy;
pub mod meta;
pub mod number;
pub mod op;
pub mod proto;
pub mod string;
pub mod table;
pub mod thread;
pub mod value;
pub mod vm;

pub use error::{Exit, LuaError};
pub use func::{NResult, NativeFn, Ret, Vals};
pub use gc::Gc;
pub use table::Table;
pub use value::Value;
pub use vm::{Extension, Vm};
