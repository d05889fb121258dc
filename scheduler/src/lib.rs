//! wlua-sched: the process runtime: work-stealing workers, mailboxes,
//! message copying between heaps, timers, links and monitors.
pub mod blocking;
pub mod channel;
pub mod error_value;
pub mod local;
pub mod message;
pub mod msgobj;
pub mod process;
pub mod runtime;
pub mod timer;
