//! wlua-sched: the process runtime: work-stealing workers, mailboxes,
//! message copying between heaps, timers, links and monitors.
pub mod error_value;
pub mod message;
pub mod blocking;
pub mod channel;
pub mod local;
pub mod msgobj;
pub mod process;
pub mod runtime;
pub mod timer;
